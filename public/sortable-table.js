// Sortable tables (table[data-sortable]): a progressive enhancement. The table arrives sorted by due
// date; a button in each th[data-sort] re-sorts the rows by that column's data- value without a reload.
(function () {
  document.querySelectorAll('table[data-sortable]').forEach(function (table) {
    var body = table.tBodies[0];
    if (!body) return;
    var original = Array.prototype.slice.call(body.rows);
    table.querySelectorAll('th[data-sort]').forEach(function (th) {
      var key = th.dataset.sort;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.append.apply(button, Array.prototype.slice.call(th.childNodes));
      th.append(button);
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('th[data-sort]').forEach(function (other) {
          other.removeAttribute('aria-sort');
        });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var rows = original.slice().sort(function (a, b) {
          var x = a.dataset[key] || '';
          var y = b.dataset[key] || '';
          return (ascending ? x.localeCompare(y) : y.localeCompare(x)) || (a.dataset.due || '').localeCompare(b.dataset.due || '');
        });
        body.append.apply(body, rows);
      });
    });
  });
})();
