// The colour theme: the system's by default, or the reader's choice, remembered in this browser
// (localStorage). Loaded without defer in <head> so the choice applies before the first paint; the
// stylesheet reads data-theme on <html>. Then it shows the toggle and dates printed pages.
(function () {
  var KEY = 'hindsight:theme';
  var root = document.documentElement;
  // Scripts run: the stylesheet shows the toggle from the first paint, so it never pushes the header about.
  root.setAttribute('data-js', '');
  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === 'light' || value === 'dark' ? value : 'system';
    } catch {
      return 'system';
    }
  }
  function apply(choice) {
    if (choice === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', choice);
  }
  apply(stored());

  function ready() {
    var toggle = document.querySelector('[data-theme-toggle]');
    if (toggle) {
      var buttons = toggle.querySelectorAll('[data-theme-choice]');
      var show = function (choice) {
        buttons.forEach(function (button) {
          button.setAttribute('aria-pressed', button.getAttribute('data-theme-choice') === choice ? 'true' : 'false');
        });
      };
      show(stored());
      toggle.hidden = false;
      toggle.addEventListener('click', function (event) {
        var button = event.target.closest && event.target.closest('[data-theme-choice]');
        if (!button) return;
        var choice = button.getAttribute('data-theme-choice');
        try {
          if (choice === 'system') window.localStorage.removeItem(KEY);
          else window.localStorage.setItem(KEY, choice);
        } catch {
          // Storage may be disabled: the choice then lasts for this page only.
        }
        apply(choice);
        show(choice);
      });
    }
    // A printed page carries the day it was printed, in the reader's own calendar.
    var date = document.querySelector('[data-print-date]');
    if (date) {
      date.textContent = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
