/* Keyboard coding on the answer page (progressive enhancement: the form works without it).
   1–9 and 0 tick or untick a theme, Enter confirms, J goes to the next answer, K to the previous one.
   Keys are ignored while typing in a text field, and when a modifier key is held. An answer that waits for
   scrubbing has no form: there only J and K move. */
(function () {
  "use strict";
  var form = document.getElementById("coding-form");
  if (!form && !document.getElementById("next-answer") && !document.getElementById("previous-answer")) { return; }

  function typing(target) {
    var tag = target && target.tagName ? target.tagName.toLowerCase() : "";
    if (tag === "textarea" || tag === "select" || (target && target.isContentEditable)) { return true; }
    return tag === "input" && ["checkbox", "radio", "submit", "button", "hidden"].indexOf(target.type) === -1;
  }

  function follow(id) {
    var link = document.getElementById(id);
    if (link) { window.location.assign(link.href); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    var key = event.key;
    if (!form && key !== "j" && key !== "J" && key !== "k" && key !== "K") { return; }
    if (/^[0-9]$/.test(key)) {
      var box = form.querySelector('input[type="checkbox"][data-key="' + key + '"]');
      if (box) {
        event.preventDefault();
        box.checked = !box.checked;
        box.focus();
      }
    } else if (key === "Enter") {
      var tag = event.target && event.target.tagName ? event.target.tagName.toLowerCase() : "";
      if (tag === "a" || tag === "button") { return; }  /* Enter on a link or button does what it says */
      event.preventDefault();
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    } else if (key === "j" || key === "J") {
      event.preventDefault();
      follow("next-answer");
    } else if (key === "k" || key === "K") {
      event.preventDefault();
      follow("previous-answer");
    }
  });
}());
