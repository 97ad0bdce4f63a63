/* Search on demand. Material downloads its search worker, this language's
   search index and its lunr language files as soon as a page opens, about a
   quarter of what a page weighs, although most readers never search. This
   holds them back until the reader opens search. Runs before the bundle.
   From file:// (offline edition) Material already waits, so nothing changes. */
(function () {
  "use strict";
  var config = document.getElementById("__config");
  var toggle = document.getElementById("__search");
  if (!config || !toggle || location.protocol === "file:") return;

  /* The worker: a small stand-in that loads Material's worker with the index. */
  var settings = JSON.parse(config.textContent);
  var worker = settings.search.split("/").pop();
  settings.search = settings.search.replace(/[^/]*$/, "search-on-demand.js?worker=" + encodeURIComponent(worker));
  config.textContent = JSON.stringify(settings);

  /* The index: Material asks for it with XMLHttpRequest; hold that request. */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var wanted = false;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.wtcSearchIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.wtcSearchIndex && !wanted) {
      held.push([this, arguments]);
      return;
    }
    return send.apply(this, arguments);
  };

  function start() {
    if (wanted) return;
    wanted = true;
    held.forEach(function (request) { send.apply(request[0], request[1]); });
    held = [];
  }

  /* Opening search: the header button, the search box, or a shortcut key. */
  toggle.addEventListener("change", function () { if (toggle.checked) start(); });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) start();
  });
})();
