// Client-side search over window.DRAFTDIFF_SEARCH (search-index.js). Results are built
// with DOM nodes and textContent only: draft text is never parsed as HTML.
(function () {
  var data = window.DRAFTDIFF_SEARCH;
  var form = document.getElementById("search");
  var count = document.getElementById("count");
  var list = document.getElementById("results");
  if (!data || !form) return;
  var LIMIT = 100;
  var SEVERITY = ["substantive", "minor", "editorial", "none"];
  var records = data.records;
  records.forEach(function (r) {
    r.lt = r.t.toLowerCase();
    r.lx = r.x.toLowerCase();
  });

  function distinct(values, order) {
    var seen = {};
    var out = [];
    values.forEach(function (v) {
      if (v && !seen[v]) { seen[v] = true; out.push(v); }
    });
    if (order) out.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
    return out;
  }
  function fill(name, values, labels) {
    var select = form.elements[name];
    values.forEach(function (v, i) {
      var o = document.createElement("option");
      o.value = v;
      o.textContent = labels ? labels[i] : v;
      select.appendChild(o);
    });
  }
  fill("v", data.versions.map(function (_, i) { return String(i); }), data.versions);
  fill("c", distinct(records.map(function (r) { return r.c; })));
  fill("k", distinct(records.map(function (r) { return r.k; })).sort());
  fill("s", distinct(records.map(function (r) { return r.s; }), SEVERITY));
  var themes = [];
  records.forEach(function (r) { themes = themes.concat(r.th); });
  fill("th", distinct(themes).sort());

  var params = new URLSearchParams(window.location.search);
  ["q", "v", "c", "k", "s", "th"].forEach(function (name) {
    if (params.has(name)) form.elements[name].value = params.get(name);
  });

  // The text around the first match, with every query word marked.
  function snippet(r, words) {
    var at = words.length ? r.lx.indexOf(words[0]) : 0;
    var start = Math.max(0, at - 80);
    var text = r.x.slice(start, start + 240);
    var p = document.createElement("p");
    p.className = "snippet";
    if (start > 0) p.appendChild(document.createTextNode("…"));
    var lower = text.toLowerCase();
    var i = 0;
    while (i < text.length) {
      var next = -1, word = "";
      words.forEach(function (w) {
        var j = lower.indexOf(w, i);
        if (j >= 0 && (next < 0 || j < next)) { next = j; word = w; }
      });
      if (next < 0) { p.appendChild(document.createTextNode(text.slice(i))); break; }
      p.appendChild(document.createTextNode(text.slice(i, next)));
      var m = document.createElement("mark");
      m.textContent = text.slice(next, next + word.length);
      p.appendChild(m);
      i = next + word.length;
    }
    if (start + 240 < r.x.length) p.appendChild(document.createTextNode("…"));
    return p;
  }

  function run() {
    var q = form.elements.q.value.trim().toLowerCase();
    var words = q ? q.split(/\s+/) : [];
    var f = {
      v: form.elements.v.value, c: form.elements.c.value, k: form.elements.k.value,
      s: form.elements.s.value, th: form.elements.th.value
    };
    var filtered = Boolean(f.v || f.c || f.k || f.s || f.th);
    list.textContent = "";
    if (!words.length && !filtered) { count.textContent = "Type words to search, or choose a filter."; return; }
    var hits = records.filter(function (r) {
      if (f.v && String(r.v) !== f.v) return false;
      if (f.c && r.c !== f.c) return false;
      if (f.k && r.k !== f.k) return false;
      if (f.s && r.s !== f.s) return false;
      if (f.th && r.th.indexOf(f.th) < 0) return false;
      return words.every(function (w) { return r.lt.indexOf(w) >= 0 || r.lx.indexOf(w) >= 0; });
    });
    // Title matches first, then the newest versions first.
    function score(r) {
      var inTitle = words.length && words.every(function (w) { return r.lt.indexOf(w) >= 0; });
      return (inTitle ? 1000 : 0) + r.v;
    }
    hits.sort(function (a, b) { return score(b) - score(a); });
    count.textContent = hits.length === 1 ? "1 article found." :
      hits.length + " articles found." + (hits.length > LIMIT ? " The first " + LIMIT + " are shown." : "");
    hits.slice(0, LIMIT).forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.u;
      var name = r.n.toLowerCase() === "preamble" ? "Preamble" : "Article " + r.n;
      a.textContent = data.versions[r.v] + " · " + name + (r.t && r.t !== r.n ? " — " + r.t : "");
      li.appendChild(a);
      var meta = document.createElement("p");
      meta.className = "meta";
      var facts = [];
      if (r.c) facts.push("chapter " + r.c);
      if (r.k) facts.push("kind: " + r.k);
      if (r.s) facts.push("severity: " + r.s);
      if (r.th.length) facts.push("themes: " + r.th.join(", "));
      meta.textContent = facts.join(" · ");
      li.appendChild(meta);
      li.appendChild(snippet(r, words));
      list.appendChild(li);
    });
  }

  var timer = null;
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    run();
    try {
      var p = new URLSearchParams(new FormData(form));
      window.history.replaceState(null, "", "?" + p.toString());
    } catch (err) { /* file:// pages may refuse; the results are shown anyway */ }
  });
  run();
})();
