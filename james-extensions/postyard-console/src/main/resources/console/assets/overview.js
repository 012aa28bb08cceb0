// Draws the overview's charts from /console/api/stats (the session cookie goes along: same origin).
(function () {
  var colours = { sent: '#1f5fbf', delivered: '#1f7a3a', failed: '#a3222e', opened: '#8a5cc2', clicked: '#c77c11', complained: '#5b6472' };
  function draw(canvasId, resolution) {
    var canvas = document.getElementById(canvasId);
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    fetch('/console/api/stats?resolution=' + resolution, { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (stats) {
        var labels = stats.times.map(function (time) {
          return resolution === 'day' ? time.substring(0, 10) : time.substring(5, 13).replace('T', ' ') + 'h';
        });
        var datasets = Object.keys(stats.series).map(function (name) {
          return { label: name, data: stats.series[name], borderColor: colours[name], backgroundColor: colours[name], tension: 0.2 };
        });
        new Chart(canvas, {
          type: 'line',
          data: { labels: labels, datasets: datasets },
          options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
        });
        canvas.setAttribute('data-drawn', 'true');
      });
  }
  draw('hourly', 'hour');
  draw('daily', 'day');
}());
