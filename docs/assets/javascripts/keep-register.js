/* Registers the site's service worker (sw.js at the site root; README, "On the phone without a
   connection"), which keeps the pages a reader opens so they open again with no signal. Only the
   registration runs here, after the page has loaded; the worker fetches nothing on its own until the
   reader asks to keep the guide. Not from file:// (the offline edition) or browsers without workers. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  var worker = new URL("../../sw.js", document.currentScript.src);
  addEventListener("load", function () {
    navigator.serviceWorker.register(worker).catch(function () {});
  });
})();
