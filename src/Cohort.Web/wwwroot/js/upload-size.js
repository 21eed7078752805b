// Checks a chosen file against its field's limit (<input type="file" data-max-bytes="…">) before anything is sent:
// a file over it gets the field's message at once, and the form is not submitted, so a 9 MB CV never leaves the
// browser. Without JavaScript the server says the same beside the field, or with its 413 page for a huge body.
(function () {
  "use strict";
  function problemFor(input) {
    var id = input.id + "-size-problem";
    var element = document.getElementById(id);
    if (!element) {
      element = document.createElement("p");
      element.id = id;
      element.className = "problem";
      element.setAttribute("role", "alert");
      input.insertAdjacentElement("afterend", element);
      input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + id).trim());
    }
    return element;
  }

  // True when every chosen file fits; otherwise shows the field's message.
  function check(input) {
    var max = Number(input.getAttribute("data-max-bytes"));
    var tooLarge = Array.prototype.some.call(input.files || [], function (file) { return file.size > max; });
    var message = tooLarge ? "That file is too large: the limit is " + Math.floor(max / 1048576) + " MB. Choose a smaller file." : "";
    input.setCustomValidity(message);
    var problem = problemFor(input);
    problem.textContent = message;
    problem.hidden = !tooLarge;
    if (tooLarge) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
    return !tooLarge;
  }

  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    input.addEventListener("change", function () { check(input); });
    if (input.form) {
      input.form.addEventListener("submit", function (event) {
        if (!check(input)) { event.preventDefault(); input.focus(); }
      });
    }
  });
})();
