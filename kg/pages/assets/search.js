// kazkg static entity index: search labels and surface forms in the browser (no server).
// KG_ENTITIES (labels.js): [file, label, kind, label terms, other terms], terms normalised as
// kg.pages.site.normalise (lower case, no combining accents) with Kazakh stems and Russian lemmas.
// A query word matches a term equal to it, a term it starts with (an inflected form of a stem
// of 4+ letters: «Қазақстанның» finds «қазақстан»), or a term starting with it (typing).
// Best first: matches in the labels before other forms, whole words and stems before starts of
// words, then the shortest label matching (the closest name: «Қазақстанның» ranks Kazakhstan before
// longer names), then named entities before keywords, articles and issues.
(function () {
  "use strict";
  var rows = (window.KG_ENTITIES || []).map(function (r) {
    return {file: r[0], label: r[1], kind: r[2], own: r[3].split(" "), other: r[4].split(" "),
            labels: (r[5] || []).map(function (l) { return {terms: l[0].split(" "), words: l[1]}; }), rank: r[6] || 0};
  });

  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  }

  function matches(word, terms) {
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      if (!t) continue;
      if (t === word || (t.length >= 4 && word.indexOf(t) === 0)) return 2;  // the word, or its stem
      if (t.indexOf(word) === 0) return 1;
    }
    return 0;
  }

  // The word count of the shortest label matching every query word (99: none does alone).
  function closest(qwords, r) {
    var best = 99;
    r.labels.forEach(function (l) {
      if (l.words < best && qwords.every(function (w) { return matches(w, l.terms) > 0; })) best = l.words;
    });
    return best;
  }

  function search(query) {
    var qwords = normalise(query).match(/[\p{L}\p{N}]+/gu) || [];
    if (!qwords.length) return [];
    var found = [];
    rows.forEach(function (r) {
      var score = 0;
      for (var i = 0; i < qwords.length; i++) {
        var own = matches(qwords[i], r.own), other = matches(qwords[i], r.other);
        if (!own && !other) return;
        score += own ? 10 + own : other;
      }
      found.push({row: r, score: score, size: closest(qwords, r)});
    });
    found.sort(function (a, b) {
      return b.score - a.score || a.size - b.size || a.row.rank - b.row.rank || (a.row.label < b.row.label ? -1 : a.row.label > b.row.label ? 1 : 0);
    });
    return found.slice(0, 50).map(function (f) { return f.row; });
  }

  function show(query) {
    var list = document.getElementById("hits"), all = document.getElementById("all");
    list.textContent = "";
    all.hidden = !!query.trim();
    if (!query.trim()) return;
    var hits = search(query);
    if (!hits.length) {
      var none = document.createElement("li");
      none.textContent = "No match.";
      list.appendChild(none);
    }
    hits.forEach(function (r) {
      var li = document.createElement("li"), a = document.createElement("a"), kind = document.createElement("small");
      a.href = r.file;
      a.textContent = r.label;
      kind.textContent = " " + r.kind;
      li.appendChild(a);
      li.appendChild(kind);
      list.appendChild(li);
    });
  }

  window.kgSearch = search;
  document.addEventListener("DOMContentLoaded", function () {
    var input = document.querySelector("#search input[name=q]");
    var asked = new URLSearchParams(location.search).get("q") || "";
    input.value = asked;
    input.addEventListener("input", function () { show(input.value); });
    document.getElementById("search").addEventListener("submit", function (event) {
      event.preventDefault();
      show(input.value);
    });
    show(asked);
  });
}());
