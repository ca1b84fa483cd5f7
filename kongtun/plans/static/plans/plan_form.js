// Plan form helpers (no inline JS under the CSP):
// - "Use suggested target" buttons compute a target from the baseline typed above them, one
//   typical yearly change in the indicator's good direction, kept inside the valid range;
// - example objective buttons put their sentence into the objective box.
(function () {
  function num(text) { var v = parseFloat(String(text || "").replace(/,/g, "")); return isNaN(v) ? null : v; }
  function suggestion(btn) {
    var base = num(document.getElementById(btn.dataset.baseline).value);
    if (base === null) { return null; }
    var step = num(btn.dataset.step); if (step === null) { step = Math.round(base * 10) / 100; }
    var min = num(btn.dataset.min), max = num(btn.dataset.max);
    var t = btn.dataset.direction === "lower" ? base - step : base + step;
    if (min !== null && t < min) { t = min; }
    if (max !== null && t > max) { t = max; }
    return Math.round(t * 100) / 100;
  }
  function refresh(btn) {
    var s = suggestion(btn);
    btn.hidden = s === null;
    btn.querySelector(".value").textContent = s === null ? "" : String(s);
  }
  document.querySelectorAll("[data-suggest-for]").forEach(function (btn) {
    refresh(btn);
    document.getElementById(btn.dataset.baseline).addEventListener("input", function () { refresh(btn); });
    btn.addEventListener("click", function () {
      var s = suggestion(btn);
      if (s !== null) { document.getElementById(btn.dataset.suggestFor).value = String(s); }
    });
  });
  document.querySelectorAll("[data-example]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var box = document.getElementById("id_objective");
      box.value = box.value.trim() ? box.value.trim() + "\n" + btn.dataset.example : btn.dataset.example;
      box.focus();
    });
  });
})();
