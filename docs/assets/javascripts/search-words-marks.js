/* Search without accents and tone marks: many readers type "bao luc gia dinh"
   for Vietnamese "bạo lực gia đình", "telephone" for French "téléphone",
   "advogado gratis" for Portuguese "advogado grátis", "fe" for Kreyòl "fè";
   and an unmarked word can be another word (Vietnamese "bao" alone is "bao
   lâu", how long). This learns the index's own words and pairs of neighbouring
   words from the index Material hands its search worker, and puts the marks
   back: a pair of unmarked words becomes the pair the pages use most ("gia
   dinh" -> "gia đình"), a single unmarked word that is not itself on the pages
   becomes the marked word the pages use most. Words typed with marks stay as
   they are. Pages of the languages whose `search_words` is "marks"
   (whotocall/languages.py); runs before Material's bundle and search-query.js.
   Nothing leaves the page. */
(function () {
  "use strict";
  var Worker = window.Worker;
  if (!Worker || !Worker.prototype.postMessage) return;
  var SETUP = 0, QUERY = 2;             /* Material's search message types */
  var LETTERS = /^[a-z]+$/;
  var words = null, pairs = null, known = null;

  function bare(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/œ/g, "oe");
  }

  function count(map, key, value) {
    var seen = map.get(key) || new Map();
    seen.set(value, (seen.get(value) || 0) + 1);
    map.set(key, seen);
  }

  function most(seen) {
    var best = null, top = 0;
    seen.forEach(function (n, value) { if (n > top) { best = value; top = n; } });
    return best;
  }

  function learn(index) {
    words = new Map(); pairs = new Map(); known = new Set();
    var separator = new RegExp(index.config.separator);
    index.docs.forEach(function (doc) {
      var tokens = (doc.title + " " + doc.text).replace(/<[^>]*>/g, " ").toLowerCase().normalize("NFC")
        .split(separator).filter(Boolean);
      tokens.forEach(function (token, i) {
        known.add(token);
        count(words, bare(token), token);
        if (i + 1 < tokens.length) count(pairs, bare(token) + " " + bare(tokens[i + 1]), token + " " + tokens[i + 1]);
      });
    });
  }

  function unmarked(word) {
    return LETTERS.test(word);
  }

  function mark(query) {
    var typed = query.trim().split(/\s+/), out = [];
    for (var i = 0; i < typed.length; i++) {
      var word = typed[i], lower = word.toLowerCase();
      if (!unmarked(lower)) { out.push(word); continue; }
      var next = typed[i + 1] && typed[i + 1].toLowerCase();
      var pair = next && unmarked(next) && pairs.get(lower + " " + next);
      if (pair) { out.push(most(pair)); i += 1; continue; }
      var single = !known.has(lower) && words.get(lower);
      out.push(single ? most(single) : word);
    }
    return out.join(" ") + (/\s$/.test(query) ? " " : "");
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === SETUP && message.data && message.data.docs) {
      learn(message.data);
    } else if (words && message && message.type === QUERY && typeof message.data === "string") {
      message = { type: message.type, data: mark(message.data) };
    }
    return post.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
  };
})();
