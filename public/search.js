// The search page (/search/): the site's own interface to Pagefind's JavaScript API. Everything it shows
// (titles, excerpts, headings, filter names and values) comes from the index and reaches the page as
// text (textContent and text nodes), never parsed as HTML; only the <mark> highlights Pagefind puts in
// excerpts become <mark> elements. The query comes from ?q=, the order from ?sort=.
(function () {
  var root = document.getElementById('search');
  if (!root) return;
  var params = new URLSearchParams(window.location.search);
  var SORTS = { newest: { date: 'desc' }, oldest: { date: 'asc' } };
  var order = SORTS[params.get('sort')] ? params.get('sort') : 'relevance';
  var query = params.get('q') || '';
  var PAGE_SIZE = 10;
  var UNAVAILABLE = 'The search index is made by the build: run npm run build, then npm run preview, to search. Meanwhile, browse every incident from the Incidents page.';

  var headerBox = document.getElementById('site-search');
  if (headerBox) headerBox.value = query;

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

  function renderResult(data) {
    var item = element('li', 'search-result');
    var title = item.appendChild(element('h2', 'search-result-title'));
    title.append(link(data.url, (data.meta && data.meta.title) || data.url));
    // Matches under a heading of the page are shown with that heading, at most three, in page order.
    var sections = (data.sub_results || []).filter(function (sub) { return sub.url.indexOf('#') !== -1; });
    var best = sections.slice().sort(function (a, b) { return b.locations.length - a.locations.length; }).slice(0, 3);
    sections = sections.filter(function (sub) { return best.indexOf(sub) !== -1; });
    if (sections.length === 0) appendExcerpt(item.appendChild(element('p', 'search-result-excerpt')), data.excerpt || '');
    else {
      var list = item.appendChild(element('ul', 'search-sub-results'));
      sections.forEach(function (sub) {
        var entry = list.appendChild(element('li'));
        entry.appendChild(element('p', 'search-sub-result-title')).append(link(sub.url, sub.title));
        appendExcerpt(entry.appendChild(element('p', 'search-result-excerpt')), sub.excerpt || '');
      });
    }
    var meta = Object.keys(data.meta || {}).filter(function (key) { return key !== 'title' && key !== 'image' && key !== 'image_alt'; });
    if (meta.length > 0) {
      var tags = item.appendChild(element('ul', 'search-result-meta'));
      meta.forEach(function (key) { tags.append(element('li', null, capitalise(key) + ': ' + data.meta[key])); });
    }
    return item;
  }

  function resultsMessage(count, term) {
    var results = count === 1 ? '1 result' : count + ' results';
    if (count === 0) return term ? 'No results for ' + term : 'No results';
    return term ? results + ' for ' + term : results;
  }

  function start(pagefind) {
    var label = element('label', 'search-label', 'Search every post-mortem');
    label.htmlFor = 'search-query';
    var input = element('input');
    input.type = 'search';
    input.id = 'search-query';
    input.autocomplete = 'off';
    input.value = query;
    var layout = element('div', 'search-layout');
    var filterBox = layout.appendChild(element('div', 'search-filters'));
    var resultsBox = layout.appendChild(element('div', 'search-results'));
    var message = resultsBox.appendChild(element('p', 'search-message'));
    message.setAttribute('role', 'status');
    var list = resultsBox.appendChild(element('ol', 'search-result-list'));
    var more = resultsBox.appendChild(element('button', 'search-more', 'Show more results'));
    more.type = 'button';
    more.hidden = true;
    root.replaceChildren(label, input, layout);
    if (!query) input.focus();

    var controls = [];
    var totals = {};
    var selected = {};
    var results = [];
    var shown = 0;
    var latest = 0;

    function showCounts(counts) {
      controls.forEach(function (control) {
        var count = (counts[control.name] || {})[control.value] || 0;
        control.count.textContent = '(' + count + ')';
        control.label.hidden = count === 0 && !control.box.checked;
      });
    }

    function activeFilters() {
      var filters = {};
      Object.keys(selected).forEach(function (name) {
        if (selected[name].length > 0) filters[name] = { any: selected[name].slice() };
      });
      return filters;
    }

    async function showMore(run) {
      var next = results.slice(shown, shown + PAGE_SIZE);
      var data = await Promise.all(next.map(function (result) { return result.data(); }));
      if (run !== latest) return;
      data.forEach(function (page) { list.append(renderResult(page)); });
      shown += next.length;
      more.hidden = shown >= results.length;
    }

    async function search(debounce) {
      var run = ++latest;
      var term = input.value.trim();
      var filters = activeFilters();
      if (!term && Object.keys(filters).length === 0) {
        results = [];
        list.replaceChildren();
        message.textContent = '';
        more.hidden = true;
        showCounts(totals);
        return;
      }
      var options = { filters: filters };
      if (SORTS[order]) options.sort = SORTS[order];
      var found = debounce ? await pagefind.debouncedSearch(term || null, options, 300) : await pagefind.search(term || null, options);
      if (found === null || run !== latest) return;
      results = found.results;
      shown = 0;
      list.replaceChildren();
      message.textContent = resultsMessage(results.length, term);
      // Counts for the words alone, so another value of a group already narrowed stays on offer.
      showCounts(found.totalFilters || found.filters || totals);
      await showMore(run);
    }

    function renderFilters() {
      Object.keys(totals).sort().forEach(function (name) {
        var values = Object.keys(totals[name]).sort(function (a, b) { return a.localeCompare(b, 'en', { numeric: true }); });
        if (values.length === 0) return;
        var group = filterBox.appendChild(element('details', 'search-filter'));
        var summary = group.appendChild(element('summary', null, capitalise(name)));
        summary.id = 'filter-group-' + filterBox.childElementCount;
        var choices = group.appendChild(element('div', 'search-filter-values'));
        choices.setAttribute('role', 'group');
        choices.setAttribute('aria-labelledby', summary.id);
        values.forEach(function (value) {
          var box = element('input');
          box.type = 'checkbox';
          box.id = 'filter-' + controls.length;
          var choice = element('label');
          choice.htmlFor = box.id;
          var count = element('span', 'count');
          choice.append(box, document.createTextNode(' ' + value + ' '), count);
          choices.append(choice);
          box.addEventListener('change', function () {
            var chosen = (selected[name] || []).filter(function (v) { return v !== value; });
            if (box.checked) chosen.push(value);
            selected[name] = chosen;
            search(false);
          });
          controls.push({ name: name, value: value, box: box, label: choice, count: count });
        });
      });
    }

    input.addEventListener('input', function () { search(true); });
    more.addEventListener('click', function () { showMore(latest); });
    var form = document.getElementById('sort-form');
    if (form) {
      form.elements.sort.value = order;
      form.addEventListener('submit', function () { form.elements.q.value = input.value; });
    }
    return pagefind.filters().then(function (all) {
      totals = all || {};
      renderFilters();
      return search(false);
    });
  }

  var bundle = root.getAttribute('data-bundle');
  import(bundle + 'pagefind.js').then(function (pagefind) {
    // Short excerpts keep a result with three matching sections readable. Result addresses start at
    // the site's base path, which is where the bundle lives (a site served under /<repository>/).
    return pagefind.options({ excerptLength: 16, baseUrl: bundle.replace(/pagefind\/$/, '') }).then(function () { return start(pagefind); });
  }, function () {
    // The index is written by `npm run build`; the dev server has none.
    root.textContent = UNAVAILABLE;
  });
})();
