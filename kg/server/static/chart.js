// kazkg query page: a bar chart of a simple aggregate (our code, not vendored; no library).
// A SELECT result is chartable when it has two columns, one of numbers in every row and one of
// labels (an IRI shows its last path segment; the full value is the bar's tooltip).
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var XSD = "http://www.w3.org/2001/XMLSchema#";
  var NUMERIC = ["integer", "decimal", "double", "float", "int", "long", "short", "byte",
    "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
    "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"].map(function (t) { return XSD + t; });
  var MAX_BARS = 50;

  function isNumber(term) {
    return !!term && term.type === "literal" && NUMERIC.indexOf(term.datatype) >= 0 && isFinite(Number(term.value));
  }

  // {label, value} column names, or null when the result is no simple aggregate.
  function chartable(data) {
    var vars = data.head.vars, rows = data.results.bindings;
    if (vars.length !== 2 || rows.length < 1) return null;
    var numeric = vars.filter(function (v) { return rows.every(function (r) { return isNumber(r[v]); }); });
    if (numeric.length !== 1) return null;
    return {label: vars[0] === numeric[0] ? vars[1] : vars[0], value: numeric[0]};
  }

  function shown(term) {
    if (!term) return "";
    if (term.type === "uri") return term.value.replace(/[#/]+$/, "").split(/[#/]/).pop() || term.value;
    return term.value;
  }

  function node(name, attrs, text) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  // An <svg> with one horizontal bar per row (the first MAX_BARS rows, in result order).
  function draw(data, spec) {
    var rows = data.results.bindings.slice(0, MAX_BARS);
    var values = rows.map(function (r) { return Number(r[spec.value].value); });
    var top = Math.max.apply(null, values.map(Math.abs).concat([0])) || 1;
    var labelWidth = 260, barWidth = 440, height = 20, width = labelWidth + barWidth + 80;
    var svg = node("svg", {"class": "chart", width: width, height: rows.length * height + 24,
      viewBox: "0 0 " + width + " " + (rows.length * height + 24), role: "img",
      "aria-label": "bar chart of " + spec.value + " by " + spec.label});
    svg.appendChild(node("text", {x: labelWidth, y: 14, "class": "axis"}, spec.value + " by " + spec.label));
    rows.forEach(function (r, i) {
      var y = 24 + i * height, label = shown(r[spec.label]), value = values[i];
      var g = node("g", {"class": "row"});
      g.appendChild(node("title", {}, (r[spec.label] ? r[spec.label].value : "") + ": " + r[spec.value].value));
      g.appendChild(node("text", {x: labelWidth - 6, y: y + 14, "text-anchor": "end"},
        label.length > 38 ? label.slice(0, 37) + "\u2026" : label));
      g.appendChild(node("rect", {x: labelWidth, y: y + 3, height: height - 6,
        width: Math.max(1, Math.round(barWidth * Math.abs(value) / top)), "data-value": value}));
      g.appendChild(node("text", {x: labelWidth + Math.round(barWidth * Math.abs(value) / top) + 4, y: y + 14},
        r[spec.value].value));
      svg.appendChild(g);
    });
    return svg;
  }

  window.kgChart = {chartable: chartable, draw: draw, MAX_BARS: MAX_BARS};
}());
