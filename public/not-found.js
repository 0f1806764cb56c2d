// The not-found page: offers a search made of the words of the missing address, so a renamed
// post-mortem (/incidents/2025-03-04-sign-in-broke/) is one click away ("sign in broke").
(function () {
  var form = document.querySelector('[data-not-found-search]');
  if (!form) return;
  var box = form.querySelector('input[name="q"]');
  var offer = document.querySelector('[data-not-found-offer]');
  // Folders of the site itself say nothing about what was wanted.
  var SECTIONS = [
    'incidents',
    'services',
    'teams',
    'tags',
    'reading-lists',
    'start-here',
    'trends',
    'search',
    'on-call',
    'api',
    'index',
    'index.html',
  ];

  function wordsOf(path) {
    var segments;
    try {
      segments = decodeURIComponent(path).split('/');
    } catch {
      segments = path.split('/');
    }
    segments = segments
      .map(function (segment) {
        return segment.replace(/\.(html?|mdx?|php|aspx?|json)$/i, '');
      })
      .filter(function (segment) {
        return segment !== '' && SECTIONS.indexOf(segment.toLowerCase()) === -1 && !/^\d{4}$/.test(segment);
      });
    var last = segments[segments.length - 1] || '';
    return last
      .replace(/^\d{4}-\d{2}-\d{2}-?/, '')
      .replace(/[-_+.]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100);
  }

  var words = wordsOf(window.location.pathname);
  if (!words) return;
  box.value = words;
  var link = document.createElement('a');
  link.href = form.getAttribute('action') + '?q=' + encodeURIComponent(words);
  link.textContent = words;
  offer.replaceChildren(
    document.createTextNode('Were you looking for this? Search the archive for “'),
    link,
    document.createTextNode('”.'),
  );
})();
