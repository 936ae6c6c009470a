// Progressive enhancement for the programme's PDF uploads (the application
// form, the amend page, the referee's letter): a file that is too large or
// not a PDF is refused as soon as it is chosen, before a byte is sent, with
// the same translated message the server gives (from the field's data-
// attributes). The server checks every file again; without JavaScript it is
// the only check.
(function () {
  var inputs = document.querySelectorAll("input[type=file][data-max-bytes]");
  Array.prototype.forEach.call(inputs, function (input) {
    var max = parseInt(input.getAttribute("data-max-bytes"), 10);
    var out = document.getElementById(input.id + "-check");
    function show(message) {
      if (!out) return;
      out.textContent = message || "";
      out.hidden = !message;
      var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && id !== out.id;
      });
      if (message) ids.push(out.id);
      if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
      else input.removeAttribute("aria-describedby");
      if (message) input.setAttribute("aria-invalid", "true");
      else if (!input.closest(".has-error")) input.removeAttribute("aria-invalid");
    }
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return show("");
      var pdf = file.type === "application/pdf" || /\.pdf$/i.test(file.name);
      var message = "";
      if (!pdf) message = input.getAttribute("data-not-pdf");
      else if (max > 0 && file.size > max) message = input.getAttribute("data-too-large");
      if (message) input.value = "";
      show(message);
    });
  });
})();
