// Counts down the time an attempt has left. The server computed the seconds when it rendered the page, so the
// reader's own clock, however wrong, plays no part. Without JavaScript the server's "minutes left" text stays,
// and the server refuses answers after the deadline either way.
(function () {
  "use strict";
  var remaining = document.getElementById("remaining");
  if (!remaining) { return; }
  var end = performance.now() + Number(remaining.getAttribute("data-seconds")) * 1000;

  function tick() {
    var left = Math.max(0, Math.round((end - performance.now()) / 1000));
    if (left === 0) {
      clearInterval(timer);
      remaining.textContent = "Time is up. What you saved has been handed in.";
      // Reloading shows the attempt as the server now sees it: closed, with the saved answers.
      setTimeout(function () { window.location.reload(); }, 2000);
      return;
    }

    var minutes = Math.floor(left / 60);
    var seconds = left % 60;
    remaining.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds + " left.";
    // Announce the last minutes to screen readers without reading every second.
    remaining.setAttribute("aria-live", left <= 300 && seconds === 0 ? "polite" : "off");
  }

  var timer = setInterval(tick, 1000);
  tick();
})();
