'use strict';
// The auditor's replay of one appeal. Every value from the record is put in with textContent, never as markup:
// residents' texts and clerks' answers are data, not HTML.

const id = decodeURIComponent(window.location.pathname.split('/')[2] || '');
const base = '/audit/api/' + encodeURIComponent(id);
const STATES = { MET: 'соблюдён', LATE: 'нарушен', CANCELLED: 'снят', OPEN: 'идёт' };
const PROBLEMS = ['DEADLINE_MISSED', 'ESCALATION', 'INCIDENT_OPENED'];

const state = { record: null, decisions: [], index: 0, timer: null, viewer: null, shownDefinition: null, diagrams: {} };

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function show(id, visible) {
  document.getElementById(id).hidden = !visible;
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString('ru-RU') : '';
}

async function load(path, type) {
  const response = await fetch(base + path, { credentials: 'same-origin', headers: { Accept: type || 'application/json' } });
  if (!response.ok) {
    const error = new Error('HTTP ' + response.status);
    error.status = response.status;
    throw error;
  }
  return type ? response.text() : response.json();
}

function fail(error) {
  const message = document.getElementById('message');
  message.replaceChildren();
  if (error.status === 401) {
    message.append('Войдите в Tasklist или Cockpit, затем откройте журнал снова. ');
    const link = element('a', 'Войти');
    link.href = '/camunda/app/welcome/default/';
    message.append(link);
  } else if (error.status === 403) {
    message.textContent = 'Журналы обращений читают аудиторы, контролёры и руководители; вашей роли доступ не предоставлен.';
  } else if (error.status === 404) {
    message.textContent = 'Обращение ' + id + ' не найдено.';
  } else {
    message.textContent = 'Журнал не загрузился: ' + error.message;
  }
  show('message', true);
}

const STATUSES = {
  REGISTERED: 'зарегистрировано', MODERATION: 'на модерации', IN_WORK: 'в работе',
  AWAITING_APPROVAL: 'на согласовании ответа', ANSWERED: 'дан ответ', CLOSED: 'закрыто'
};

/** A reference's name with its code, as clerks know both. */
function named(name, code) {
  return code ? (name && name !== code ? name + ' (' + code + ')' : code) : '—';
}

function facts(record) {
  const appeal = record.appeal;
  const list = document.getElementById('facts');
  const rows = [
    ['Номер', appeal.registrationNumber], ['Канал', named(appeal.channelName, appeal.channel)], ['Поступило', when(appeal.receivedAt)],
    ['Статус, исход', (STATUSES[appeal.status] || appeal.status) + (appeal.outcome ? ', ' + appeal.outcome : '')],
    ['Категория', named(appeal.categoryName, appeal.category)],
    ['Территория', named(appeal.territoryName, appeal.territory)],
    ['Организация', named(appeal.organizationName, appeal.organization)], ['Проблема', appeal.problem || '—'],
    ['Заявитель', appeal.resident.name || '—'],
    ['Контакты', [appeal.resident.email, appeal.resident.phone, appeal.resident.postalAddress, appeal.resident.profileUrl]
      .filter(Boolean).join('; ') || '—'],
    ['Адрес проблемы', appeal.address || '—'], ['Текст', appeal.text]];
  for (const [name, value] of rows) {
    list.append(element('dt', name), element('dd', value));
  }
}

function deadlines(record) {
  const body = document.querySelector('#deadlines tbody');
  for (const deadline of record.deadlines) {
    const row = element('tr', null, deadline.state === 'LATE' ? 'late' : deadline.state === 'MET' ? 'met' : '');
    row.dataset.step = deadline.step;
    row.dataset.state = deadline.state;
    for (const value of [deadline.title, when(deadline.due), STATES[deadline.state] || deadline.state,
      when(deadline.doneAt), deadline.missedBy || '']) {
      row.append(element('td', value));
    }
    body.append(row);
  }
}

function timeline(record) {
  const list = document.getElementById('timeline');
  record.events.forEach((event, index) => {
    const item = element('li', when(event.time) + ' — ' + event.actor + ' — ' + event.summary,
      PROBLEMS.includes(event.type) ? 'problem' : '');
    item.dataset.index = index;
    item.dataset.type = event.type;
    item.addEventListener('click', () => go(index));
    list.append(item);
  });
}

function processes(record) {
  const select = document.getElementById('process');
  for (const process of record.processes) {
    const option = element('option', process.name + ' v' + process.version + ' (' + (process.businessKey || '') + ')');
    option.value = process.definitionId;
    select.append(option);
  }
  select.addEventListener('change', () => diagram(select.value).then(() => mark()));
}

async function diagram(definitionId) {
  if (!definitionId || state.shownDefinition === definitionId) return;
  if (!state.diagrams[definitionId]) {
    state.diagrams[definitionId] = await load('/diagrams/' + encodeURIComponent(definitionId), 'application/xml');
  }
  await state.viewer.importXML(state.diagrams[definitionId]);
  state.viewer.get('canvas').zoom('fit-viewport');
  state.shownDefinition = definitionId;
  document.getElementById('process').value = definitionId;
}

/** Colours the steps taken so far on the diagram shown, the current one brightest, missed deadlines red. */
function mark() {
  const canvas = state.viewer.get('canvas');
  const registry = state.viewer.get('elementRegistry');
  registry.forEach(shape => ['audit-done', 'audit-current', 'audit-late'].forEach(marker => canvas.removeMarker(shape.id, marker)));
  const events = state.record.events;
  let current = null;
  for (let i = 0; i <= state.index && i < events.length; i++) {
    const event = events[i];
    if (event.processDefinitionId !== state.shownDefinition || !event.activityId || !registry.get(event.activityId)) continue;
    canvas.addMarker(event.activityId, /Deadline$/.test(event.activityId) ? 'audit-late' : 'audit-done');
    if (i === state.index) current = event.activityId;
  }
  if (current) canvas.addMarker(current, 'audit-current');
  document.body.dataset.currentActivity = current || '';
}

function details(event) {
  const table = document.getElementById('event-details');
  table.replaceChildren();
  for (const [name, value] of Object.entries(event.details || {})) {
    const row = element('tr');
    row.append(element('td', name), element('td', value));
    table.append(row);
  }
}

function decision(event) {
  const replayed = event.type === 'DECISION_EVALUATED'
    && state.decisions.find(d => d.decisionInstanceId === event.details.decisionInstanceId);
  show('decision', Boolean(replayed));
  if (!replayed) return;
  document.getElementById('decision-name').textContent = replayed.decisionName + ' (' + replayed.decisionKey
    + ', версия ' + replayed.versionUsed.version + ')';
  const check = document.getElementById('decision-check');
  check.replaceChildren(
    element('span', replayed.consistent ? 'Повтор на той же версии: совпадает.' : 'Повтор на той же версии НЕ СОВПАДАЕТ с записанным!',
      replayed.consistent ? 'ok' : 'late'),
    element('span', ' Правила сегодня (версия ' + replayed.latest.version + '): '
      + (replayed.latestAgrees ? 'то же решение.' : 'иное решение — ' + JSON.stringify(replayed.latest.decisions))));
  const tables = document.getElementById('decision-tables');
  tables.replaceChildren();
  for (const table of replayed.tables) {
    const matched = (replayed.recorded[table.key] || { rules: [] }).rules;
    tables.append(element('h4', table.name + ' (' + table.hitPolicy + ')'));
    const grid = element('table', null, 'dmn');
    const head = element('tr');
    head.append(element('th', '#'));
    table.inputs.forEach(name => head.append(element('th', name)));
    table.outputs.forEach(name => head.append(element('th', name)));
    head.append(element('th', 'Пояснение'));
    grid.append(head);
    table.rules.forEach((rule, index) => {
      const row = element('tr', null, matched.includes(rule.id) ? 'matched' : '');
      row.dataset.rule = rule.id;
      row.append(element('td', index + 1));
      rule.inputEntries.forEach(entry => row.append(element('td', entry || '-')));
      rule.outputEntries.forEach(entry => row.append(element('td', entry)));
      row.append(element('td', rule.description || ''));
      grid.append(row);
    });
    tables.append(grid);
  }
}

async function go(index) {
  const events = state.record.events;
  if (!events.length) return;
  state.index = Math.max(0, Math.min(index, events.length - 1));
  const event = events[state.index];
  if (event.processDefinitionId) await diagram(event.processDefinitionId);
  mark();
  document.getElementById('step-index').textContent = state.index + 1;
  document.getElementById('event-type').textContent = event.typeName;
  document.getElementById('event-type').dataset.type = event.type;
  document.getElementById('event-time').textContent = when(event.time);
  document.getElementById('event-actor').textContent = event.actor;
  show('event-level-box', event.level !== null && event.level !== undefined);
  document.getElementById('event-level').textContent = event.level;
  document.getElementById('event-summary').textContent = event.summary;
  details(event);
  decision(event);
  document.querySelectorAll('#timeline li.current').forEach(item => item.classList.remove('current'));
  const item = document.querySelector('#timeline li[data-index="' + state.index + '"]');
  item.classList.add('current');
  item.scrollIntoView({ block: 'nearest' });
}

function play() {
  const button = document.getElementById('play');
  if (state.timer) {
    clearInterval(state.timer);
    state.timer = null;
    button.textContent = '▶ Воспроизвести';
    return;
  }
  button.textContent = '⏸ Пауза';
  state.timer = setInterval(() => {
    if (state.index >= state.record.events.length - 1) {
      play();
    } else {
      go(state.index + 1);
    }
  }, 1200);
}

async function start() {
  document.getElementById('number').textContent = id;
  document.title = 'Журнал обращения ' + id;
  for (const format of ['json', 'csv', 'pdf']) {
    document.getElementById('export-' + format).href = base + '/export.' + format;
  }
  try {
    const [record, decisions] = await Promise.all([load(''), load('/decisions')]);
    state.record = record;
    state.decisions = decisions;
    show('masked', record.masked);
    const inconsistent = decisions.filter(d => !d.consistent);
    if (inconsistent.length) {
      document.getElementById('mismatch').textContent = 'Внимание: ' + inconsistent.length
        + ' решение(й) при повторном вычислении на той же версии таблицы дают иной результат, чем записано: '
        + inconsistent.map(d => d.decisionKey + ' ' + when(d.evaluatedAt)).join(', ');
      show('mismatch', true);
    }
    facts(record);
    deadlines(record);
    timeline(record);
    processes(record);
    document.getElementById('step-count').textContent = record.events.length;
    state.viewer = new BpmnJS({ container: '#canvas' });
    show('audit', true);
    if (record.processes.length) await diagram(record.processes[0].definitionId);
    await go(0);
    document.getElementById('first').addEventListener('click', () => go(0));
    document.getElementById('prev').addEventListener('click', () => go(state.index - 1));
    document.getElementById('next').addEventListener('click', () => go(state.index + 1));
    document.getElementById('play').addEventListener('click', play);
    document.body.dataset.loaded = 'true';
  } catch (error) {
    fail(error);
  }
}

start();
