/* Dashboard charts (Chart.js) from the page's JSON data, and sortable tables. No inline script: CSP. */
(function () {
  "use strict";
  var GREEN = "#0b6e4f";
  var PALETTE = ["#0b6e4f", "#2f8f6f", "#5aae8f", "#8fd1b5", "#c2e8d7", "#8a5a00", "#b3261e", "#5b6660", "#1d2521"];

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (canvas && window.Chart) { new window.Chart(canvas, config); }
  }

  function charts() {
    var node = document.getElementById("dashboard-data");
    if (!node) { return; }
    var data = JSON.parse(node.textContent);
    var canvas = document.getElementById("chart-issues");
    if (canvas) {
      // Two bars an issue; the canvas grows with the number of issues so that labels stay readable.
      canvas.parentNode.style.height = Math.max(12, 2.6 * data.issues.labels.length + 4) + "rem";
    }
    draw("chart-issues", {
      type: "bar",
      data: { labels: data.issues.labels, datasets: [
        { label: data.issues.names.plans, data: data.issues.plans, backgroundColor: "#8fd1b5" },
        { label: data.issues.names.approved, data: data.issues.approved, backgroundColor: GREEN }
      ] },
      options: {
        indexAxis: "y", maintainAspectRatio: false, plugins: { legend: { position: "bottom" } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
    draw("chart-status", {
      type: "doughnut",
      data: { labels: data.status.labels, datasets: [{ data: data.status.values, backgroundColor: PALETTE }] },
      options: { plugins: { legend: { position: "bottom" } } }
    });
  }

  function cellValue(row, index) {
    var cell = row.cells[index];
    var raw = cell.getAttribute("data-sort");
    if (raw === null) { raw = cell.textContent.replace(/,/g, "").trim(); }
    var number = parseFloat(raw);
    return isNaN(number) ? raw : number;
  }

  function sortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      th.classList.add("sort-head");
      th.setAttribute("tabindex", "0");
      var sort = function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          if (typeof x === "number" && typeof y === "number") { return ascending ? x - y : y - x; }
          return ascending ? String(x).localeCompare(String(y), "th") : String(y).localeCompare(String(x), "th");
        });
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.forEach(function (r) { body.appendChild(r); });
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    charts();
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), sortable);
  });
})();
