// Keyboard shortcuts on every page: "/" puts the cursor in the search box (the header's, or the search
// page's own), as on many sites. It is ignored while typing in a field, and with a modifier key held.
(function () {
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var box = document.querySelector('[data-search-box]');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
})();
