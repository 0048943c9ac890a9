// Cockpit plugin «Обращения» (loaded by customScripts in ../scripts/config.js): on Cockpit's dashboard and as a
// tab of the process definition, the heat map of the last 30 days, the longest overdue appeals with links to
// their process instances, and the organisations' KPIs. The figures are the dashboard's (/dashboard/api/…,
// read as the user logged into Cockpit), so Cockpit shows each user what the API would.

const STYLE = '/dashboard/figures.css';

function ensureStyle() {
  if (!document.querySelector('link[href="' + STYLE + '"]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = STYLE;
    document.head.append(link);
  }
}

async function render(node, title) {
  ensureStyle();
  const figures = await import('/dashboard/figures.js');
  const { element } = figures;
  node.textContent = '';
  const root = element('div', null, { class: 'appeal-figures', 'data-appeals-plugin': 'loading' });
  node.append(root);
  try {
    const [heatMap, kpi, overdue] = await Promise.all([figures.readFigures('heatmap'), figures.readFigures('kpi'),
      figures.readFigures('overdue')]);
    const heat = element('div', null, { class: 'scroll' });
    heat.append(figures.heatMapTable(heatMap));
    const organisations = element('div', null, { class: 'scroll' });
    organisations.append(figures.kpiTable(kpi));
    if (title) {
      root.append(element('h3', title));
    }
    root.append(
      element('p', 'С ' + heatMap.from.split('-').reverse().join('.') + ' по ' + heatMap.to.split('-').reverse().join('.')
        + ': поступило ' + heatMap.total.received + ', в работе ' + heatMap.total.open + ', просрочено '
        + heatMap.total.overdue + '. ', { class: 'hint' }),
      element('h3', 'Где и о чём пишут'), heat,
      element('h3', 'Просроченные обращения'),
      figures.overdueAppealsTable(overdue, id => '#/process-instance/' + id + '/runtime'),
      element('h3', 'Показатели организаций'), organisations);
    const more = element('a', 'Полный обзор для руководства', { href: '/dashboard' });
    root.append(element('p'), more);
    root.dataset.appealsPlugin = 'loaded';
  } catch (error) {
    root.append(element('p', error.status === 403
      ? 'Сводка по обращениям доступна тем, кто читает все обращения или обращения своей организации.'
      : 'Не удалось получить сводку по обращениям: ' + error.message));
    root.dataset.appealsPlugin = 'failed';
  }
}

export default [
  {
    id: 'appeals.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: node => {
      render(node, 'Обращения граждан');
    },
    properties: { label: 'Обращения граждан' }
  },
  {
    id: 'appeals.processDefinition',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    priority: 100,
    render: node => {
      render(node);
    },
    properties: { label: 'Обращения' }
  }
];
