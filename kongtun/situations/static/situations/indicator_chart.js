// Bar chart of one indicator across the funds of an area: last year beside this year.
(function () {
  var holder = document.getElementById("chart-data");
  var canvas = document.getElementById("indicator-chart");
  if (!holder || !canvas || typeof Chart === "undefined") { return; }
  var data = JSON.parse(holder.textContent);
  // Room for every fund's name: about 2.4 lines of text per fund, so no label is skipped.
  if (canvas.parentElement) { canvas.parentElement.style.height = Math.max(320, data.labels.length * 38 + 90) + "px"; }
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: String(data.years[0]), data: data.previous, backgroundColor: "#b7d7c8" },
        { label: String(data.years[1]), data: data.current, backgroundColor: "#2e7d5b" }
      ]
    },
    options: {
      indexAxis: "y", responsive: true, maintainAspectRatio: false,
      scales: {
        x: { title: { display: true, text: data.label } },
        y: { ticks: { autoSkip: false } }
      }
    }
  });
})();
