// The collaboration network: organizations (coloured by tier, sized by their outputs) linked by
// the outputs they share (the strongest links first), a force layout; a click on an organization
// opens its page. The table below the chart lists the same links.
document.addEventListener('DOMContentLoaded', () => {
  const element = document.getElementById('insight-network');
  if (!element || typeof echarts === 'undefined') {
    return;
  }
  const data = JSON.parse(element.dataset.network);
  const chart = echarts.init(element);
  const strongest = Math.max(1, ...data.links.map((link) => link.value));
  chart.setOption({
    animation: false,
    legend: { data: data.categories.map((category) => category.name), top: 0 },
    tooltip: { formatter: (params) => echarts.format.encodeHTML(params.dataType === 'edge'
      ? String(params.data.value) : params.data.name + ' (' + params.data.value + ')') },
    series: [{
      type: 'graph',
      layout: 'force',
      roam: true,
      draggable: true,
      top: 40,
      categories: data.categories,
      data: data.nodes,
      links: data.links.map((link) => ({ ...link, lineStyle: { width: 1 + 5 * link.value / strongest, opacity: 0.6 } })),
      label: { show: data.nodes.length <= 60, position: 'right', fontSize: 10 },
      force: { repulsion: 120, edgeLength: [40, 140], gravity: 0.08 },
      emphasis: { focus: 'adjacency' },
    }],
  });
  chart.on('click', (params) => {
    if (params.dataType === 'node' && params.data.href) {
      window.location.href = params.data.href;
    }
  });
  element.dataset.ready = 'true';
  window.addEventListener('resize', () => chart.resize());
});
