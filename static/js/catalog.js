// Progressive enhancement for the catalogue: with JavaScript, changing a
// filter or the sort order submits the form at once. Without it, the
// "Apply filters" button does the same.
(function () {
  var form = document.getElementById("catalog-form");
  if (!form) return;
  form.addEventListener("change", function (e) {
    var t = e.target;
    if (t && (t.type === "checkbox" || t.tagName === "SELECT")) {
      var page = form.querySelector("input[name=page]");
      if (page) page.remove();
      form.submit();
    }
  });
})();
