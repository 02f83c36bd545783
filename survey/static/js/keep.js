/* Nothing lost on a bad connection. Everything works without this file (each step is saved when sent).
   - on a page of several questions: each answer is sent to the server as it is given (the step's own
     form token, lock and start key; the server stores it exactly once and never moves on);
   - while the connection is gone: the answers wait in this page (and in sessionStorage of this tab,
     so a reload keeps them), a calm message says so, and they are sent when the connection returns;
     what waited is removed as soon as it is sent, so a shared phone keeps nothing;
   - "Next" pressed without a connection waits and goes on by itself when the connection returns.
   A screen shown in place of the last one (respondent.js) starts its own keeper (window.vlKeep). */
(function () {
  "use strict";

  if (!window.fetch || !window.FormData) { return; }
  var current = null;  // the keeper of this page's step form

  function keeper(form) {
    var url = form.getAttribute("data-keep");
    var each = form.hasAttribute("data-keep-each");
    var note = document.getElementById("verbinding");
    var storeKey = "vl-wacht:" + window.location.pathname;
    var FIXED = /^(csrf_token|lock|start|taal|actie)$/;
    var inflight = null;   // the send under way
    var again = false;     // an answer changed while a send was under way
    var waiting = false;   // answers wait for the connection
    var held = null;       // the button pressed without a connection

    function say(key, kind) {
      if (!note) { return; }
      note.textContent = key ? form.getAttribute(key) : "";
      note.className = "connection-note" + (kind ? " connection-" + kind : "");
    }

    function answers() {
      var pairs = [];
      new window.FormData(form).forEach(function (value, name) {
        if (typeof value === "string" && !FIXED.test(name)) { pairs.push([name, value]); }
      });
      return pairs;
    }

    function keep() {
      try { window.sessionStorage.setItem(storeKey, JSON.stringify(answers())); } catch (e) { /* private mode */ }
    }

    function forget() {
      try { window.sessionStorage.removeItem(storeKey); } catch (e) { /* private mode */ }
    }

    function restore() {
      var pairs = null;
      try { pairs = JSON.parse(window.sessionStorage.getItem(storeKey) || "null"); } catch (e) { pairs = null; }
      if (!pairs || !pairs.length) { return false; }
      form.querySelectorAll("input, textarea, select").forEach(function (field) {
        if (!field.name || FIXED.test(field.name) || field.type === "hidden" || field.type === "submit") { return; }
        var mine = pairs.filter(function (pair) { return pair[0] === field.name; });
        if (field.type === "radio" || field.type === "checkbox") {
          field.checked = mine.some(function (pair) { return pair[1] === field.value; });
        } else {
          field.value = mine.length ? mine[0][1] : "";
        }
      });
      return true;
    }

    function setLock(lock) {
      var field = form.querySelector("input[name=lock]");
      if (field && lock !== undefined && lock !== null) { field.value = String(lock); }
    }

    var retry = null;
    function offline() {
      keep();
      // an earlier save still on its way carries older answers: when it succeeds, it must not count as
      // sending these (nor drop them from this tab); they are sent after it
      if (inflight) { again = true; }
      waiting = true;
      say("data-offline", "offline");
      // the "online" event does not come when the connection only seemed to be there
      window.clearTimeout(retry);
      retry = window.setTimeout(function () { if (navigator.onLine) { reconnect(); } else { offline(); } }, 5000);
    }

    function reconnect() {
      if (!waiting || inflight) { return; }
      if (each || !held) { send(); return; }
      waiting = false;
      say("data-online", "online");
      goOn();
    }

    function goOn() {
      if (!held) { return; }
      var button = held;
      held = null;
      if (form.requestSubmit) { form.requestSubmit(button); } else { button.click(); }
    }

    function send() {
      if (inflight) { again = true; return; }
      again = false;
      var body = new window.FormData(form);
      inflight = window.fetch(url, {method: "POST", body: body, credentials: "same-origin",
                                    headers: {"Accept": "application/json"}})
        .then(function (reply) {
          return reply.json().catch(function () { return {status: "error"}; })
            .then(function (data) { return {ok: reply.ok, data: data}; });
        })
        .then(function (result) {
          inflight = null;
          if (!result.ok) {
            forget();
            waiting = false;
            held = null;
            say(result.data.status === "other_tab" ? "data-other-tab" : "data-expired", "problem");
            return;
          }
          window.clearTimeout(retry);
          setLock(result.data.lock);
          if (again) { send(); return; }
          forget();
          if (waiting) { waiting = false; say("data-online", "online"); }
          goOn();
        }, function () {
          inflight = null;
          offline();
        });
    }

    function changed() {
      if (!navigator.onLine) { offline(); return; }
      send();
    }

    var typing = null;
    if (each) {
      form.addEventListener("change", function (event) {
        if (event.target.name && !FIXED.test(event.target.name)) { window.clearTimeout(typing); changed(); }
      });
      form.addEventListener("input", function (event) {
        if (event.target.tagName !== "TEXTAREA" && event.target.type !== "text") { return; }
        window.clearTimeout(typing);
        typing = window.setTimeout(changed, 1500);
      });
    }

    function submitted(event) {
      if (event.target !== form) { return; }
      window.clearTimeout(typing);  // the step sends every answer itself
      if (navigator.onLine && !inflight && !waiting) { forget(); return; }
      event.preventDefault();
      event.stopPropagation();
      held = event.submitter || form.querySelector("[data-next]");
      if (!navigator.onLine || waiting) { offline(); return; }
      if (!inflight) { send(); }
    }

    if (restore()) {
      if (navigator.onLine) { send(); } else { offline(); }
    }
    return {
      submitted: submitted,
      online: reconnect,
      offline: function () { if (held || waiting) { offline(); } },
      stop: function () { window.clearTimeout(retry); window.clearTimeout(typing); }
    };
  }

  function start() {
    if (current) { current.stop(); }
    var form = document.querySelector("form.step-form[data-keep]");
    current = form ? keeper(form) : null;
  }

  // Capture on window: runs before the page's other submit handlers (no double sending).
  window.addEventListener("submit", function (event) { if (current) { current.submitted(event); } }, true);
  window.addEventListener("online", function () { if (current) { current.online(); } });
  window.addEventListener("offline", function () { if (current) { current.offline(); } });
  window.vlKeep = start;
  start();
}());
