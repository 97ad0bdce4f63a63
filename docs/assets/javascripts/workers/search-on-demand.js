/* Stand-in for Material's search worker (see ../search-on-demand.js): loads
   the real worker, named in ?worker=, with the first message, which carries
   the search index and comes only once the reader opens search. Lives beside
   the real worker, whose lunr language files are found relative to it. */
var worker = new URL(self.location.href).searchParams.get("worker") || "";
if (!/^search\.[0-9a-f]+\.min\.js$/.test(worker)) throw new Error("search-on-demand: unexpected worker " + worker);

self.addEventListener("message", function first(event) {
  self.removeEventListener("message", first);
  importScripts(worker);
  self.dispatchEvent(new MessageEvent("message", { data: event.data }));
});
