/* Trend charts (Chart.js) from the page's JSON data: the area's line beside the median of the areas
it is compared with. The charts take the page's Thai font. No inline script: CSP. */
(function () {
  "use strict";
  function draw(data, line) {
    var canvas = document.getElementById("chart-" + line.key);
    if (!canvas) { return; }
    var datasets = [{ label: data.area, data: line.values, borderColor: "#0b6e4f", backgroundColor: "#0b6e4f",
                      borderWidth: 3, pointRadius: 4, spanGaps: true }];
    if (data.median) {
      datasets.push({ label: data.median, data: line.medians, borderColor: "#8a5a00", backgroundColor: "#8a5a00",
                      borderDash: [6, 4], borderWidth: 2, pointRadius: 3, spanGaps: true });
    }
    new window.Chart(canvas, {
      type: "line",
      data: { labels: data.years.map(String), datasets: datasets },
      options: {
        maintainAspectRatio: false,
        interaction: { mode: "index", intersect: false },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 14 } } },
        scales: { y: { beginAtZero: true, ticks: { maxTicksLimit: 6 } } }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var node = document.getElementById("trend-data");
    if (!node || !window.Chart) { return; }
    var font = window.getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.font.family = font;
    window.Chart.defaults.font.size = 14;
    var data = JSON.parse(node.textContent);
    data.lines.forEach(function (line) { draw(data, line); });
  });
})();
