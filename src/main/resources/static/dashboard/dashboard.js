// The managers' dashboard page: the period form and the sections, drawn by figures.js from
// /dashboard/api/… as the user logged into the webapps.
import { dailyChart, element, heatMapTable, kpiTable, overdueByOrganizationTable, readFigures, topCategoriesList }
  from './figures.js';

const form = document.getElementById('period');
const from = document.getElementById('from');
const to = document.getElementById('to');
const channel = document.getElementById('channel');

function show(message) {
  const box = document.getElementById('message');
  box.textContent = '';
  box.append(message);
  box.hidden = false;
}

function fill(id, content) {
  const container = document.getElementById(id);
  container.textContent = '';
  container.append(content);
}

/** The heat map first: without dates the server picks the period (the region's last 30 days). */
async function refresh() {
  const chosen = new URLSearchParams();
  if (from.value && to.value) {
    chosen.set('from', from.value);
    chosen.set('to', to.value);
  }
  if (channel.value) {
    chosen.set('channel', channel.value);
  }
  const heatMap = await readFigures('heatmap?' + chosen);
  from.value = heatMap.from;
  to.value = heatMap.to;
  const period = 'from=' + heatMap.from + '&to=' + heatMap.to;
  const [kpi, daily] = await Promise.all([readFigures('kpi?' + period), readFigures('daily?' + period)]);
  document.getElementById('message').hidden = true;
  Object.entries(heatMap.total).forEach(([name, value]) => {
    document.querySelector('[data-figure="' + name + '"]').textContent = value;
  });
  fill('heatmap', heatMapTable(heatMap));
  fill('top-categories', topCategoriesList(heatMap));
  fill('overdue', overdueByOrganizationTable(kpi));
  fill('daily', dailyChart(daily));
  fill('kpi', kpiTable(kpi));
  document.getElementById('figures').hidden = false;
  document.body.dataset.loaded = period + (channel.value ? '&channel=' + channel.value : '');
}

function explain(error) {
  if (error.status === 401) {
    const text = document.createDocumentFragment();
    text.append(element('a', 'Войдите', { href: '/camunda/app/welcome/default/' }),
      ' в систему (Tasklist, Cockpit) и откройте обзор снова.');
    show(text);
  } else {
    show('Не удалось получить данные: ' + error.message);
  }
}

const parameters = new URLSearchParams(window.location.search);
from.value = parameters.get('from') || '';
to.value = parameters.get('to') || '';
channel.value = parameters.get('channel') || '';
form.addEventListener('submit', event => {
  event.preventDefault();
  const query = new URLSearchParams({ from: from.value, to: to.value });
  if (channel.value) {
    query.set('channel', channel.value);
  }
  window.history.replaceState(null, '', '?' + query);
  refresh().catch(explain);
});
refresh().catch(explain);
