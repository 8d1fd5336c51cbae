// The Hubei map: a choropleth of one indicator by prefecture (ECharts), from the boundaries served
// at data-geo; a click on a prefecture opens the list of the records it counts.
document.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('insight-map');
  if (!element || typeof echarts === 'undefined') {
    return;
  }
  const data = JSON.parse(element.dataset.map);
  const english = element.dataset.english === 'true';
  const byName = new Map(data.map((item) => [item.name, item]));
  fetch(element.dataset.geo)
    .then((response) => response.json())
    .then((geo) => {
      echarts.registerMap('hubei', geo);
      const chart = echarts.init(element);
      const max = Math.max(1, ...data.map((item) => Number(item.value)));
      chart.setOption({
        animation: false,
        tooltip: {
          trigger: 'item',
          formatter: (params) => {
            const item = byName.get(params.name);
            const label = item ? (english ? (item.label.en || item.label.zh) : item.label.zh) : params.name;
            return echarts.format.encodeHTML(label + ': ' + (item ? item.value : 0));
          },
        },
        visualMap: { min: 0, max, left: 'left', bottom: 8, calculable: true, inRange: { color: ['#e8f0f9', '#0b4a8b'] } },
        series: [{
          name: element.dataset.series,
          type: 'map',
          map: 'hubei',
          roam: false,
          label: { show: true, fontSize: 10, formatter: (params) => {
            const item = byName.get(params.name);
            return english && item ? (item.label.en || item.name).replace(/ (Tujia and Miao Autonomous Prefecture|Forestry District)$/, '') : params.name;
          } },
          data: data.map((item) => ({ name: item.name, value: Number(item.value) })),
        }],
      });
      chart.on('click', (params) => {
        const item = byName.get(params.name);
        if (item) {
          window.location.href = item.href;
        }
      });
      element.dataset.ready = 'true';
      window.addEventListener('resize', () => chart.resize());
    });
});
