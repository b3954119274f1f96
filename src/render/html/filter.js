// Optional filtering by chapter, kind, severity and theme. The report is complete without it: the
// form stays hidden unless this script runs.
(function () {
  var form = document.querySelector("form.filters");
  if (!form) return;
  form.hidden = false;
  function has(list, value) {
    return (list || "").split("\n").indexOf(value) >= 0;
  }
  function apply() {
    var chapter = form.elements.chapter.value;
    var kind = form.elements.kind.value;
    var severity = form.elements.severity.value;
    var theme = form.elements.theme.value;
    var narrowed = Boolean(kind || severity || theme);
    document.querySelectorAll("section.chapter").forEach(function (section) {
      var inChapter = !chapter || section.id === chapter;
      var shown = 0;
      section.querySelectorAll("article.change").forEach(function (a) {
        var ok = inChapter && (!kind || a.dataset.kind === kind) &&
          (!severity || a.dataset.severity === severity) &&
          (!theme || has(a.dataset.themes, theme));
        a.hidden = !ok;
        if (ok) shown += 1;
      });
      section.querySelectorAll("details.unchanged").forEach(function (d) {
        d.hidden = narrowed;
      });
      section.hidden = !inChapter || (shown === 0 && narrowed);
    });
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
})();
