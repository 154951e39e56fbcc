/* The network page of kazkg: filters, time, evidence and export over vis-network.
   Every label and sentence comes from documents, so nothing is ever parsed as HTML:
   elements are built with textContent. The layout was computed at build time. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var LANGS = data.langs;
  var MAX_TIP = 6;
  var RAMP = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"];  // viridis stops

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function $(id) { return document.getElementById(id); }
  function fmt(x) { return typeof x === "number" ? String(+x.toPrecision(4)) : String(x); }
  function short(s) { return s.length <= 40 ? s : s.slice(0, 39).trim() + "\u2026"; }
  function served() { return /^https?:$/.test(location.protocol); }
  function isWeb(iri) { return /^https?:\/\//.test(iri); }

  var byId = {}, neighbours = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; neighbours[n.id] = []; });
  data.edges.forEach(function (e, i) {
    e.id = i;
    neighbours[e.from].push(e);
    neighbours[e.to].push(e);
  });
  var communities = {};
  data.communities.forEach(function (c) { communities[c.id] = c; });

  // ---- controls
  var langSel = $("label-lang"), typeSel = $("filter-type"), commSel = $("filter-community");
  var colourSel = $("colour-by"), sizeSel = $("size-by"), egoSel = $("ego-depth");
  var topN = $("top-n"), minWeight = $("min-weight"), labelN = $("label-n");
  var yearFrom = $("year-from"), yearTo = $("year-to"), undated = $("undated");
  var status = $("status");

  function labelOf(kg) { var lang = langSel.value; return (lang && kg.labels[lang]) || kg.label; }
  // the label drawn on the canvas: a long one gives way to an acronym (network.py: shown_label)
  function drawnLabel(kg) {
    var label = labelOf(kg), lang = langSel.value, acr = kg.acronyms;
    if (label.length > 40 && acr) {
      var order = [lang].concat(data.langs);  // the chosen language, then kk, ru, en (kinds.LANGS)
      for (var i = 0; i < order.length; i++) { if (order[i] && acr[order[i]]) { return acr[order[i]]; } }
    }
    return short(label);
  }
  function fillSelect(select, values, label) {
    values.forEach(function (v) { var o = el("option", label(v)); o.value = String(v); select.appendChild(o); });
  }
  var types = Array.from(new Set(data.nodes.map(function (n) { return n.kg.type; }))).sort();
  fillSelect(typeSel, types, String);
  fillSelect(commSel, data.communities.map(function (c) { return c.id; }),
             function (c) { return short(communities[c].name); });
  fillSelect(sizeSel, data.measures, function (m) { return m.replace(/_/g, " "); });
  sizeSel.value = data.sizeBy;
  colourSel.value = data.colourBy;

  var years = [];
  data.nodes.forEach(function (n) { years = years.concat(n.kg.years); });
  var minYear = Math.min.apply(null, years), maxYear = Math.max.apply(null, years);
  if (minYear === maxYear || !years.length) {  // one year or none: nothing to slide
    $("years").style.display = "none";
    colourSel.querySelector("option[value=year]").remove();
  }
  [yearFrom, yearTo].forEach(function (s) { s.min = minYear; s.max = maxYear; s.step = 1; });
  yearFrom.value = minYear;
  yearTo.value = maxYear;

  var weights = data.edges.map(function (e) { return e.kg.weight || 0; });
  var maxWeight = weights.length ? Math.max.apply(null, weights) : 1;
  var integral = weights.every(function (w) { return w === Math.round(w); });
  minWeight.max = maxWeight;
  minWeight.step = integral ? 1 : Math.max(maxWeight / 100, 0.01);
  minWeight.value = 0;
  topN.max = Math.max(data.nodes.length, 1);
  topN.value = Math.min(data.startTop || data.nodes.length, data.nodes.length);
  labelN.max = Math.min(Math.max(data.nodes.length, 1), 500);
  labelN.value = Math.min(data.labels, data.nodes.length);

  // ---- colours
  function ramp(t) {
    var x = Math.max(0, Math.min(1, t)) * (RAMP.length - 1), i = Math.min(Math.floor(x), RAMP.length - 2);
    var f = x - i, a = RAMP[i], b = RAMP[i + 1];
    function ch(c, k) { return parseInt(c.substr(1 + 2 * k, 2), 16); }
    var rgb = [0, 1, 2].map(function (k) { return Math.round(ch(a, k) + f * (ch(b, k) - ch(a, k))); });
    return "#" + rgb.map(function (v) { return (v < 16 ? "0" : "") + v.toString(16); }).join("");
  }
  function colourOf(kg) {
    var mode = colourSel.value;
    if (mode === "type") { return data.typeColours[kg.type] || data.otherColour; }
    if (mode === "year") {
      if (kg.meanYear === null) { return data.otherColour; }
      return ramp(maxYear > minYear ? (kg.meanYear - minYear) / (maxYear - minYear) : 1);
    }
    var c = communities[kg.community];
    return c ? c.colour : data.otherColour;
  }

  // ---- tooltips and details
  function nodeTip(n) {
    var kg = n.kg, box = el("div", null, "tip");
    box.appendChild(el("strong", kg.label));
    LANGS.forEach(function (lang) { if (kg.labels[lang]) { box.appendChild(el("div", lang + ": " + kg.labels[lang])); } });
    box.appendChild(el("div", kg.type + " \u00b7 " + (communities[kg.community] || {name: ""}).name, "muted"));
    box.appendChild(el("div", kg.narticles + " article(s)" + (kg.years.length ? ", " + kg.years.join(", ") : "") +
                       (kg.nsentences ? "; " + kg.nsentences + " sentence(s)" : ""), "muted"));
    return box;
  }
  function articleItem(i) {
    var a = data.articles[i], item = el("li");
    var title = (langSel.value && a.titles[langSel.value]) || a.title;
    if (isWeb(a.iri)) {
      var link = el("a", title);
      link.href = a.iri;
      link.rel = "noopener noreferrer";
      item.appendChild(link);
    } else {
      item.appendChild(el("span", title));
    }
    var meta = [a.authors.join(", "), a.year === null ? "" : String(a.year)].filter(Boolean).join(" \u00b7 ");
    if (meta) { item.appendChild(el("div", meta, "muted")); }
    return item;
  }
  function marked(text, terms) {
    var span = el("span", null, "sentence"), lower = text.toLowerCase(), i = 0;
    terms = terms.filter(Boolean).map(function (t) { return t.toLowerCase(); });
    while (i < text.length) {
      var best = -1, len = 0;
      terms.forEach(function (t) {
        var j = lower.indexOf(t, i);
        if (j >= 0 && (best < 0 || j < best || (j === best && t.length > len))) { best = j; len = t.length; }
      });
      if (best < 0) { span.appendChild(document.createTextNode(text.slice(i))); break; }
      span.appendChild(document.createTextNode(text.slice(i, best)));
      span.appendChild(el("mark", text.slice(best, best + len)));
      i = best + len;
    }
    return span;
  }
  function termsOf(kg) { return [kg.label].concat(LANGS.map(function (l) { return kg.labels[l]; })); }
  function sentenceList(ids, total, terms) {
    var list = el("ul");
    ids.forEach(function (i) {
      var s = data.sentences[i], item = el("li");
      item.appendChild(marked(s[1], terms));
      var a = data.articles[s[0]];
      item.appendChild(el("div", a.title + (a.year === null ? "" : " (" + a.year + ")"), "muted"));
      list.appendChild(item);
    });
    if (total > ids.length) { list.appendChild(el("li", "\u2026 " + (total - ids.length) + " more", "muted")); }
    return list;
  }
  function articleList(ids, total) {
    var list = el("ul");
    ids.forEach(function (i) { list.appendChild(articleItem(i)); });
    if (total > ids.length) { list.appendChild(el("li", "\u2026 " + (total - ids.length) + " more", "muted")); }
    return list;
  }
  var details = $("details");
  function showNode(id) {
    var n = byId[id];
    if (!n) { return; }
    var kg = n.kg, box = el("div");
    details.textContent = "";
    box.appendChild(el("strong", kg.label));
    LANGS.forEach(function (lang) { if (kg.labels[lang]) { box.appendChild(el("div", lang + ": " + kg.labels[lang])); } });
    box.appendChild(el("div", "type: " + kg.type + " \u00b7 component " + kg.component, "muted"));
    box.appendChild(el("div", "community: " + (communities[kg.community] || {name: kg.community}).name, "muted"));
    if (served()) {
      var page = el("a", "Entity page");
      page.href = "/describe?iri=" + encodeURIComponent(id);
      box.appendChild(page);
    }
    var table = el("table");
    data.measures.forEach(function (m) {
      if (!(m in kg.measures)) { return; }
      var row = el("tr");
      row.appendChild(el("td", m.replace(/_/g, " ")));
      row.appendChild(el("td", fmt(kg.measures[m])));
      table.appendChild(row);
    });
    box.appendChild(table);
    box.appendChild(el("h3", "Articles (" + kg.narticles + ")"));
    box.appendChild(articleList(kg.articles, kg.narticles));
    if (kg.nsentences) {
      box.appendChild(el("h3", "Sentences naming it (" + kg.nsentences + ")"));
      box.appendChild(sentenceList(kg.sentences, kg.nsentences, termsOf(kg)));
    }
    details.appendChild(box);
  }
  function showEdge(id) {
    var e = data.edges[id];
    if (!e) { return; }
    var a = byId[e.from].kg, b = byId[e.to].kg, box = el("div");
    details.textContent = "";
    box.appendChild(el("strong", labelOf(a) + " \u2014 " + labelOf(b)));
    var table = el("table");
    ["weight", "articles", "sentences"].forEach(function (k) {
      if (!(k in e.kg)) { return; }
      var row = el("tr");
      row.appendChild(el("td", k));
      row.appendChild(el("td", fmt(e.kg[k])));
      table.appendChild(row);
    });
    box.appendChild(table);
    box.appendChild(el("h3", "Articles with both (" + e.kg.shared.length + ")"));
    box.appendChild(articleList(e.kg.shared, e.kg.shared.length));
    box.appendChild(el("h3", "Sentences naming both (" + e.kg.nevidence + ")"));
    if (e.kg.nevidence) {
      box.appendChild(sentenceList(e.kg.evidence, e.kg.nevidence, termsOf(a).concat(termsOf(b))));
    } else {
      box.appendChild(el("p", "No sentence names both; they share the articles above.", "muted"));
    }
    details.appendChild(box);
  }

  // ---- the network
  // the first view: every node shown (or the top data.startTop, see start), the biggest labelled
  var firstLabels = {};
  data.nodes.slice().sort(function (p, q) {
    return (q.kg.measures[data.sizeBy] || 0) - (p.kg.measures[data.sizeBy] || 0) || (p.id < q.id ? -1 : 1);
  }).slice(0, +labelN.value).forEach(function (n) { firstLabels[n.id] = true; });
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return {id: n.id, label: firstLabels[n.id] ? drawnLabel(n.kg) : "", x: n.x, y: n.y, color: n.color,
            value: n.value, shape: "dot", title: nodeTip(n)};
  }));
  // edge tooltips are plain text (vis-network shows strings as text): cheap for many edges
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return {id: e.id, from: e.from, to: e.to, value: e.value,
            title: byId[e.from].kg.label + " \u2014 " + byId[e.to].kg.label + "\nweight " + fmt(e.kg.weight) +
              " \u00b7 " + e.kg.shared.length + " article(s)" +
              (e.kg.nevidence ? " \u00b7 " + e.kg.nevidence + " sentence(s)" : "")};
  }));
  var container = $("network");
  var options = data.options;
  if (data.edges.length > 3000) { options.interaction.hideEdgesOnZoom = true; }
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  window.kgNetwork = network;

  // ---- filtering
  var egoCentre = null, baseScale = null, state = {visible: {}, order: []};
  function ranked(measure) {
    return data.nodes.slice().sort(function (p, q) {
      return (q.kg.measures[measure] || 0) - (p.kg.measures[measure] || 0) || (p.id < q.id ? -1 : 1);
    });
  }
  function yearOk(list) {
    if (!list.length) { return undated.checked; }
    var lo = +yearFrom.value, hi = +yearTo.value;
    return list.some(function (y) { return y >= lo && y <= hi; });
  }
  function reach(centre, depth, weightOk) {
    var seen = {}, frontier = [centre];
    seen[centre] = true;
    for (var d = 0; d < depth; d++) {
      var next = [];
      frontier.forEach(function (id) {
        neighbours[id].forEach(function (e) {
          if (!weightOk(e)) { return; }
          var other = e.from === id ? e.to : e.from;
          if (!seen[other]) { seen[other] = true; next.push(other); }
        });
      });
      frontier = next;
    }
    return seen;
  }
  // Labels are placed greedily in rank order and a label that would overlap one already placed
  // (on screen, at the current zoom) is left out, so the labels shown can always be read.
  var measure = document.createElement("canvas").getContext("2d");
  function labelBox(n, scale, pos) {
    var p = network.canvasToDOM(pos), body = network.body.nodes[n.id].options;
    var r = (body.size || 6) * scale, size = ((body.font && body.font.size) || 13) * scale;
    measure.font = size.toFixed(1) + "px system-ui, sans-serif";
    var w = measure.measureText(drawnLabel(n.kg)).width + 4;
    return {x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y + r, y1: p.y + r + size * 1.25};
  }
  function overlaps(a, b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }
  function labelled() {
    var scale = network.getScale(), zoom = baseScale ? Math.max(1, scale / baseScale) : 1;
    var allowed = Math.round(+labelN.value * zoom * zoom), out = {}, k = 0, placed = [];
    var ids = state.order.filter(function (n) { return state.visible[n.id]; });
    var pos = network.getPositions(ids.map(function (n) { return n.id; }));
    for (var i = 0; i < ids.length && k < allowed; i++) {
      var box = labelBox(ids[i], scale, pos[ids[i].id]);
      if (placed.some(function (b) { return overlaps(b, box); })) { continue; }
      placed.push(box);
      out[ids[i].id] = true;
      k++;
    }
    return out;
  }
  function relabel() {
    var show = labelled();
    nodes.update(data.nodes.map(function (n) {
      return {id: n.id, label: show[n.id] ? drawnLabel(n.kg) : ""};
    }));
  }
  function apply() {
    var size = sizeSel.value, minW = +minWeight.value, depth = +egoSel.value;
    state.order = ranked(size);
    var top = {};
    state.order.slice(0, +topN.value).forEach(function (n) { top[n.id] = true; });
    function weightOk(e) { return (e.kg.weight || 0) >= minW; }
    var ego = depth > 0 && egoCentre && byId[egoCentre] ? reach(egoCentre, depth, weightOk) : null;
    var visible = {}, count = 0, shownEdges = 0;
    data.nodes.forEach(function (n) {
      var kg = n.kg;
      var ok = (typeSel.value === "" || kg.type === typeSel.value) &&
        (commSel.value === "" || String(kg.community) === commSel.value) &&
        top[n.id] && yearOk(kg.years) && (!ego || ego[n.id]);
      if (ok) { visible[n.id] = true; count++; }
    });
    state.visible = visible;
    var show = labelled();
    nodes.update(data.nodes.map(function (n) {
      return {id: n.id, hidden: !visible[n.id], color: colourOf(n.kg), value: n.kg.measures[size] || 0,
              label: show[n.id] ? drawnLabel(n.kg) : ""};
    }));
    edges.update(data.edges.map(function (e) {
      var ok = visible[e.from] && visible[e.to] && weightOk(e) && yearOk(e.kg.years);
      if (ok) { shownEdges++; }
      return {id: e.id, hidden: !ok};
    }));
    describeView(count, shownEdges, ego);
  }
  function describeView(count, shownEdges, ego) {
    $("top-n-out").textContent = topN.value;
    $("min-weight-out").textContent = fmt(+minWeight.value);
    $("label-n-out").textContent = labelN.value;
    $("year-out").textContent = yearFrom.value === yearTo.value ? yearFrom.value : yearFrom.value + "\u2013" + yearTo.value;
    $("count").textContent = count + " of " + data.nodes.length + " nodes, " + shownEdges + " of " +
      data.edges.length + " edges shown" + (ego ? " (ego network of " + byId[egoCentre].kg.label + ")" : "");
    document.body.setAttribute("data-visible", String(count));
    legend();
  }
  function legend() {
    var list = $("legend"), mode = colourSel.value;
    list.textContent = "";
    function entry(colour, text) {
      var item = el("li"), swatch = el("span", null, "swatch");
      swatch.style.background = colour;
      item.appendChild(swatch);
      item.appendChild(el("span", text));
      list.appendChild(item);
    }
    if (mode === "type") {
      types.forEach(function (t) {
        var count = data.nodes.filter(function (n) { return n.kg.type === t; }).length;
        entry(data.typeColours[t] || data.otherColour, t + " (" + count + ")");
      });
    } else if (mode === "year") {
      var item = el("li"), bar = el("span", null, "ramp");
      bar.style.background = "linear-gradient(to right," + RAMP.join(",") + ")";
      item.appendChild(el("span", String(minYear)));
      item.appendChild(bar);
      item.appendChild(el("span", String(maxYear)));
      list.appendChild(item);
      entry(data.otherColour, "undated");
    } else {
      var sizes = {};
      data.nodes.forEach(function (n) { sizes[n.kg.community] = (sizes[n.kg.community] || 0) + 1; });
      data.communities.filter(function (c) { return sizes[c.id] > 1; }).slice(0, 15).forEach(function (c) {
        entry(c.colour, short(c.name) + " (" + sizes[c.id] + ")");
      });
      if (data.communities.some(function (c) { return sizes[c.id] === 1; })) { entry(data.otherColour, "single nodes"); }
    }
    list.appendChild(el("li", "Size: " + sizeSel.value.replace(/_/g, " ") + "; edge width: weight.", "muted"));
  }
  [typeSel, commSel, colourSel, sizeSel, egoSel, langSel, undated].forEach(function (s) {
    s.addEventListener("change", apply);
  });
  [topN, minWeight, labelN, yearFrom, yearTo].forEach(function (s) {
    s.addEventListener("input", function () {
      if (+yearFrom.value > +yearTo.value) {
        if (s === yearFrom) { yearTo.value = yearFrom.value; } else { yearFrom.value = yearTo.value; }
      }
      apply();
    });
  });
  var pending = null;
  network.on("zoom", function () {
    if (pending) { clearTimeout(pending); }
    pending = setTimeout(function () { pending = null; relabel(); }, 120);
  });
  network.on("click", function (p) {
    if (p.nodes.length) {
      egoCentre = p.nodes[0];
      showNode(p.nodes[0]);
      if (+egoSel.value > 0) { apply(); }
    } else if (p.edges.length) {
      showEdge(p.edges[0]);
    }
  });

  // ---- search
  var search = $("search"), options_ = $("labels");
  data.nodes.forEach(function (n) { var o = el("option"); o.value = n.kg.label; options_.appendChild(o); });
  function matches(q) {
    q = q.trim().toLowerCase();
    if (!q) { return []; }
    return data.nodes.filter(function (n) {
      return state.visible[n.id] && termsOf(n.kg).some(function (s) { return (s || "").toLowerCase().indexOf(q) >= 0; });
    }).map(function (n) { return n.id; });
  }
  function find() {
    var ids = matches(search.value);
    status.textContent = search.value.trim() ? ids.length + " match(es)" : "";
    network.selectNodes(ids);
    if (ids.length) {
      egoCentre = ids[0];
      network.focus(ids[0], {scale: Math.max(network.getScale(), 1.2)});
      showNode(ids[0]);
      if (+egoSel.value > 0) { apply(); }
    }
  }
  search.addEventListener("change", find);
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") { find(); } });

  // ---- export
  function escapeXml(s) {
    return String(s).replace(/[<>&"']/g, function (c) {
      return {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;"}[c];
    });
  }
  function png() {
    var src = container.querySelector("canvas"), c = document.createElement("canvas");
    c.width = src.width;
    c.height = src.height;
    var ctx = c.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(src, 0, 0);
    return c.toDataURL("image/png");
  }
  function svg() {
    var box = container.getBoundingClientRect(), w = Math.round(box.width), h = Math.round(box.height);
    var scale = network.getScale(), pos = network.getPositions(), out = [];
    out.push('<svg xmlns="http://www.w3.org/2000/svg" width="' + w + '" height="' + h + '" viewBox="0 0 ' + w + " " + h + '">');
    out.push('<rect width="100%" height="100%" fill="#ffffff"/>');
    out.push('<g stroke="#9aa5b1" stroke-opacity="0.5" stroke-linecap="round">');
    edges.get({filter: function (e) { return !e.hidden; }}).forEach(function (e) {
      var a = network.canvasToDOM(pos[e.from]), b = network.canvasToDOM(pos[e.to]);
      var width = (network.body.edges[e.id].options.width || 1) * scale;
      out.push('<line x1="' + a.x.toFixed(1) + '" y1="' + a.y.toFixed(1) + '" x2="' + b.x.toFixed(1) +
               '" y2="' + b.y.toFixed(1) + '" stroke-width="' + width.toFixed(2) + '"/>');
    });
    out.push("</g>");
    var labels = [];
    nodes.get({filter: function (n) { return !n.hidden; }}).forEach(function (n) {
      var p = network.canvasToDOM(pos[n.id]), body = network.body.nodes[n.id].options;
      var r = (body.size || 6) * scale;
      out.push('<circle cx="' + p.x.toFixed(1) + '" cy="' + p.y.toFixed(1) + '" r="' + r.toFixed(2) +
               '" fill="' + escapeXml(n.color) + '" stroke="#ffffff" stroke-width="0.5"/>');
      if (n.label) {
        var size = ((body.font && body.font.size) || 13) * scale;
        labels.push('<text x="' + p.x.toFixed(1) + '" y="' + (p.y + r + size).toFixed(1) + '" font-size="' +
                    size.toFixed(1) + '">' + escapeXml(n.label) + "</text>");
      }
    });
    out.push('<g font-family="system-ui, sans-serif" text-anchor="middle" fill="#1f2933" stroke="#ffffff" ' +
             'stroke-width="3" paint-order="stroke">');
    out = out.concat(labels);
    out.push("</g></svg>");
    return out.join("\n");
  }
  function download(url, name) {
    var a = el("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  $("export-png").addEventListener("click", function () { download(png(), data.name + ".png"); });
  $("export-svg").addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([svg()], {type: "image/svg+xml"}));
    download(url, data.name + ".svg");
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });
  window.kgExport = {png: png, svg: svg};
  window.kgShow = {node: showNode, edge: showEdge};

  // ---- start
  state.order = ranked(sizeSel.value);
  if (+topN.value < data.nodes.length) {
    apply();  // a large network opens on its top nodes (data.startTop)
  } else {
    data.nodes.forEach(function (n) { state.visible[n.id] = true; });
    describeView(data.nodes.length, data.edges.length, null);
  }
  if (data.nodes.length === 0) {
    container.appendChild(el("p", "This network has no nodes.", "muted"));
    document.body.setAttribute("data-state", "ready");
  } else {
    network.once("afterDrawing", function () {
      var opened = Object.keys(state.visible);
      if (opened.length < data.nodes.length) {  // frame the nodes the view opens on
        network.fit({nodes: opened, animation: false});
      }
      baseScale = network.getScale();
      if (baseScale < 1) {  // labels readable at the first view, capped as you zoom in
        var s = baseScale;
        network.setOptions({nodes: {scaling: {label: {enabled: true, min: 11 / s, max: 20 / s,
                                                      maxVisible: 20, drawThreshold: 6}}}});
      }
      relabel();  // a data update makes vis-network rescale the labels; none overlap
      network.once("afterDrawing", relabel);  // placed again at the label sizes now drawn
      window.kgReadyAt = performance.now();
      document.body.setAttribute("data-state", "ready");
    });
  }
})();
