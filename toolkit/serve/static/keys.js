// termkit serve: keyboard shortcuts. Each key clicks the button marked data-key="…" in the
// focused bead (or glossary row); j/k move the focus. No framework, no build step.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll("section.bead, tr.row"));
  var help = document.getElementById("help");
  var current = -1;

  function focus(i) {
    if (!items.length) return;
    current = Math.max(0, Math.min(items.length - 1, i));
    items.forEach(function (el) { el.classList.remove("focus"); });
    items[current].classList.add("focus");
    items[current].focus({ preventScroll: true });
    items[current].scrollIntoView({ block: "nearest" });
  }
  window.termkitHelp = function () { help.hidden = !help.hidden; };

  // after a redirect to #b12 or #e-3, keep working where you were
  var start = location.hash ? document.getElementById(location.hash.slice(1)) : null;
  if (start && items.indexOf(start) >= 0) focus(items.indexOf(start));
  else if (items.length) focus(0);
  items.forEach(function (el, i) { el.addEventListener("focusin", function () { current = i; }); });

  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) {
      if (ev.key === "Escape") t.blur();
      return;
    }
    var key = ev.key;
    if (key === "?") { window.termkitHelp(); ev.preventDefault(); return; }
    if (key === "Escape") { help.hidden = true; return; }
    if (key === "/") { var box = document.getElementById("lookup-box"); if (box) { box.focus(); ev.preventDefault(); } return; }
    if (key === "j" || key === "ArrowDown" && items.length) { focus(current + 1); ev.preventDefault(); return; }
    if (key === "k" || key === "ArrowUp" && items.length) { focus(current - 1); ev.preventDefault(); return; }
    var scope = current >= 0 && items.length ? items[current] : document;
    var target = scope.querySelector('[data-key="' + CSS.escape(key) + '"]') || document.querySelector('#undo[data-key="' + CSS.escape(key) + '"]')
      || (items.length ? null : document.querySelector('[data-key="' + CSS.escape(key) + '"]'));
    if (!target) return;
    ev.preventDefault();
    if (target.tagName === "SUMMARY") {
      var d = target.parentElement; d.open = true;
      var first = d.querySelector("input"); if (first) first.focus();
    } else {
      target.click();
    }
  });
})();
