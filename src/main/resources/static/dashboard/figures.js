// The appeal figures as HTML, shared by the dashboard page and the Cockpit plugin: plain DOM, no library
// (both must work in a closed network). Every number carries a data-* attribute naming what it is, so a
// browser test can compare it with the API.

/** Reads /dashboard/api/…: the figures as the user logged into the webapps may see them. */
export async function readFigures(path) {
  const response = await fetch('/dashboard/api/' + path, { credentials: 'same-origin',
    headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const detail = (problem.errors || []).map(error => error.message).join('; ') || problem.detail
      || response.statusText;
    throw Object.assign(new Error(detail), { status: response.status });
  }
  return response.json();
}

export function element(tag, text, attributes) {
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

function table(headers, rows, attributes) {
  const result = element('table', null, attributes);
  const head = element('tr');
  headers.forEach(header => head.append(element('th', header)));
  result.append(element('thead'), element('tbody'));
  result.tHead.append(head);
  rows.forEach(row => result.tBodies[0].append(row));
  return result;
}

function byName(names) {
  return [...names.keys()].sort((a, b) => names.get(a).localeCompare(names.get(b), 'ru'));
}

/** Territories down, category groups across; darker is more, a red frame means some are overdue. */
export function heatMapTable(heatMap) {
  const territories = new Map();
  const categories = new Map();
  heatMap.cells.forEach(cell => {
    territories.set(cell.territory, cell.territoryName);
    categories.set(cell.category, cell.categoryName);
  });
  const columns = byName(categories);
  const max = Math.max(1, ...heatMap.cells.map(cell => cell.received));
  const rows = byName(territories).map(territory => {
    const row = element('tr');
    row.append(element('th', territories.get(territory)));
    columns.forEach(category => {
      const cell = heatMap.cells.find(c => c.territory === territory && c.category === category);
      const td = element('td', cell ? cell.received : '');
      if (cell) {
        const share = cell.received / max;
        td.className = 'cell' + (share > 0.55 ? ' dark' : '') + (cell.overdue > 0 ? ' overdue' : '');
        td.style.background = 'rgba(179, 38, 30, ' + (0.1 + 0.9 * share).toFixed(2) + ')';
        td.title = territories.get(territory) + ', ' + categories.get(category) + ': поступило ' + cell.received
          + ', в работе ' + cell.open + ', просрочено ' + cell.overdue;
        Object.assign(td.dataset, { territory, category, received: cell.received });
      }
      row.append(td);
    });
    return row;
  });
  const result = table(['Территория'], rows, { class: 'heatmap' });
  columns.forEach(category => result.tHead.rows[0].append(element('th', categories.get(category),
    { class: 'category' })));
  return result;
}

export function topCategoriesList(heatMap, size) {
  const totals = new Map();
  heatMap.cells.forEach(cell => {
    const known = totals.get(cell.category) || { name: cell.categoryName, received: 0 };
    known.received += cell.received;
    totals.set(cell.category, known);
  });
  const top = [...totals.entries()].sort((a, b) => b[1].received - a[1].received).slice(0, size || 10);
  const max = Math.max(1, ...top.map(([, value]) => value.received));
  const list = element('ol', null, { class: 'bars' });
  top.forEach(([code, value]) => {
    const bar = element('span', null, { class: 'bar' });
    bar.style.width = (100 * value.received / max).toFixed(1) + '%';
    const track = element('span', null, { class: 'track' });
    track.append(bar);
    const item = element('li', null, { 'data-category': code });
    item.append(element('span', value.name), track,
      element('span', value.received, { class: 'count', 'data-received': value.received }));
    list.append(item);
  });
  return list;
}

export function overdueByOrganizationTable(kpi) {
  const rows = kpi.filter(row => row.overdueNow > 0).sort((a, b) => b.overdueNow - a.overdueNow).map(row => {
    const tr = element('tr', null, { 'data-organization': row.organization });
    tr.append(element('td', row.organizationName), element('td', row.overdueNow, { 'data-overdue': row.overdueNow }));
    return tr;
  });
  if (!rows.length) {
    const none = element('tr');
    none.append(element('td', 'Просроченных обращений нет', { colspan: 2 }));
    rows.push(none);
  }
  return table(['Организация', 'Просрочено сейчас'], rows, { class: 'overdue-by-organization' });
}

const KPI = [['received', 'Поступило'], ['answered', 'Отвечено'], ['answeredInTimePercent', 'В срок, %'],
  ['overdueNow', 'Просрочено сейчас'], ['medianHoursToFirstReply', 'Первый ответ, ч (медиана)'],
  ['medianHoursToResolution', 'Решение, ч (медиана)'], ['fastTrackResolvedPercent', 'Быстрые решены, %'],
  ['confirmedByResidentsPercent', 'Подтвердили жители, %']];

export function kpiTable(kpi) {
  const rows = kpi.map(row => {
    const tr = element('tr', null, { 'data-organization': row.organization });
    tr.append(element('td', row.organizationName));
    KPI.forEach(([name]) => tr.append(element('td', number(row[name]),
      { ['data-' + name.toLowerCase()]: number(row[name]) })));
    return tr;
  });
  return table(['Организация', ...KPI.map(([, title]) => title)], rows, { class: 'kpi' });
}

export function dailyChart(days) {
  const chart = element('div', null, { class: 'daily' });
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
  return chart;
}

/** The longest overdue appeals; {@code link} makes the address an appeal's process instance opens at. */
export function overdueAppealsTable(appeals, link) {
  const rows = appeals.map(appeal => {
    const tr = element('tr', null, { 'data-appeal': appeal.id });
    const number = element('td');
    number.append(appeal.processInstanceId
      ? element('a', appeal.id, { href: link(appeal.processInstanceId) }) : appeal.id);
    tr.append(number, element('td', appeal.organizationName || '—'), element('td', appeal.categoryName),
      element('td', appeal.territoryName), element('td', new Date(appeal.dueAt).toLocaleString('ru-RU')));
    return tr;
  });
  if (!rows.length) {
    const none = element('tr');
    none.append(element('td', 'Просроченных обращений нет', { colspan: 5 }));
    rows.push(none);
  }
  return table(['Обращение', 'Организация', 'Тема', 'Территория', 'Срок истёк'], rows, { class: 'overdue-appeals' });
}
