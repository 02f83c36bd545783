/* Presenter screen of a live poll: fetch the results every two seconds and update the bars in place.
   Without JavaScript the page refreshes itself (a <noscript> meta refresh). */
(function () {
  "use strict";
  var root = document.getElementById("poll-results");
  if (!root || !window.fetch) { return; }
  var url = root.getAttribute("data-url");
  var hiddenLabel = root.getAttribute("data-hidden-label");
  var INTERVAL = 2000;

  function find(parent, attribute, value) {
    var nodes = parent.querySelectorAll("[" + attribute + "]");
    for (var i = 0; i < nodes.length; i += 1) {
      if (nodes[i].getAttribute(attribute) === value) { return nodes[i]; }
    }
    return null;
  }

  function showBar(row, bar) {
    var meter = row.querySelector("meter");
    var value = row.querySelector("[data-value]");
    if (bar.count === null) {
      meter.hidden = true;
      meter.value = 0;
      value.textContent = hiddenLabel;
    } else {
      meter.hidden = false;
      meter.value = bar.percent;
      value.textContent = bar.percent + " % (" + bar.count + ")";
    }
  }

  function update(data) {
    data.items.forEach(function (item) {
      var box = find(root, "data-item", item.code);
      if (!box) { return; }
      box.querySelector("[data-answered]").textContent = item.answered;
      var shown = item.bars !== null;
      box.querySelector(".waiting").hidden = shown;
      box.querySelector(".bars").hidden = !shown;
      (item.bars || []).forEach(function (bar) {
        var row = find(box, "data-bar", bar.code);
        if (row) { showBar(row, bar); }
      });
    });
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(update)
      .catch(function () { /* try again at the next tick */ })
      .then(function () { window.setTimeout(poll, INTERVAL); });
  }

  window.setTimeout(poll, INTERVAL);
}());
