// Back office: turns the stacked language sections of an edit form into
// tabs. Without JavaScript every language stays visible, one after the
// other, and the tab links jump to them.
(function () {
  var links = document.querySelectorAll(".lang-tabs a[data-tab]");
  if (!links.length) return;
  var list = links[0].closest(".lang-tabs");
  list.setAttribute("role", "tablist");
  document.body.classList.add("js-tabs");
  function show(tag, focus) {
    links.forEach(function (a) {
      var on = a.getAttribute("data-tab") === tag;
      a.setAttribute("aria-selected", on ? "true" : "false");
      a.setAttribute("tabindex", on ? "0" : "-1");
      var panel = document.getElementById("tab-" + a.getAttribute("data-tab"));
      if (panel) panel.hidden = !on;
      if (on && focus) a.focus();
    });
  }
  links.forEach(function (a, i) {
    a.setAttribute("role", "tab");
    if (a.parentElement.tagName === "LI") a.parentElement.setAttribute("role", "presentation");
    a.setAttribute("aria-controls", "tab-" + a.getAttribute("data-tab"));
    var panel = document.getElementById("tab-" + a.getAttribute("data-tab"));
    if (panel) panel.setAttribute("role", "tabpanel");
    a.addEventListener("click", function (e) { e.preventDefault(); show(a.getAttribute("data-tab"), false); });
    a.addEventListener("keydown", function (e) {
      var n = null;
      if (e.key === "ArrowRight") n = links[(i + 1) % links.length];
      if (e.key === "ArrowLeft") n = links[(i - 1 + links.length) % links.length];
      if (n) { e.preventDefault(); show(n.getAttribute("data-tab"), true); }
    });
  });
  // Open the first tab with an error, else the first.
  var err = document.querySelector(".lang-tab .has-error");
  var first = err ? err.closest(".lang-tab").id.replace("tab-", "") : links[0].getAttribute("data-tab");
  show(first, false);
})();
