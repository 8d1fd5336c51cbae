// The sharing indicators chart: effective and external machine hours per row of the table
// (#indicators), drawn with ECharts. The table stays the accessible source of the numbers.
document.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('indicator-chart');
  const table = document.getElementById('indicators');
  if (!element || !table || typeof echarts === 'undefined') {
    return;
  }
  const rows = Array.from(table.querySelectorAll('tbody tr')).slice(0, 20);
  const names = rows.map((row) => row.dataset.name);
  const effective = rows.map((row) => Number(row.dataset.effective));
  const external = rows.map((row) => Number(row.dataset.external));
  const chart = echarts.init(element);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [element.dataset.effective, element.dataset.external] },
    grid: { left: 48, right: 16, bottom: 96, top: 40 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, interval: 0, width: 140, overflow: 'truncate' } },
    yAxis: { type: 'value' },
    series: [
      { name: element.dataset.effective, type: 'bar', data: effective, itemStyle: { color: '#0b4a8b' } },
      { name: element.dataset.external, type: 'bar', data: external, itemStyle: { color: '#d4a017' } },
    ],
  });
  window.addEventListener('resize', () => chart.resize());
});
