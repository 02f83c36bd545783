/* Progressive enhancement of the respondent's pages. Everything works without this file.
   - after a deliberate tap or click on an answer (one question per screen): go to the next question,
     never after a keyboard choice, with a switch to turn it off (off to begin with on a grid of many
     choices such as 0-10);
   - a live character counter for open answers;
   - a "read aloud" button (browser speech) for the children's questionnaire; the text stays;
   - focus on the error summary, and no double sending;
   - on a screen of one question: the step is sent by fetch and the answer is the next screen itself, shown
     in place with its address in the history, so a screen costs one request instead of two; focus goes to
     the new question. Anything unexpected sends the step the ordinary way. */
(function () {
  "use strict";

  function format(template, n) {
    var lang = document.documentElement.lang || "nl";
    var text;
    try { text = n.toLocaleString(lang); } catch (e) { text = String(n); }
    return template.replace("{n}", text);
  }

  function storedChoice(byDefault) {
    var stored = null;
    try { stored = window.localStorage.getItem("vl-auto"); } catch (e) { stored = null; }
    return stored === null ? byDefault : stored === "1";
  }

  function storeChoice(on) {
    try { window.localStorage.setItem("vl-auto", on ? "1" : "0"); } catch (e) { /* private mode */ }
  }

  function autoAdvance(form) {
    var next = form.querySelector("[data-next]");
    if (!next) { return; }
    var wrapper = document.createElement("p");
    wrapper.className = "auto-advance";
    var box = document.createElement("input");
    box.type = "checkbox";
    box.id = "vl-auto-advance";
    box.checked = storedChoice(form.getAttribute("data-auto-advance") !== "off");
    var label = document.createElement("label");
    label.htmlFor = box.id;
    label.textContent = form.getAttribute("data-auto-label");
    wrapper.appendChild(box);
    wrapper.appendChild(label);
    // shown above the question, so people know before they tap that a choice moves on
    var progress = document.querySelector(".progress");
    if (progress) { progress.parentNode.insertBefore(wrapper, progress.nextSibling); }
    else { form.insertBefore(wrapper, form.firstChild); }
    box.addEventListener("change", function () { storeChoice(box.checked); });

    // only a deliberate tap moves on: pressed and let go on the same answer, without sliding (scrolling)
    // and without holding on; a keyboard choice never moves on
    var pointerAt = 0;
    var down = null;
    form.addEventListener("pointerdown", function (event) {
      var option = event.target.closest(".option");
      down = option ? {option: option, x: event.clientX, y: event.clientY, at: Date.now()} : null;
    });
    form.addEventListener("pointerup", function (event) {
      var tap = down && event.target.closest(".option") === down.option && Date.now() - down.at < 800 &&
        Math.abs(event.clientX - down.x) < 12 && Math.abs(event.clientY - down.y) < 12;
      pointerAt = tap ? Date.now() : 0;
      down = null;
    });
    form.addEventListener("click", function (event) {
      var input = event.target;
      var byPointer = Date.now() - pointerAt < 1500;
      if (!box.checked || !byPointer || input.type !== "radio" || !input.closest(".option")) { return; }
      pointerAt = 0;
      window.setTimeout(function () {
        if (input.checked && !form.hasAttribute("data-sent")) {
          if (form.requestSubmit) { form.requestSubmit(next); } else { next.click(); }
        }
      }, 350);
    });
  }

  function counter(field, form) {
    var max = parseInt(field.getAttribute("data-maxlength"), 10);
    if (!max) { return; }
    var visible = document.getElementById(field.id + "-limit");
    var live = document.createElement("p");
    live.className = "visually-hidden";
    live.setAttribute("aria-live", "polite");
    field.parentNode.appendChild(live);
    var timer = null;
    function update(announce) {
      var left = max - field.value.length;
      var text = left >= 0 ? format(form.getAttribute("data-chars-left"), left)
        : format(form.getAttribute("data-chars-over"), -left);
      if (visible) {
        visible.textContent = text;
        visible.classList.toggle("char-count-over", left < 0);
      }
      if (announce) {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { live.textContent = text; }, 1000);
      }
    }
    field.addEventListener("input", function () { update(true); });
    update(false);
  }

  function readAloud(form) {
    if (!("speechSynthesis" in window)) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary read-aloud";
    button.textContent = form.getAttribute("data-read-label");
    form.parentNode.insertBefore(button, form);
    var speaking = false;
    button.addEventListener("click", function () {
      window.speechSynthesis.cancel();
      if (speaking) {
        speaking = false;
        button.textContent = form.getAttribute("data-read-label");
        return;
      }
      var parts = [];
      form.querySelectorAll("[data-read]").forEach(function (node) { parts.push(node.textContent.trim()); });
      var utterance = new window.SpeechSynthesisUtterance(parts.join(". "));
      var marked = form.querySelector("[data-read] [lang], [data-read][lang]");  // survey texts in their own language
      utterance.lang = (marked && marked.lang) || document.documentElement.lang || "nl";
      utterance.rate = 0.9;
      utterance.onend = function () {
        speaking = false;
        button.textContent = form.getAttribute("data-read-label");
      };
      speaking = true;
      button.textContent = form.getAttribute("data-stop-label");
      window.speechSynthesis.speak(utterance);
    });
  }

  function sendOnce(form) {
    form.addEventListener("submit", function (event) {
      if (form.hasAttribute("data-sent")) { event.preventDefault(); return; }
      form.setAttribute("data-sent", "");
    });
  }

  // the scripts of a page by address; a script in the page itself would not run when shown in place
  function scriptsOf(doc) {
    var found = [];
    doc.querySelectorAll("script").forEach(function (script) {
      found.push(script.src ? new URL(script.getAttribute("src"), window.location.href).href : null);
    });
    return found;
  }

  // the page a step's answer brought, shown in place of this one (only when it needs no script this page
  // has not run already: the enhancements are started again on it)
  function show(text, url, from) {
    var next = new window.DOMParser().parseFromString(text, "text/html");
    var loaded = scriptsOf(document);
    var missing = !next.body || scriptsOf(next).some(function (src) { return !src || loaded.indexOf(src) < 0; });
    var here = new URL(url, window.location.href).href;
    if (missing) { window.location.assign(here); return; }
    document.title = next.title;
    ["lang", "dir"].forEach(function (name) {
      var value = next.documentElement.getAttribute(name);
      if (value === null) { document.documentElement.removeAttribute(name); }
      else { document.documentElement.setAttribute(name, value); }
    });
    document.body.replaceWith(document.importNode(next.body, true));
    swapped = true;
    // one call to the history only: a test or a tool that waits for the address sees the new one at once
    if (here === from) { window.history.replaceState({screen: true}, "", here); }
    else { window.history.pushState({screen: true}, "", here); }
    window.scrollTo(0, 0);
    start();
    if (window.vlKeep) { window.vlKeep(); }
    if (!document.getElementById("foutmeldingen")) {
      var heading = document.querySelector("main h1") || document.querySelector("h1");
      if (heading) {
        if (!heading.hasAttribute("tabindex")) { heading.setAttribute("tabindex", "-1"); }
        heading.focus();
      }
    }
  }

  function sendByScript(form) {
    if (!form.hasAttribute("data-screen") || !window.fetch || !window.DOMParser || !window.history.pushState ||
        !window.URL) { return; }
    form.addEventListener("submit", function (event) {
      // only "Next" (its button, Enter in a field, or a tap that moves on); "Previous" and "Stop" go the
      // ordinary way, and so does every step in a browser that does not say which button was pressed
      var button = event.submitter;
      if (event.defaultPrevented || form.hasAttribute("data-plain") || button === undefined ||
          (button !== null && !button.hasAttribute("data-next"))) { return; }
      event.preventDefault();
      form.setAttribute("aria-busy", "true");
      var body = new window.FormData(form);
      if (button && button.name) { body.append(button.name, button.value); }
      var from = window.location.href;
      window.fetch(form.action || from, {method: "POST", body: body, credentials: "same-origin",
                                         headers: {"X-Screen": "1"}})
        .then(function (reply) {
          if ((reply.headers.get("Content-Type") || "").indexOf("text/html") !== 0) { throw new Error("no page"); }
          return reply.text().then(function (text) {
            show(text, reply.headers.get("X-Screen-Location") || reply.url, from);
          });
        })
        .catch(function () {
          // the connection broke, or the answer was no page: the step goes the ordinary way (a step that did
          // arrive is recognised by its lock and not stored twice)
          if (!document.body.contains(form)) { return; }  // the next page is shown already
          form.removeAttribute("data-sent");
          form.removeAttribute("aria-busy");
          form.setAttribute("data-plain", "");
          if (form.requestSubmit) { form.requestSubmit(button || undefined); } else { form.submit(); }
        });
    });
  }

  // back or forward between screens shown in place: load the screen of that address as the browser would
  var swapped = false;
  window.addEventListener("popstate", function (event) {
    if (swapped || (event.state && event.state.screen)) { window.location.reload(); }
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form.step-form").forEach(function (form) { form.removeAttribute("data-sent"); });
  });

  function start() {
    var summary = document.getElementById("foutmeldingen");
    if (summary) { summary.focus(); }
    document.querySelectorAll("form.step-form").forEach(function (form) {
      sendOnce(form);
      sendByScript(form);
      if (form.hasAttribute("data-auto-advance")) { autoAdvance(form); }
      if (form.hasAttribute("data-read-aloud")) { readAloud(form); }
      form.querySelectorAll("[data-maxlength]").forEach(function (field) { counter(field, form); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
