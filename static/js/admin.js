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
  // A tab's badge says its text was changed as soon as it is typed into,
  // and goes back to what was saved if the change is undone.
  var unsaved = list.getAttribute("data-unsaved");
  links.forEach(function (a) {
    var badge = a.querySelector(".tr-badge");
    var panel = document.getElementById("tab-" + a.getAttribute("data-tab"));
    if (!badge || !panel || !unsaved) return;
    var saved = { text: badge.textContent, cls: badge.className };
    var fields = panel.querySelectorAll("input[type=text], input:not([type]), textarea");
    var initial = Array.prototype.map.call(fields, function (f) { return f.value; });
    panel.addEventListener("input", function () {
      var changed = Array.prototype.some.call(fields, function (f, i) { return f.value !== initial[i]; });
      badge.textContent = changed ? unsaved : saved.text;
      badge.className = changed ? "tr-badge tr-unsaved" : saved.cls;
    });
  });
  // Open the first tab with an error, else the record's source language,
  // else the first.
  var err = document.querySelector(".lang-tab .has-error");
  var source = list.querySelector("a[data-source]");
  var first = err ? err.closest(".lang-tab").id.replace("tab-", "")
    : (source || links[0]).getAttribute("data-tab");
  show(first, false);
})();

// A message passed by a redirect (?flash=saved) is shown once: the address
// loses it, so reloading the page does not say "Saved." again.
(function () {
  if (!window.history.replaceState || !/[?&]flash=/.test(window.location.search)) return;
  var params = new URLSearchParams(window.location.search);
  params.delete("flash");
  var q = params.toString();
  window.history.replaceState(null, "", window.location.pathname + (q ? "?" + q : "") + window.location.hash);
})();
