// Draws each dashboard chart from its own accessible table: the rows' headers are the labels, each column of figures
// is a series, and a cell's data-value is its figure (empty where the small-count rule hides it, drawn as nothing).
// The table stays on the page, so the chart never shows a figure the table does not.
(function () {
  'use strict';
  var COLOURS = ['#0b5a78', '#b45309', '#1e6b34', '#7a2e8e'];

  function read(figure) {
    var table = figure.querySelector('table');
    var series = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.trim();
    }).slice(1);
    var labels = [];
    var values = series.map(function () { return []; });
    table.querySelectorAll('tbody tr').forEach(function (row) {
      labels.push(row.querySelector('th').textContent.trim());
      row.querySelectorAll('td').forEach(function (cell, column) {
        var value = cell.getAttribute('data-value');
        values[column].push(value === '' || value === null ? null : Number(value));
      });
    });
    return { labels: labels, series: series, values: values };
  }

  function draw(figure) {
    var data = read(figure);
    var kind = figure.getAttribute('data-kind') || 'bar';
    var unit = figure.getAttribute('data-unit') || '';
    var canvas = figure.querySelector('canvas');
    if (!canvas || data.labels.length === 0) {
      return;
    }
    new window.Chart(canvas, {
      type: kind,
      data: {
        labels: data.labels,
        datasets: data.series.map(function (name, index) {
          return {
            label: name,
            data: data.values[index],
            backgroundColor: COLOURS[index % COLOURS.length],
            borderColor: COLOURS[index % COLOURS.length],
            borderDash: kind === 'line' && index > 0 ? [6, 4] : [],
            pointRadius: kind === 'line' ? 3 : 0,
            spanGaps: true
          };
        })
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: data.series.length > 1 } },
        scales: {
          y: {
            beginAtZero: true,
            max: unit === '%' ? 100 : undefined,
            ticks: { precision: 0, callback: function (value) { return value + (unit ? ' ' + unit : ''); } }
          }
        }
      }
    });
    figure.setAttribute('data-drawn', 'true');
  }

  function drawAll() {
    if (!window.Chart) {
      return;
    }
    document.querySelectorAll('figure.chart').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
