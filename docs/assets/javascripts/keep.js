/* "Keep this guide on this phone" on the download page (overrides/components/keep.html): asks our
   service worker to save every file of the reader's language (the worker reads <lang>/keep.json),
   says how much it saved and the facts date, and removes the saved copy and the worker on request.
   Everything stays on the phone; nothing is sent anywhere. */
(function () {
  "use strict";
  var box = document.querySelector(".wtc-keep");
  if (!box || !("serviceWorker" in navigator) || !window.caches || !/^https?:$/.test(location.protocol)) return;
  var lang = box.getAttribute("data-lang");
  var list = new URL(box.getAttribute("data-list"), location.href).href;
  var worker = new URL(box.getAttribute("data-worker"), location.href).href;
  var save = box.querySelector(".wtc-keep__save");
  var remove = box.querySelector(".wtc-keep__remove");
  var status = box.querySelector(".wtc-keep__status");
  var PREFIX = "wtc-";

  function words(name, values) {
    return box.getAttribute("data-" + name).replace(/\{(\w+)\}/g, function (all, key) {
      return values && key in values ? values[key] : all;
    });
  }
  function show(text, saved) {
    status.textContent = text;
    remove.hidden = !saved;
    save.disabled = false;
  }
  function savedList() {
    return caches.keys().then(function (keys) {
      var key = keys.filter(function (k) { return k.indexOf(PREFIX + "1-saved-" + lang + "-") === 0; })[0];
      return key ? caches.open(key).then(function (cache) { return cache.match(list); })
        .then(function (response) { return response ? response.json() : null; }) : null;
    });
  }

  box.querySelector(".wtc-keep__none").hidden = true;
  save.hidden = false;
  savedList().then(function (saved) { if (saved) show(words("saved", saved), true); });

  save.addEventListener("click", function () {
    save.disabled = true;
    status.textContent = words("saving");
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    navigator.serviceWorker.register(worker).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { (event.data && event.data.ok ? resolve : reject)(); };
        registration.active.postMessage({type: "save", lang: lang}, [channel.port2]);
      });
    }).then(savedList).then(function (saved) {
      if (!saved) throw new Error("not saved");
      show(words("saved", saved), true);
    }).catch(function () { show(words("failed"), false); });
  });

  remove.addEventListener("click", function () {
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0; })
        .map(function (k) { return caches.delete(k); }));
    }).then(function () {
      return navigator.serviceWorker.getRegistrations();
    }).then(function (registrations) {
      return Promise.all(registrations.map(function (r) { return r.unregister(); }));
    }).then(function () { show(words("removed"), false); });
  });
})();
