// Insight dashboards: the overview's trend charts (actual by year against the target) and the bar
// charts beside breakdown tables. The data come from data-* attributes written by the server; the
// tables next to the charts stay the accessible source of every number.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof echarts === 'undefined') {
    return;
  }
  const charts = [];
  document.querySelectorAll('.insight-trend[data-trend]').forEach((element) => {
    const data = JSON.parse(element.dataset.trend);
    const chart = echarts.init(element);
    const hasTarget = data.target.some((value) => value !== null);
    const series = [{ name: element.dataset.actual, type: 'bar', data: data.actual, itemStyle: { color: '#0b4a8b' } }];
    if (hasTarget) {
      series.push({ name: element.dataset.target, type: 'line', data: data.target, connectNulls: true,
        itemStyle: { color: '#b3261e' }, lineStyle: { type: 'dashed' } });
    }
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 8, top: hasTarget ? 24 : 8, bottom: 24 },
      legend: hasTarget ? { top: 0, itemHeight: 8, textStyle: { fontSize: 11 } } : undefined,
      xAxis: { type: 'category', data: data.years, axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', axisLabel: { fontSize: 10 } },
      series,
    });
    charts.push(chart);
  });
  document.querySelectorAll('.insight-bars[data-bars]').forEach((element) => {
    const data = JSON.parse(element.dataset.bars);
    const chart = echarts.init(element);
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: data.names.slice().reverse(), axisLabel: { width: 160, overflow: 'truncate' } },
      series: [{ type: 'bar', data: data.values.slice().reverse(), itemStyle: { color: '#0b4a8b' } }],
    });
    charts.push(chart);
  });
  window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
});
