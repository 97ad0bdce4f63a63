// Which printed texts do not fit: run in Chromium by whotocall/card_pdfs.py after fonts have loaded.
// Every [data-card] box (a card side or a flyer page) is checked, and every [data-field] text in it:
//   width: no line may be wider than its own box (a word too long to wrap);
//   lines: a text with data-lines="N" takes more than N lines (only a problem when something is
//          pushed off the card: then this text, the one that grew, is named);
//   edge:  every text stays within the card's inner edge (inside its padding).
// Returns the misfits; whotocall/card_pdfs.py decides which one to report.
(() => {
  const pxPerMm = 96 / 25.4;
  const misfits = [];
  for (const card of document.querySelectorAll("[data-card]")) {
    const style = getComputedStyle(card);
    const edge = card.getBoundingClientRect();
    const inner = {
      left: edge.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
      right: edge.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight),
      top: edge.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop),
      bottom: edge.bottom - parseFloat(style.borderBottomWidth) - parseFloat(style.paddingBottom),
    };
    for (const text of card.querySelectorAll("[data-field]")) {
      const box = text.getBoundingClientRect();
      const report = (kind, px) => {
        if (px > 0.5) misfits.push({card: card.dataset.card, lang: card.lang, field: text.dataset.field, kind, mm: px / pxPerMm});
      };
      report("width", text.scrollWidth - text.clientWidth);
      if (text.dataset.lines) {
        const line = parseFloat(getComputedStyle(text).lineHeight);
        report("lines", box.height - (Number(text.dataset.lines) + 0.4) * line);
      }
      report("edge", Math.max(box.right - inner.right, inner.left - box.left, box.bottom - inner.bottom, inner.top - box.top));
    }
  }
  return misfits;
})()
