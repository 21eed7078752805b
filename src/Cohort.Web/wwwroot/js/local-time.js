// Rewrites every <time data-local data-format="…"> in the browser's own time zone, naming the zone, e.g.
// "14 January 2027, 21:00 (Asia/Kolkata)". The pattern is the .NET one the server used (TimeTagHelper), so the text
// reads the same before and after; the UTC title stays. Without JavaScript the server's text (UTC, or the zone the
// account records) stands.
(function () {
  "use strict";
  var months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  var utc = /^(Etc\/)?(UTC|GMT|Universal|Zulu)$/.test(zone);
  var clock = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone, weekday: "long", day: "numeric", month: "numeric", year: "numeric",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
  });

  function format(when, pattern) {
    var part = {};
    clock.formatToParts(when).forEach(function (p) { part[p.type] = p.value; });
    var month = months[Number(part.month) - 1];
    var tokens = { dddd: part.weekday, yyyy: part.year, MMMM: month, MMM: month.slice(0, 3), d: String(Number(part.day)), HH: part.hour, mm: part.minute, ss: part.second };
    return pattern.replace(/dddd|yyyy|MMMM|MMM|d|HH|mm|ss/g, function (token) { return tokens[token]; });
  }

  window.cohortLocalTime = function (element) {
    var when = new Date(element.getAttribute("datetime"));
    var pattern = element.getAttribute("data-format");
    if (isNaN(when) || !pattern) { return; }
    // A day alone names no zone, as on the server.
    var named = pattern.indexOf("HH") < 0 ? "" : utc ? " UTC" : " (" + zone + ")";
    element.textContent = format(when, pattern) + named;
    if (!element.title) { element.title = when.toISOString().replace("T", " ").slice(0, 19) + " UTC"; }
  };
  document.querySelectorAll("time[data-local]").forEach(window.cohortLocalTime);
  // Sign-up records the browser's zone, so mail can name it beside UTC.
  document.querySelectorAll("input[data-browser-zone]").forEach(function (input) { if (!input.value) { input.value = zone; } });
})();
