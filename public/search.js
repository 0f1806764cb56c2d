// Starts Pagefind's search UI on /search/, taking the query (?q=) and order (?sort=) from the address.
(function () {
  var params = new URLSearchParams(window.location.search);
  var query = params.get('q') || '';
  var order = params.get('sort') || 'relevance';
  var sorts = { newest: { date: 'desc' }, oldest: { date: 'asc' } };
  var options = {
    element: '#search',
    showSubResults: true,
    showEmptyFilters: false,
    resetStyles: false,
    autofocus: !query,
    translations: { placeholder: 'Search post-mortems' },
  };
  if (sorts[order]) options.sort = sorts[order];
  if (typeof window.PagefindUI !== 'function') {
    // The index is written by `npm run build`; the dev server has none.
    var box = document.querySelector(options.element);
    if (box) box.textContent = 'The search index is made by the build: run npm run build, then npm run preview, to search. Meanwhile, browse every incident from the Incidents page.';
    return;
  }
  var ui = new window.PagefindUI(options);
  if (query) ui.triggerSearch(query);
  // The UI's text box has a placeholder but no accessible name; give it one.
  var input = document.querySelector('#search input[type="text"], #search .pagefind-ui__search-input');
  if (input) input.setAttribute('aria-label', 'Search post-mortems');

  var form = document.getElementById('sort-form');
  if (form) {
    form.elements.sort.value = order;
    form.addEventListener('submit', function () {
      var input = document.querySelector('#search input[type="text"], #search input');
      form.elements.q.value = input ? input.value : query;
    });
  }
  var headerBox = document.getElementById('site-search');
  if (headerBox) headerBox.value = query;
})();
