// Shows every <time data-local> in the reader's own time zone. Without JavaScript the server's UTC text stays.
(function () {
  "use strict";
  var dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeStyle: "short" });
  var timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });
  window.cohortLocalTime = function (element) {
    var when = new Date(element.getAttribute("datetime"));
    if (isNaN(when)) { return; }
    element.textContent = (element.hasAttribute("data-time-only") ? timeOnly : dateTime).format(when);
    element.title = when.toUTCString();
  };
  document.querySelectorAll("time[data-local]").forEach(window.cohortLocalTime);
})();
