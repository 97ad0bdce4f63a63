/* Who to Call: keep the guide on this phone. Our own service worker (README, "On the phone without a
   connection"). Network first, so a reader online always gets the newest page; the cache answers only
   when the network cannot. Nothing is sent anywhere: every request goes to this site, as the page asked.
   Caches: "wtc-1-read" (pages and files as the reader opens them) and "wtc-1-saved-<lang>-<version>"
   (every file of one language, from <lang>/keep.json, written by the build with a hash per file). */
"use strict";
var LANGS = /*LANGS*/[];            /* language codes, the default first (filled by whotocall/keep.py) */
var PREFIX = "wtc-1-";              /* change it to drop every cache of an older worker */
var READ = PREFIX + "read";
var SAVED = PREFIX + "saved-";
var LIST = "keep.json";
var SCOPE = self.registration.scope;

function folder(lang) { return lang === LANGS[0] ? "" : lang + "/"; }
function langOf(url) {
  var first = url.slice(SCOPE.length).split("/")[0];
  return LANGS.indexOf(first) > 0 ? first : LANGS[0];
}
function savedNames(lang) {
  return caches.keys().then(function (keys) {
    return keys.filter(function (key) { return key.indexOf(SAVED + lang + "-") === 0; });
  });
}
function fresh(url) { return fetch(new Request(url, {cache: "no-cache"})); }
function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return (b + 256).toString(16).slice(1); }).join("");
}

/* Save (or bring up to date) every file of one language; resolves to its list. Unchanged files are
   copied from the last saved copy; the list goes in last, so a copy without it is unfinished. */
function save(lang) {
  var listUrl = SCOPE + folder(lang) + LIST;
  return fresh(listUrl).then(function (response) {
    if (!response.ok) throw new Error("no list");
    return response.json();
  }).then(function (list) {
    var name = SAVED + lang + "-" + list.version;
    return Promise.all([caches.open(name), savedNames(lang)]).then(function (found) {
      var cache = found[0], old = found[1].filter(function (key) { return key !== name; });
      var before = old.length ? caches.open(old[0]).then(function (c) {
        return c.match(listUrl).then(function (r) { return r ? r.json().then(function (l) { return [c, l]; }) : null; });
      }) : Promise.resolve(null);
      return before.then(function (previous) {
        var urls = Object.keys(list.files);
        function one(path) {
          var url = SCOPE + path;
          return cache.match(url).then(function (hit) {
            if (hit) return;
            var same = previous && previous[1].files[path] === list.files[path];
            return (same ? previous[0].match(url) : Promise.resolve(null)).then(function (copy) {
              return copy ? cache.put(url, copy) : fresh(url).then(function (r) {
                if (!r.ok) throw new Error(url);
                return cache.put(url, r);
              });
            });
          });
        }
        function worker() { return urls.length ? one(urls.shift()).then(worker) : null; }
        return Promise.all([worker(), worker(), worker(), worker()]);
      }).then(function () {
        return cache.put(listUrl, new Response(JSON.stringify(list), {headers: {"Content-Type": "application/json"}}));
      }).then(function () {
        return Promise.all(old.map(function (key) { return caches.delete(key); }));
      }).then(function () { return list; });
    });
  });
}

/* A page read online: keep it, refresh it in a saved copy, and when it differs from the saved
   copy's list (a new build), bring the whole saved copy up to date. */
function keep(request, response, navigate) {
  var url = request.url.split("#")[0].split("?")[0];
  var lang = langOf(url);
  return Promise.all([caches.open(READ), savedNames(lang), navigate ? response.clone().arrayBuffer() : null])
    .then(function (found) {
      var done = [found[0].put(url, response.clone())];
      var fallback = SCOPE + folder(lang) + "offline.html";
      if (navigate) done.push(caches.match(fallback).then(function (hit) {
        return hit || found[0].addAll([fallback, SCOPE + "assets/offline.css"]);
      }));
      found[1].forEach(function (key) {
        done.push(caches.open(key).then(function (cache) {
          return cache.match(url).then(function (hit) { return hit && cache.put(url, response.clone()); })
            .then(function () { return navigate && cache.match(SCOPE + folder(lang) + LIST); })
            .then(function (list) { return list && list.json(); })
            .then(function (list) {
              if (!list) return;
              return crypto.subtle.digest("SHA-256", found[2]).then(function (digest) {
                var path = url.slice(SCOPE.length);
                if (path in list.files && list.files[path] !== hex(digest).slice(0, 16)) return save(lang);
              });
            });
        }));
      });
      return Promise.all(done);
    }).catch(function () {});
}

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) { return key.indexOf(PREFIX) !== 0 && key.indexOf("wtc-") === 0; })
      .map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = request.url.split("#")[0].split("?")[0];
  if (request.method !== "GET" || url.indexOf(SCOPE) !== 0 || /\/downloads\/|\.(zip|pdf|map)$/.test(url) ||
      request.headers.has("range")) return;
  var navigate = request.mode === "navigate";
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && response.type === "basic" && !response.redirected) {
      event.waitUntil(keep(request, response.clone(), navigate));
    }
    return response;
  }, function () {
    var fallbacks = navigate ? [langOf(url)].concat(LANGS) : [];
    function next(hit) {   /* the page, else the fallback page in its language, else in a kept one */
      var init = hit && {status: hit.status, statusText: hit.statusText, headers: hit.headers};
      /* A kept page says it is the kept copy and shows its facts date (site.css, data-wtc-kept). */
      if (hit && navigate) return hit.text().then(function (html) {
        return new Response(html.replace("<html ", "<html data-wtc-kept "), init);
      });
      /* A fresh Response has no URL of its own, so a worker script keeps its ?query (search-on-demand.js). */
      return hit ? new Response(hit.body, init)
        : fallbacks.length ? caches.match(SCOPE + folder(fallbacks.shift()) + "offline.html").then(next)
        : Response.error();
    }
    return caches.match(url).then(next);
  }));
});

self.addEventListener("message", function (event) {
  var port = event.ports[0];
  if (!port || !event.data || event.data.type !== "save" || LANGS.indexOf(event.data.lang) < 0) return;
  event.waitUntil(save(event.data.lang).then(function (list) {
    port.postMessage({ok: true, bytes: list.bytes});
  }, function () { port.postMessage({ok: false}); }));
});
