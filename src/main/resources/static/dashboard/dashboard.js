// The managers' dashboard: reads /dashboard/api/{heatmap,kpi,daily} as the user logged into the webapps and
// draws them without any library (the page must work in a closed network). Every number shown carries a
// data-* attribute naming what it is, so a browser test can compare it with the API.
(function () {
  'use strict';

  const API = '/dashboard/api/';
  const form = document.getElementById('period');
  const from = document.getElementById('from');
  const to = document.getElementById('to');
  const channel = document.getElementById('channel');

  function element(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    return node;
  }

  function number(value) {
    return value === null || value === undefined ? '—' : String(value).replace('.', ',');
  }

  function show(message) {
    const box = document.getElementById('message');
    box.textContent = '';
    box.append(message);
    box.hidden = false;
  }

  async function read(path) {
    const response = await fetch(API + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) {
      const login = element('a', 'Войдите', { href: '/camunda/app/welcome/default/' });
      const text = document.createDocumentFragment();
      text.append(login, ' в систему (Tasklist, Cockpit) и откройте обзор снова.');
      show(text);
      throw new Error('not logged in');
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      const detail = (problem.errors || []).map(e => e.message).join('; ') || problem.detail || response.statusText;
      show('Не удалось получить данные: ' + detail);
      throw new Error(detail);
    }
    return response.json();
  }

  function drawTotals(total) {
    Object.entries(total).forEach(([name, value]) => {
      document.querySelector('[data-figure="' + name + '"]').textContent = value;
    });
  }

  function drawHeatMap(heatMap) {
    const table = document.getElementById('heatmap');
    table.textContent = '';
    const territories = new Map();
    const categories = new Map();
    heatMap.cells.forEach(cell => {
      territories.set(cell.territory, cell.territoryName);
      categories.set(cell.category, cell.categoryName);
    });
    const byCategory = [...categories.keys()].sort((a, b) => categories.get(a).localeCompare(categories.get(b), 'ru'));
    const byTerritory = [...territories.keys()].sort((a, b) => territories.get(a).localeCompare(territories.get(b), 'ru'));
    const max = Math.max(1, ...heatMap.cells.map(cell => cell.received));
    const head = element('tr');
    head.append(element('th', 'Территория'));
    byCategory.forEach(code => head.append(element('th', categories.get(code), { class: 'category' })));
    table.append(element('thead'));
    table.tHead.append(head);
    const body = element('tbody');
    byTerritory.forEach(territory => {
      const row = element('tr');
      row.append(element('th', territories.get(territory)));
      byCategory.forEach(category => {
        const cell = heatMap.cells.find(c => c.territory === territory && c.category === category);
        const td = element('td', cell ? cell.received : '');
        if (cell) {
          const share = cell.received / max;
          td.className = 'cell' + (share > 0.55 ? ' dark' : '') + (cell.overdue > 0 ? ' overdue' : '');
          td.style.background = 'rgba(179, 38, 30, ' + (0.1 + 0.9 * share).toFixed(2) + ')';
          td.title = territories.get(territory) + ', ' + categories.get(category) + ': поступило ' + cell.received
            + ', в работе ' + cell.open + ', просрочено ' + cell.overdue;
          td.dataset.territory = territory;
          td.dataset.category = category;
          td.dataset.received = cell.received;
        }
        row.append(td);
      });
      body.append(row);
    });
    table.append(body);
  }

  function drawTopCategories(heatMap) {
    const totals = new Map();
    heatMap.cells.forEach(cell => {
      const known = totals.get(cell.category) || { name: cell.categoryName, received: 0 };
      known.received += cell.received;
      totals.set(cell.category, known);
    });
    const top = [...totals.entries()].sort((a, b) => b[1].received - a[1].received).slice(0, 10);
    const max = Math.max(1, ...top.map(([, value]) => value.received));
    const list = document.getElementById('top-categories');
    list.textContent = '';
    top.forEach(([code, value]) => {
      const item = element('li', null, { 'data-category': code });
      const bar = element('span', null, { class: 'bar' });
      bar.style.width = (100 * value.received / max).toFixed(1) + '%';
      const track = element('span', null, { class: 'track' });
      track.append(bar);
      item.append(element('span', value.name), track, element('span', value.received,
        { class: 'count', 'data-received': value.received }));
      list.append(item);
    });
  }

  function drawOverdue(kpi) {
    const body = document.querySelector('#overdue tbody');
    body.textContent = '';
    kpi.filter(row => row.overdueNow > 0).sort((a, b) => b.overdueNow - a.overdueNow).forEach(row => {
      const tr = element('tr', null, { 'data-organization': row.organization });
      tr.append(element('td', row.organizationName), element('td', row.overdueNow, { 'data-overdue': row.overdueNow }));
      body.append(tr);
    });
    if (!body.children.length) {
      const tr = element('tr');
      tr.append(element('td', 'Просроченных обращений нет', { colspan: 2 }));
      body.append(tr);
    }
  }

  function drawKpi(kpi) {
    const body = document.querySelector('#kpi tbody');
    body.textContent = '';
    kpi.forEach(row => {
      const tr = element('tr', null, { 'data-organization': row.organization });
      tr.append(element('td', row.organizationName));
      ['received', 'answered', 'answeredInTimePercent', 'overdueNow', 'medianHoursToFirstReply',
        'medianHoursToResolution', 'fastTrackResolvedPercent', 'confirmedByResidentsPercent']
        .forEach(name => tr.append(element('td', number(row[name]), { ['data-' + name.toLowerCase()]: number(row[name]) })));
      body.append(tr);
    });
  }

  function drawDaily(days) {
    const chart = document.getElementById('daily');
    chart.textContent = '';
    const max = Math.max(1, ...days.map(day => Math.max(day.received, day.answered)));
    days.forEach(day => {
      const column = element('div', null, { class: 'day', 'data-date': day.date, 'data-received': day.received,
        'data-answered': day.answered, title: day.date.split('-').reverse().join('.') + ': поступило ' + day.received
          + ', отвечено ' + day.answered });
      ['received', 'answered'].forEach(name => {
        const bar = element('span', null, { class: name });
        bar.style.height = (100 * day[name] / max).toFixed(1) + '%';
        column.append(bar);
      });
      chart.append(column);
    });
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
    const heatMap = await read('heatmap?' + chosen);
    from.value = heatMap.from;
    to.value = heatMap.to;
    const period = 'from=' + heatMap.from + '&to=' + heatMap.to;
    const [kpi, daily] = await Promise.all([read('kpi?' + period), read('daily?' + period)]);
    document.getElementById('message').hidden = true;
    drawTotals(heatMap.total);
    drawHeatMap(heatMap);
    drawTopCategories(heatMap);
    drawOverdue(kpi);
    drawKpi(kpi);
    drawDaily(daily);
    document.getElementById('figures').hidden = false;
    document.body.dataset.loaded = period + (channel.value ? '&channel=' + channel.value : '');
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
    refresh().catch(() => {});
  });
  refresh().catch(() => {});
})();
