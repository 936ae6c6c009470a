// Progressive enhancement for the catalogue: with JavaScript, changing a
// filter or the sort order submits the form at once, empty fields are left
// out of the URL, and on a narrow screen the filters start folded (without
// JavaScript they start open, after the results). Without it, the "Apply
// filters" button does the same.
(function () {
  var form = document.getElementById("catalog-form");
  if (!form) return;
  var fold = form.querySelector(".filters-fold");
  if (fold && window.matchMedia && window.matchMedia("(max-width: 59.99rem)").matches) {
    fold.open = false;
  }
  function send() {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.value === "") el.disabled = true;
    });
  }
  // Back to this page from the results: the fields are usable again.
  window.addEventListener("pageshow", function () {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.value === "" && el.disabled) el.disabled = false;
    });
  });
  form.addEventListener("submit", send);
  form.addEventListener("change", function (e) {
    var t = e.target;
    if (t && (t.type === "checkbox" || t.tagName === "SELECT")) {
      var page = form.querySelector("input[name=page]");
      if (page) page.remove();
      send();
      form.submit();
    }
  });
})();
