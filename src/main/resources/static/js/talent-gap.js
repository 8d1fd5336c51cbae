// The talent gap chart: supply, need and gap per row of the table (#gap), drawn with ECharts.
// The table stays the accessible source of the numbers; every number there links to its records.
document.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('gap-chart');
  const table = document.getElementById('gap');
  if (!element || !table || typeof echarts === 'undefined') {
    return;
  }
  const rows = Array.from(table.querySelectorAll('tbody tr')).slice(0, 25);
  const names = rows.map((row) => row.dataset.name);
  const series = (key, color) => ({
    name: element.dataset[key], type: 'bar', itemStyle: { color },
    data: rows.map((row) => Math.round(Number(row.dataset[key]) * 10) / 10),
  });
  const chart = echarts.init(element);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [element.dataset.supply, element.dataset.need, element.dataset.gap] },
    grid: { left: 48, right: 16, bottom: 110, top: 40 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, interval: 0, width: 150, overflow: 'truncate' } },
    yAxis: { type: 'value' },
    series: [series('supply', '#0b4a8b'), series('need', '#d4a017'), series('gap', '#b3261e')],
  });
  chart.on('click', (params) => {
    const link = rows[params.dataIndex] && rows[params.dataIndex].querySelector(params.seriesIndex === 0 ? 'a.supply' : params.seriesIndex === 1 ? 'a.need' : 'a.gap');
    if (link) {
      window.location.href = link.href;
    }
  });
  window.addEventListener('resize', () => chart.resize());
});
