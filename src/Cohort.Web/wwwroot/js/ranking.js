// Lets a ranking's rows be dragged into order. The rank inputs are rewritten to match, so the plain form post
// stays the one way a ranking is saved, and the page works the same without JavaScript.
(function () {
  "use strict";
  document.querySelectorAll("[data-rank-list]").forEach(function (list) {
    var dragged = null;
    var rows = function () { return Array.prototype.slice.call(list.querySelectorAll("[data-rank-row]")); };
    rows().forEach(function (row) { row.draggable = true; row.classList.add("draggable"); });

    list.addEventListener("dragstart", function (event) {
      dragged = event.target.closest ? event.target.closest("[data-rank-row]") : null;
      if (!dragged) { return; }
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.getAttribute("data-application"));
      dragged.classList.add("dragging");
    });
    list.addEventListener("dragover", function (event) {
      var over = event.target.closest ? event.target.closest("[data-rank-row]") : null;
      if (!dragged || !over) { return; }
      event.preventDefault(); // allows the drop
      if (over === dragged) { return; }
      var box = over.getBoundingClientRect();
      list.insertBefore(dragged, event.clientY > box.top + box.height / 2 ? over.nextSibling : over);
    });
    list.addEventListener("drop", function (event) { event.preventDefault(); });
    list.addEventListener("dragend", function () {
      if (!dragged) { return; }
      dragged.classList.remove("dragging");
      dragged = null;
      rows().forEach(function (row, index) {
        var rank = row.querySelector("[data-rank]");
        if (rank) { rank.value = index + 1; }
      });
    });
  });
})();
