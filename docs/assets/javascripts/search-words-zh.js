/* Chinese search: split what the reader types into words, as the index is split.
   The build splits Chinese pages into words (jieba) for the search index, but
   Chinese is typed without spaces, so "我要找律师" reached the index as one
   word and found nothing. This learns the index's own words from the index
   Material hands its search worker, and splits each query into the longest of
   those words (single characters only where no word fits), with spaces
   between them. Chinese pages only; runs before Material's bundle. Nothing
   leaves the page. */
(function () {
  "use strict";
  var Worker = window.Worker;
  if (!Worker || !Worker.prototype.postMessage) return;
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var SETUP = 0, QUERY = 2;            /* Material's search message types */
  var words = null, longest = 1;

  function learn(index) {
    words = new Set();
    var separator = new RegExp(index.config.separator, "g");
    index.docs.forEach(function (doc) {
      (doc.title + " " + doc.text).split(separator).forEach(function (token) {
        (token.match(HAN) || []).forEach(function (run) {
          if (run.length > 1) {
            words.add(run);
            if (run.length > longest) longest = run.length;
          }
        });
      });
    });
  }

  function split(run) {
    var parts = [], found = false;
    for (var i = 0; i < run.length;) {
      var size = Math.min(longest, run.length - i);
      while (size > 1 && !words.has(run.substr(i, size))) size -= 1;
      if (size > 1) found = true;
      parts.push(run.substr(i, size));
      i += size;
    }
    /* "我要找律师" -> "我要 律师": single characters only when no word was found. */
    return (found ? parts.filter(function (part) { return part.length > 1; }) : parts).join(" ");
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === SETUP && message.data && message.data.docs) {
      learn(message.data);
    } else if (words && message && message.type === QUERY && typeof message.data === "string") {
      message = { type: message.type, data: message.data.replace(HAN, function (run) { return " " + split(run) + " "; }).trim() };
    }
    return post.apply(this, [message].concat(Array.prototype.slice.call(arguments, 1)));
  };
})();
