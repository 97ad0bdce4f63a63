/* Search queries as readers type them. Material sends each word to lunr as a
   prefix ("stolen*"), which skips lunr's stemmer and stop words: with the
   stemmed index (whotocall/search.py) "sordo" would not find "sordas", "the*"
   matched every page, and a typo found nothing. This rewrites each query
   before Material's search worker gets it:
   - every whole word is matched in its stemmed form ("violence^1" reaches
     "violenc"; stop words drop out),
   - the word still being typed (the last one), and any of 4 letters or more,
     keep Material's prefix match (so the exact form counts twice),
   - a word of 5 letters or more also matches with one letter wrong ("sucide~1"),
   - a phone number, with or without dashes, becomes its digit groups, all
     required ("18007997233" -> "+1 +800 +799 +7233"), as the pages split it.
   - a Korean word loses its particle ending and matches as a prefix,
   - on Persian pages, Arabic-keyboard ي and ك become Persian ی and ک.
   Chinese runs are left to search-words-zh.js. Material marks a word as
   "Missing" when no index word starts with it, which is wrong for a word found
   by its stem ("sordo" finds "sordas", index word "sord"): those marks are
   dropped from the results. Every language; runs before Material's bundle,
   online and from file://. Nothing leaves the page. */
(function () {
  "use strict";
  var Worker = window.Worker;
  if (!Worker || !Worker.prototype.postMessage) return;
  var SETUP = 0, QUERY = 2, RESULT = 3;    /* Material's search message types */
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var LUNR_SYNTAX = /[:^~*+\\"]/g;         /* lunr query operators a reader does not mean */
  var FUZZY_MIN = 5;                       /* shorter words: one wrong letter is another word */
  var WHOLE_BOOST = 1;                     /* the stemmed whole word against the prefix and the typo match */
  var PREFIX_MIN = 4;                      /* shorter whole words ("my", "was") as prefixes match everything */
  var separator = /[\s\-]+/;
  var HANGUL = /^[\uac00-\ud7a3]+$/;
  var KOREAN_FUZZY_MIN = 4;                /* a syllable holds two or three letters */
  var PARTICLES = ["에게서", "한테서", "으로는", "에서는", "에게", "에서", "으로", "한테", "까지", "부터",
                   "처럼", "하고", "이나", "이랑", "은", "는", "이", "가", "을", "를", "에", "의", "도",
                   "로", "와", "과", "만", "랑"];

  /* Korean: lunr.ko has no stemmer, so "경찰에게" (to the police) would not find "경찰이";
     the typed word loses a particle ending and, like every Korean word, matches as a prefix. */
  function korean(word) {
    for (var i = 0; i < PARTICLES.length; i++) {
      var ending = PARTICLES[i];
      if (word.length - ending.length >= 2 && word.slice(-ending.length) === ending) {
        return word.slice(0, -ending.length);
      }
    }
    return word;
  }

  function phone(word) {
    var digits = word.replace(/[\s().\-]/g, "");
    if (!/^1?\d{10}$/.test(digits)) return null;
    var d = digits.length === 11 ? digits.slice(1) : digits;
    return ["+1", "+" + d.slice(0, 3), "+" + d.slice(3, 6), "+" + d.slice(6)];
  }

  /* Persian typed on an Arabic keyboard: ي and ك for ی and ک (Persian pages only: Arabic
     pages are written with ي and ك). */
  var PERSIAN = document.documentElement.lang === "fa";

  function rewrite(query) {
    if (PERSIAN) query = query.replace(/\u064a/g, "\u06cc").replace(/\u0643/g, "\u06a9");
    var typing = !/\s$/.test(query);
    var words = query.replace(LUNR_SYNTAX, " ").trim().split(/\s+/);
    var out = [];
    words.forEach(function (word, i) {
      if (!word) return;
      var last = typing && i === words.length - 1;
      var number = phone(word);
      if (number) { out.push.apply(out, number); return; }
      word.split(separator).forEach(function (part, j, parts) {
        if (!part) return;
        if (HAN.test(part)) { out.push(part); return; }   /* Chinese: as split by search-words-zh.js */
        var lower = part.toLowerCase();
        out.push(lower + "^" + WHOLE_BOOST);              /* whole word, stemmed */
        if (HANGUL.test(lower)) {
          out.push(korean(lower));
          if (lower.length >= KOREAN_FUZZY_MIN) out.push(lower + "~1");   /* "푸드스템프" finds "푸드스탬프" */
          return;
        }
        /* Material adds "*": the word being typed, and the exact form of longer words */
        if ((last && j === parts.length - 1) || lower.length >= PREFIX_MIN) out.push(lower);
        if (lower.length >= FUZZY_MIN && !/\d/.test(lower)) out.push(lower + "~1");
      });
    });
    return out.join(" ");
  }

  function dropMissing(event) {
    var message = event.data;
    if (!message || message.type !== RESULT || !message.data || !message.data.items) return;
    message.data.items.forEach(function (group) {
      group.forEach(function (item) {
        for (var term in item.terms) if (!item.terms[term]) delete item.terms[term];
      });
    });
  }

  /* Material listens to its worker with addEventListener("message"); ours runs first. */
  var listen = Worker.prototype.addEventListener;
  if (listen) {
    Worker.prototype.addEventListener = function (type) {
      if (type === "message" && !this.wtcMissing) {
        this.wtcMissing = true;
        listen.call(this, "message", dropMissing);
      }
      return listen.apply(this, arguments);
    };
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === SETUP && message.data && message.data.config) {
      separator = new RegExp(message.data.config.separator);
    } else if (message && message.type === QUERY && typeof message.data === "string") {
      message = { type: message.type, data: rewrite(message.data) };
    }
    return post.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
  };
})();
