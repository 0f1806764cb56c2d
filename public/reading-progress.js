// Reading-list progress, kept in this browser only (localStorage). Pages work without it: the buttons
// and counters it drives stay hidden until it runs.
(function () {
  var KEY = 'hindsight:read';
  function load() {
    try {
      var ids = JSON.parse(window.localStorage.getItem(KEY) || '[]');
      return Array.isArray(ids) ? ids : [];
    } catch {
      return [];
    }
  }
  function save(ids) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(ids));
    } catch {
      // Storage may be full or disabled; progress is then kept for this page view only.
    }
  }
  var read = load();
  function isRead(id) {
    return read.indexOf(id) !== -1;
  }
  function setRead(id, value) {
    read = read.filter(function (x) {
      return x !== id;
    });
    if (value) read.push(id);
    save(read);
    render();
  }
  function render() {
    document.querySelectorAll('[data-read-toggle]').forEach(function (button) {
      var id = button.getAttribute('data-read-toggle');
      var done = isRead(id);
      button.hidden = false;
      button.setAttribute('aria-pressed', done ? 'true' : 'false');
      button.textContent = done ? 'Read ✓ (mark unread)' : 'Mark as read';
      var item = button.closest('[data-progress-item]');
      if (item) item.classList.toggle('is-read', done);
    });
    document.querySelectorAll('[data-progress-summary]').forEach(function (summary) {
      var ids = summary.getAttribute('data-progress-summary').split(' ').filter(Boolean);
      var count = ids.filter(isRead).length;
      summary.hidden = false;
      summary.textContent = count + ' of ' + ids.length + ' read' + (count === ids.length ? ': list complete' : '');
    });
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-read-toggle]');
    if (!button) return;
    var id = button.getAttribute('data-read-toggle');
    setRead(id, !isRead(id));
  });
  // On an incident opened from a list (?list=<id>), bring that list's position to the front; a "Start
  // here" list's position is shown only to a reader who came from it.
  var list = new URLSearchParams(window.location.search).get('list');
  if (list) {
    var box = document.querySelector('[data-list-position="' + CSS.escape(list) + '"]');
    if (box) {
      box.hidden = false;
      box.classList.add('is-current');
    }
  }
  render();
})();
