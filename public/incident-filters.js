// The incident list's filters and order (/incidents/), a progressive enhancement: the page holds every
// post-mortem in its table, and without this script shows them all. With it, the form appears; rows are
// hidden and reordered by their data- attributes, and the choice lives in the address
// (?severity=SEV1&severity=SEV2&sort=ttm-longest), so a filtered list can be shared or bookmarked.
// Within a filter the values chosen are alternatives (SEV1 or SEV2); across filters all must hold.
(function () {
  var form = document.querySelector('[data-incident-filters]');
  var list = document.querySelector('[data-incident-list]');
  var table = list && list.querySelector('table');
  if (!form || !table || !table.tBodies[0]) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var count = document.querySelector('[data-incident-count]');
  var none = document.querySelector('[data-no-match]');
  var names = list.getAttribute('data-filter-names').split(' ');
  // The row attribute each filter reads; a row may hold several values separated by spaces.
  var ROW = { severity: 'severity', service: 'services', team: 'teams', type: 'type', year: 'year', status: 'status' };
  var SORTS = {
    newest: function (a, b) {
      return at(b) - at(a);
    },
    oldest: function (a, b) {
      return at(a) - at(b);
    },
    severity: function (a, b) {
      return num(a, 'rank') - num(b, 'rank') || at(b) - at(a);
    },
    'ttm-longest': function (a, b) {
      return byTtm(a, b, -1);
    },
    'ttm-shortest': function (a, b) {
      return byTtm(a, b, 1);
    },
  };

  function at(row) {
    return Number(row.getAttribute('data-at'));
  }
  function num(row, name) {
    return Number(row.getAttribute('data-' + name));
  }
  // Post-mortems not yet mitigated have no time to mitigate: they go last either way.
  function byTtm(a, b, direction) {
    var x = a.getAttribute('data-ttm');
    var y = b.getAttribute('data-ttm');
    if (x === null || y === null) return (x === null) - (y === null) || at(b) - at(a);
    return direction * (Number(x) - Number(y)) || at(b) - at(a);
  }

  function boxes(name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"][name="' + name + '"]'));
  }

  function chosen() {
    var result = {};
    names.forEach(function (name) {
      result[name] = boxes(name)
        .filter(function (box) {
          return box.checked;
        })
        .map(function (box) {
          return box.value;
        });
    });
    return result;
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    names.forEach(function (name) {
      var wanted = params.getAll(name);
      boxes(name).forEach(function (box) {
        box.checked = wanted.indexOf(box.value) !== -1;
      });
    });
    var sort = params.get('sort');
    form.elements.sort.value = SORTS[sort] ? sort : 'newest';
  }

  function toAddress(selection, sort) {
    var params = new URLSearchParams();
    names.forEach(function (name) {
      selection[name].forEach(function (value) {
        params.append(name, value);
      });
    });
    if (sort !== 'newest') params.set('sort', sort);
    var query = params.toString();
    var address = window.location.pathname + (query ? '?' + query : '') + window.location.hash;
    if (address !== window.location.pathname + window.location.search + window.location.hash)
      window.history.replaceState(null, '', address);
  }

  function apply() {
    var selection = chosen();
    var sort = SORTS[form.elements.sort.value] ? form.elements.sort.value : 'newest';
    var shown = 0;
    rows.forEach(function (row) {
      var keep = names.every(function (name) {
        var wanted = selection[name];
        if (wanted.length === 0) return true;
        var values = (row.getAttribute('data-' + ROW[name]) || '').split(' ');
        return values.some(function (value) {
          return wanted.indexOf(value) !== -1;
        });
      });
      row.hidden = !keep;
      if (keep) shown += 1;
    });
    body.append.apply(body, rows.slice().sort(SORTS[sort]));
    form.querySelectorAll('[data-filter-summary]').forEach(function (summary) {
      var group = summary.closest('details').querySelectorAll('input:checked').length;
      summary.textContent = summary.getAttribute('data-filter-summary') + (group > 0 ? ' (' + group + ')' : '');
    });
    var filtered = names.some(function (name) {
      return selection[name].length > 0;
    });
    count.textContent = filtered
      ? 'Showing ' + shown + ' of ' + rows.length + ' post-mortems'
      : 'Showing all ' + rows.length + ' post-mortems';
    none.hidden = shown > 0;
    table.hidden = shown === 0;
    toAddress(selection, sort);
  }

  form.hidden = false;
  fromAddress();
  apply();
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    apply();
  });
  // A reset clears the boxes after this event; apply once it has.
  form.addEventListener('reset', function () {
    window.setTimeout(apply, 0);
  });
})();
