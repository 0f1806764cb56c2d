// The search page (/search/): the site's own interface to Pagefind's JavaScript API. Everything it shows
// (titles, excerpts, headings, filter names and values) comes from the index and reaches the page as
// text (textContent and text nodes), never parsed as HTML; only the <mark> highlights Pagefind puts in
// excerpts become <mark> elements.
//
// The whole search lives in the address: ?q= the words, ?sort= the order, and one parameter per filter
// value (?severity=SEV1&severity=SEV2), so a search pasted into an incident channel opens the same
// results. Filters work without words (every SEV1 incident). Several values of one filter are
// alternatives (SEV1 or SEV2); different filters must all hold. The page draws its boxes and the filter
// groups before the index loads, so nothing moves when results arrive.
(function () {
  var root = document.getElementById('search');
  var form = document.getElementById('search-form');
  if (!root || !form) return;
  var input = form.elements.q;
  var sortBox = form.elements.sort;
  var SORTS = { newest: { date: 'desc' }, oldest: { date: 'asc' } };
  var PAGE_SIZE = 10;
  var UNAVAILABLE =
    'The search index is made by the build: run npm run build, then npm run preview, to search. Meanwhile, browse every incident from the Incidents page.';

  var params = new URLSearchParams(window.location.search);
  input.value = params.get('q') || '';
  sortBox.value = SORTS[params.get('sort')] ? params.get('sort') : 'relevance';

  var filterBox = root.querySelector('.search-filters');
  var resetButton = root.querySelector('[data-filters-reset]');
  var message = root.querySelector('[data-search-message]');
  var status = root.querySelector('[data-search-status]');
  var list = root.querySelector('.search-result-list');
  var more = root.querySelector('.search-more');
  var hint = root.querySelector('[data-service-hint]');

  // The on-call view of each service, by its name as the service filter shows it.
  var onCall = {};
  document.querySelectorAll('[data-service-directory] a[data-service-name]').forEach(function (a) {
    onCall[a.getAttribute('data-service-name').toLowerCase()] = { name: a.getAttribute('data-service-name'), href: a.getAttribute('href') };
  });

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // Pagefind escapes < and > in the text it cuts excerpts from, then wraps matches in <mark> and </mark>:
  // split on those two tags, and turn everything else back into the plain text it was.
  function appendExcerpt(parent, excerpt) {
    var marked = false;
    excerpt.split(/(<mark>|<\/mark>)/).forEach(function (part) {
      if (part === '<mark>') marked = true;
      else if (part === '</mark>') marked = false;
      else if (part !== '') {
        var text = document.createTextNode(part.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
        if (marked) {
          var mark = element('mark');
          mark.append(text);
          parent.append(mark);
        } else parent.append(text);
      }
    });
  }

  // Only addresses on this site become links.
  function sameSiteHref(url) {
    try {
      var resolved = new URL(url, window.location.href);
      return resolved.origin === window.location.origin ? resolved.pathname + resolved.search + resolved.hash : null;
    } catch {
      return null;
    }
  }

  function link(url, text) {
    var href = sameSiteHref(url);
    if (href === null) return document.createTextNode(text);
    var anchor = element('a', null, text);
    anchor.href = href;
    return anchor;
  }

  // Matches under a heading of the page, at most three (the most matches first), in page order, each
  // address and each heading once: a heading repeated in the page would otherwise show twice.
  function sections(data) {
    var urls = {};
    var titles = {};
    var under = (data.sub_results || []).filter(function (sub) {
      if (sub.url.indexOf('#') === -1 || urls[sub.url] || titles[sub.title]) return false;
      urls[sub.url] = titles[sub.title] = true;
      return true;
    });
    var best = under
      .slice()
      .sort(function (a, b) {
        return b.locations.length - a.locations.length;
      })
      .slice(0, 3);
    return under.filter(function (sub) {
      return best.indexOf(sub) !== -1;
    });
  }

  function renderResult(data, term) {
    var item = element('li', 'search-result');
    var title = item.appendChild(element('h2', 'search-result-title'));
    title.append(link(data.url, (data.meta && data.meta.title) || data.url));
    var parts = term ? sections(data) : [];
    // Without words there is nothing to highlight: the summary says what the post-mortem is about.
    if (!term && data.meta && data.meta.summary) item.appendChild(element('p', 'search-result-excerpt', data.meta.summary));
    else if (parts.length === 0) appendExcerpt(item.appendChild(element('p', 'search-result-excerpt')), data.excerpt || '');
    else {
      var subs = item.appendChild(element('ul', 'search-sub-results'));
      parts.forEach(function (sub) {
        var entry = subs.appendChild(element('li'));
        entry.appendChild(element('p', 'search-sub-result-title')).append(link(sub.url, sub.title));
        appendExcerpt(entry.appendChild(element('p', 'search-result-excerpt')), sub.excerpt || '');
      });
    }
    var meta = Object.keys(data.meta || {}).filter(function (key) {
      return ['title', 'summary', 'image', 'image_alt'].indexOf(key) === -1;
    });
    if (meta.length > 0) {
      var tags = item.appendChild(element('ul', 'search-result-meta'));
      meta.forEach(function (key) {
        tags.append(element('li', null, capitalise(key) + ': ' + data.meta[key]));
      });
    }
    return item;
  }

  function describe(term, filters) {
    var parts = Object.keys(filters).map(function (name) {
      return name + ' ' + filters[name].any.join(' or ');
    });
    return (term ? 'for ' + term : '') + (parts.length ? (term ? ', with ' : 'with ') + parts.join(' and ') : '');
  }

  function resultsMessage(count, term, filters) {
    var results = count === 0 ? 'No results' : count === 1 ? '1 result' : count + ' results';
    var what = describe(term, filters);
    return what ? results + ' ' + what : results;
  }

  function start(pagefind) {
    var controls = [];
    var totals = {};
    var selected = {};
    var results = [];
    var shown = 0;
    var latest = 0;
    var searched = null;
    var pending = null;
    var shownTerm = '';

    var shownCounts = null;
    function showCounts(counts) {
      shownCounts = counts;
      controls.forEach(function (control) {
        var count = (counts[control.name] || {})[control.value] || 0;
        control.count.textContent = '(' + count + ')';
        control.label.hidden = count === 0 && !control.box.checked;
      });
    }

    function showChosen() {
      filterBox.querySelectorAll('[data-filter-name]').forEach(function (group) {
        var chosen = group.querySelectorAll('input:checked').length;
        group.querySelector('summary').textContent = group.getAttribute('data-filter-name') + (chosen > 0 ? ' (' + chosen + ')' : '');
      });
    }

    function activeFilters() {
      var filters = {};
      Object.keys(selected).forEach(function (name) {
        if (selected[name].length > 0) filters[name] = { any: selected[name].slice() };
      });
      return filters;
    }

    // The address says what is on the page: paste it and the same search comes back.
    function remember(term, filters) {
      var next = new URLSearchParams();
      if (term) next.set('q', term);
      if (SORTS[sortBox.value]) next.set('sort', sortBox.value);
      Object.keys(filters).forEach(function (name) {
        filters[name].any.forEach(function (value) {
          next.append(name, value);
        });
      });
      var query = next.toString();
      var address = window.location.pathname + (query ? '?' + query : '');
      if (address !== window.location.pathname + window.location.search) window.history.replaceState(null, '', address);
    }

    // On call? A service named in the words or chosen as a filter links to its on-call view.
    function showServiceHint(term, filters) {
      var names = ((filters.service || {}).any || []).slice();
      if (term && onCall[term.toLowerCase()]) names.unshift(onCall[term.toLowerCase()].name);
      var found = names
        .map(function (name) {
          return onCall[name.toLowerCase()];
        })
        .filter(Boolean)
        .filter(function (service, i, all) {
          return all.indexOf(service) === i;
        });
      hint.replaceChildren();
      hint.hidden = found.length === 0;
      found.forEach(function (service, i) {
        if (i > 0) hint.append(document.createTextNode(' · '));
        var anchor = element('a', null, 'On call for ' + service.name + '? Its stance, budgets and contacts');
        anchor.href = service.href;
        hint.append(anchor);
      });
    }

    // The page's results are shown together, once all their fragments have arrived: shown one by one
    // as each arrived, a later result could land above an earlier one and move it.
    async function showMore(run) {
      var next = results.slice(shown, shown + PAGE_SIZE);
      var data = await Promise.all(
        next.map(function (result) {
          return result.data();
        }),
      );
      if (run !== latest) return;
      data.forEach(function (page) {
        list.append(renderResult(page, shownTerm));
      });
      shown += next.length;
      more.hidden = shown >= results.length;
    }

    // Runs the search the boxes describe; `focusResults` moves focus to the results once they are shown.
    async function search(debounce, focusResults) {
      var run = ++latest;
      var term = input.value.trim();
      var filters = activeFilters();
      remember(term, filters);
      showChosen();
      showServiceHint(term, filters);
      resetButton.hidden = Object.keys(filters).length === 0;
      if (!term && Object.keys(filters).length === 0) {
        results = [];
        searched = { term: term, results: [] };
        list.replaceChildren();
        message.textContent = '';
        status.textContent = '';
        more.hidden = true;
        showCounts(totals);
        return;
      }
      var options = { filters: filters };
      if (SORTS[sortBox.value]) options.sort = SORTS[sortBox.value];
      var found = debounce ? await pagefind.debouncedSearch(term || null, options, 300) : await pagefind.search(term || null, options);
      if (found === null || run !== latest) return;
      results = found.results;
      shownTerm = term;
      shown = 0;
      list.replaceChildren();
      message.textContent = resultsMessage(results.length, term, filters);
      status.textContent = message.textContent;
      // Counts for the words alone, so another value of a group already narrowed stays on offer; without
      // words, every value's count in the archive.
      showCounts(term ? found.totalFilters || found.filters || totals : totals);
      await showMore(run);
      if (run !== latest) return;
      searched = { term: term, results: results };
      if (focusResults) message.focus();
    }

    function firstResultLink() {
      return list.querySelector('.search-result-title a');
    }

    function openFirst() {
      var first = firstResultLink();
      if (first) window.location.assign(first.href);
    }

    function renderFilters() {
      var names = Object.keys(totals).sort();
      var shells = {};
      filterBox.querySelectorAll('[data-filter-group]').forEach(function (shell) {
        if (names.indexOf(shell.getAttribute('data-filter-group')) === -1) shell.remove();
        else shells[shell.getAttribute('data-filter-group')] = shell;
      });
      names.forEach(function (name, n) {
        var values = Object.keys(totals[name]).sort(function (a, b) {
          return a.localeCompare(b, 'en', { numeric: true });
        });
        var group = shells[name];
        if (!group) {
          group = element('details', 'search-filter');
          var summary = group.appendChild(element('summary', null, capitalise(name)));
          summary.id = 'filter-group-new-' + n;
          var box = group.appendChild(element('div', 'search-filter-values'));
          box.setAttribute('role', 'group');
          box.setAttribute('aria-labelledby', summary.id);
        }
        filterBox.insertBefore(group, resetButton);
        group.classList.remove('is-pending');
        var choices = group.querySelector('.search-filter-values');
        var wanted = params.getAll(name).filter(function (value) {
          return values.indexOf(value) !== -1;
        });
        selected[name] = wanted;
        // The group stays closed (opening it would push the results down); its name says how many are chosen.
        group.setAttribute('data-filter-name', capitalise(name));
        values.forEach(function (value) {
          var box = element('input');
          box.type = 'checkbox';
          box.id = 'filter-' + controls.length;
          box.checked = wanted.indexOf(value) !== -1;
          var choice = element('label');
          choice.htmlFor = box.id;
          var count = element('span', 'count');
          choice.append(box, document.createTextNode(' ' + value + ' '), count);
          choices.append(choice);
          box.addEventListener('change', function () {
            var chosen = (selected[name] || []).filter(function (v) {
              return v !== value;
            });
            if (box.checked) chosen.push(value);
            selected[name] = chosen;
            search(false, false);
          });
          controls.push({ name: name, value: value, box: box, label: choice, count: count });
        });
        if (values.length === 0) group.remove();
      });
    }

    input.addEventListener('input', function () {
      search(true, false);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' && firstResultLink()) {
        event.preventDefault();
        firstResultLink().focus();
      }
    });
    // Enter opens the first result of the words in the box; while they are still being searched, it
    // waits for that search.
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var term = input.value.trim();
      if (searched && searched.term === term && searched.results.length > 0) openFirst();
      else {
        pending = term;
        search(false, true).then(function () {
          if (pending === term && searched && searched.term === term && searched.results.length > 0) openFirst();
        });
      }
    });
    sortBox.addEventListener('change', function () {
      search(false, false);
    });
    more.addEventListener('click', function () {
      showMore(latest);
    });
    resetButton.addEventListener('click', function () {
      controls.forEach(function (control) {
        control.box.checked = false;
      });
      selected = {};
      search(false, false);
    });
    // Words that arrive in the address without filters (the header's search box) are searched at once;
    // the filters, which a large archive takes a while to load, are drawn when they arrive, with the
    // counts the search gave.
    var early =
      Boolean(input.value.trim()) &&
      Array.from(params.keys()).every(function (key) {
        return key === 'q' || key === 'sort';
      });
    var loading = pagefind.filters().then(function (all) {
      totals = all || {};
      renderFilters();
      if (shownCounts) showCounts(shownCounts);
    });
    if (early)
      return Promise.all([search(false, true), loading]).then(function () {
        // A search that finished before the filters had loaded may have counted none of their values: count again.
        var term = input.value.trim();
        if (!term) return;
        return pagefind.search(term, { filters: activeFilters() }).then(function (found) {
          if (found) showCounts(found.totalFilters || found.filters || totals);
        });
      });
    return loading.then(function () {
      var arrived = Boolean(input.value.trim()) || Object.keys(activeFilters()).length > 0;
      // A search that arrives in the address (from another page's box, or pasted) puts focus on its results.
      return search(false, arrived).then(function () {
        if (!arrived) input.focus();
      });
    });
  }

  var bundle = root.getAttribute('data-bundle');
  import(bundle + 'pagefind.js').then(
    function (pagefind) {
      // Short excerpts keep a result with three matching sections readable. Result addresses start at
      // the site's base path, which is where the bundle lives (a site served under /<repository>/).
      return pagefind.options({ excerptLength: 16, baseUrl: bundle.replace(/pagefind\/$/, '') }).then(function () {
        return start(pagefind);
      });
    },
    function () {
      // The index is written by `npm run build`; the dev server has none.
      message.textContent = UNAVAILABLE;
    },
  );
})();
