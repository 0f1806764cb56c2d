// Keyboard shortcuts on every page: "/" puts the cursor in the search box (the header's, or the search
// page's own), as on many sites. It is ignored while typing in a field, and with a modifier key held.
(function () {
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    var box = document.querySelector('[data-search-box]');
    // Already in the empty search box (the search page puts the cursor there): nothing to type "/" for.
    if (box && target === box && box.value === '') {
      event.preventDefault();
      return;
    }
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
})();
