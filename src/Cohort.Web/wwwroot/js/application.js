// Autosaves an application form a few seconds after typing stops and whenever a field is left, and shows
// when it was last saved. The Save button does the same without JavaScript; this only spares the click.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form) { return; }
  var status = form.querySelector("[data-saved-at]");
  var timer = null;
  var dirty = false;
  var inFlight = false;
  var submitting = false;

  function answersOnly() {
    var data = new FormData(form);
    // Files are uploaded with Save or Submit; an autosave never sends them.
    Array.from(data.keys()).forEach(function (key) {
      if (data.get(key) instanceof File) { data.delete(key); }
    });
    return data;
  }

  function showProblems(problems) {
    form.querySelectorAll("[data-problem-for]").forEach(function (p) {
      var message = problems && problems[p.getAttribute("data-problem-for")];
      p.textContent = message || "";
      p.hidden = !message;
    });
  }

  function save() {
    if (!dirty || inFlight || submitting) { return; }
    dirty = false;
    inFlight = true;
    status.textContent = "Saving…";
    fetch(form.getAttribute("data-autosave"), { method: "POST", body: answersOnly(), credentials: "same-origin" })
      .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
      .then(function (result) {
        if (!result.ok) { status.textContent = result.body.refusal || "Not saved."; return; }
        var time = document.createElement("time");
        time.setAttribute("datetime", result.body.savedAt);
        time.setAttribute("data-format", "HH:mm:ss");
        status.textContent = "Saved at ";
        status.appendChild(time);
        window.cohortLocalTime(time);
        showProblems(result.body.problems);
      })
      .catch(function () { dirty = true; status.textContent = "Offline: not saved yet. Your answers stay on this page; we will retry."; })
      .finally(function () {
        inFlight = false;
        // Changes made while this save was on its way go out now rather than waiting for the next timer.
        if (dirty && navigator.onLine !== false) { save(); }
      });
  }

  function countWords(area) {
    var hint = area.closest(".question").querySelector("[data-word-count]");
    if (!hint) { return; }
    var words = area.value.trim() ? area.value.trim().split(/\s+/).length : 0;
    hint.textContent = "(" + words + (area.dataset.maxWords ? " of " + area.dataset.maxWords : "") + " words)";
  }

  form.addEventListener("input", function (event) {
    dirty = true;
    if (event.target.matches("textarea")) { countWords(event.target); }
    clearTimeout(timer);
    timer = setTimeout(save, 3000);
  });
  form.addEventListener("focusout", function (event) {
    clearTimeout(timer);
    // Leaving a field for one of the form's own buttons (Save, Submit, Hand in): that post carries every answer,
    // and an autosave sent alongside it could win the version check and make the button's save fail. If the
    // button is only tabbed past, the periodic save below catches up.
    var next = event.relatedTarget;
    if (next && next.form === form && next.type === "submit") { return; }
    save();
  });
  // Once the form posts itself, no autosave may follow it (the periodic one included); a page restored by Back saves again.
  // A submit another script stopped (upload-size.js, for a file over its limit) leaves autosave running.
  form.addEventListener("submit", function (event) { if (event.defaultPrevented) { return; } submitting = true; clearTimeout(timer); });
  window.addEventListener("pageshow", function () { submitting = false; });
  form.querySelectorAll("textarea[data-max-words]").forEach(countWords);
  setInterval(save, 15000); // retries a save that failed while offline
})();
