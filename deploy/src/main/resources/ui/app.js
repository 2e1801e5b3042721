// The slo-pipeline web UI: plain JavaScript, no libraries. Everything shown comes from the pipeline's own
// HTTP APIs, which the UI server forwards: /api/v1/slos* (streams app), incidents, oncall, silences (router).
'use strict';

const STORE = { token: 'slo-ui.token', user: 'slo-ui.user' };
const SVG = 'http://www.w3.org/2000/svg';
const state = { config: { defaultToken: false, refreshSeconds: 5 }, slos: {}, incidents: null, rendered: {} };

// ---------- small helpers ----------

const $ = (selector, root) => (root || document).querySelector(selector);

/** Builds an element: el('td', {class: 'num', dataset: {slo: 'x'}}, 'text', child, ...). */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(key, value === true ? '' : value);
  });
  children.flat().forEach(child => {
    if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
  });
  return node;
}

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function percent(ratio, digits) {
  if (ratio === undefined || ratio === null || Number.isNaN(ratio)) return '–';
  return (ratio * 100).toFixed(digits === undefined ? 1 : digits) + ' %';
}

/** SLIs are close to 1: show enough digits to see the distance to the objective. */
function sliPercent(ratio) {
  if (ratio === undefined || ratio === null) return '–';
  return percent(ratio, ratio >= 0.999 ? 3 : 2);
}

function rate(value) {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function duration(ms) {
  const minutes = Math.round(Math.abs(ms) / 60000);
  if (minutes < 1) return 'now';
  if (minutes < 60) return minutes + 'm';
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return hours + 'h' + (minutes % 60 && hours < 10 ? ' ' + (minutes % 60) + 'm' : '');
  return Math.round(hours / 24) + 'd';
}

/** "5m ago" / "in 2h", with the exact time as a tooltip. */
function when(iso) {
  if (!iso) return '–';
  const at = new Date(iso);
  const ms = at.getTime() - Date.now();
  const text = Math.abs(ms) < 60000 ? 'just now' : ms < 0 ? duration(ms) + ' ago' : 'in ' + duration(ms);
  return el('time', { datetime: iso, title: at.toLocaleString() }, text);
}

function badge(text, kind) {
  return el('span', { class: 'badge ' + (kind || text).replace(/\s+/g, '-') }, text);
}

function notice(message, isError) {
  const box = $('#notice');
  box.textContent = message;
  box.className = isError ? 'error' : '';
  box.hidden = !message;
}

// ---------- the API ----------

function token() {
  return localStorage.getItem(STORE.token) || '';
}

/** Calls the API; resolves to {ok, status, body} and never rejects (a network failure is status 0). */
async function api(method, path, body) {
  const headers = { Accept: 'application/json', 'X-Slo-Ui': '1' };
  if (token()) headers.Authorization = 'Bearer ' + token();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    const text = await response.text();
    let parsed = null;
    try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = { error: text }; }
    return { ok: response.ok, status: response.status, body: parsed };
  } catch (e) {
    return { ok: false, status: 0, body: { error: 'the UI server cannot be reached: ' + e.message } };
  }
}

function problem(reply) {
  const body = reply.body || {};
  let message = body.error || ('HTTP ' + reply.status);
  if (Array.isArray(body.problems) && body.problems.length) message += ': ' + body.problems.join('; ');
  if (reply.status === 401 && !state.config.defaultToken) {
    message += ' (enter a token at the top right: one of scope read to see this, of scope write to change it)';
  } else if (reply.status === 403 && !state.config.defaultToken) {
    message += ' (enter a token of scope write at the top right)';
  }
  return message;
}

/**
 * A write: reports the outcome, refreshes what is shown. The apps accept a write once it is on Kafka (202) and
 * show its effect a moment later, hence the second look.
 */
async function write(method, path, body, done) {
  const reply = await api(method, path, body);
  if (reply.ok) notice(done, false);
  else notice(problem(reply), true);
  await refresh();
  setTimeout(refresh, 1000);
  return reply.ok;
}

/** Who acts, for the audit trail of acknowledgements and silences. */
function actor() {
  const name = $('#user-name').value.trim();
  if (!name) {
    notice('Enter your name at the top right first: the incident and silence logs record who acted.', true);
    $('#user-name').focus();
    return null;
  }
  return name;
}

// ---------- SLO status ----------

/** The one word that says how an SLO is doing: page, ticket, notify, ok or no data. */
function sloStatus(status) {
  const alerts = status.alerts || {};
  for (const severity of ['page', 'ticket', 'notify']) {
    if (alerts[severity] && alerts[severity].state === 'firing') return severity;
  }
  if (status.sli === undefined || status.sli === null) return 'no data';
  return 'ok';
}

/** Lowest budget first; SLOs without data last. */
function byBudget(a, b) {
  const noDataA = a.sli === undefined ? 1 : 0;
  const noDataB = b.sli === undefined ? 1 : 0;
  return noDataA - noDataB || a.budgetRemaining - b.budgetRemaining || a.slo.localeCompare(b.slo);
}

function budgetCell(remaining) {
  const bar = el('span', { class: 'bar' + (remaining <= 0 ? ' spent' : remaining < 0.25 ? ' low' : '') }, el('span'));
  bar.firstChild.style.width = Math.max(0, Math.min(1, remaining)) * 100 + '%';
  return el('div', { class: 'budget' }, bar, el('span', { class: remaining <= 0 ? 'over' : '' }, percent(remaining)));
}

/** When the budget runs out at the current burn; "spent" once it has. */
function runsOut(status) {
  if (status.budgetRemaining <= 0) return el('span', { class: 'over' }, 'spent');
  return status.exhaustionAt ? when(status.exhaustionAt) : el('span', { class: 'muted' }, 'not at this pace');
}

function windowText(window) {
  if (!window) return '';
  return window.rolling ? 'rolling ' + window.rolling : 'calendar ' + window.calendar + (window.timeZone ? ' (' + window.timeZone + ')' : '');
}

function renderSlos(reply) {
  const section = $('#slos');
  if (!reply.ok) return showEmpty(section, 'SLO status unavailable: ' + problem(reply));
  const statuses = Object.values(reply.body.slos || {}).sort(byBudget);
  const unavailable = reply.body.unavailable || [];
  if (!statuses.length) {
    return showEmpty(section, 'No SLO has reported yet: apply definitions (bin/slo apply) and send events.');
  }
  caption(section, unavailable.length ? 'Some instances did not answer: ' + unavailable.join('; ') : '');
  const rows = statuses.map(s => {
    const status = sloStatus(s);
    return el('tr', { dataset: { slo: s.slo, series: s.series || s.slo, status, budget: s.budgetRemaining } },
      el('td', {}, badge(status)),
      el('td', {}, el('a', { href: '#/slo/' + encodeURIComponent(s.series || s.slo), class: 'slo-link' }, s.series || s.slo)),
      el('td', {}, s.service + ' · ' + s.journey),
      el('td', { class: 'num' }, s.objective + ' %'),
      el('td', { class: 'num sli' }, sliPercent(s.sli)),
      el('td', { class: 'budget-remaining' }, budgetCell(s.budgetRemaining)),
      el('td', {}, runsOut(s)));
  });
  replaceRows(section, rows);
}

// ---------- incidents and firing alerts ----------

function renderIncidents(reply) {
  const section = $('#incidents');
  const firing = firingAlerts();
  if (reply.status === 404 || reply.status === 405) {
    // a router without escalation: show the alerts themselves
    return renderFiringOnly(section, firing, 'This router keeps no incidents; firing alerts from the SLO status:');
  }
  if (!reply.ok) return showEmpty(section, 'Incidents unavailable: ' + problem(reply));
  const incidents = (reply.body.incidents || []).filter(i => i.state !== 'resolved');
  state.incidents = incidents;
  const covered = new Set(incidents.map(i => i.slo + '/' + i.severity));
  const uncovered = firing.filter(a => !covered.has(a.slo + '/' + a.severity));
  if (!incidents.length && !uncovered.length) return showEmpty(section, 'Nothing is open. All quiet.');
  caption(section, '');
  const rows = incidents.map(incidentRow).concat(uncovered.map(alertRow));
  replaceRows(section, rows);
}

function incidentRow(incident) {
  const acknowledged = incident.state === 'acknowledged';
  const escalation = [];
  if (incident.policy) escalation.push(incident.policy + (incident.level !== undefined ? ', level ' + incident.level : ''));
  if (Array.isArray(incident.notified) && incident.notified.length) escalation.push('notified ' + incident.notified.join(', '));
  return el('tr', { class: 'incident', dataset: { incidentId: incident.id, slo: incident.slo, state: incident.state } },
    el('td', {}, badge(incident.severity || 'page')),
    el('td', {}, el('a', { href: '#/slo/' + encodeURIComponent(incident.slo) }, incident.slo)),
    el('td', {}, incident.summary || '', incident.team ? el('div', { class: 'muted' }, 'team ' + incident.team) : null),
    el('td', { class: 'incident-state' }, badge(incident.state),
      acknowledged && incident.acknowledgedBy ? el('div', { class: 'muted' }, 'by ' + incident.acknowledgedBy) : null),
    el('td', {}, when(incident.triggeredAt)),
    el('td', { class: 'muted' }, escalation.join('; ')),
    el('td', { class: 'actions' },
      acknowledged ? null : el('button', { type: 'button', class: 'primary', dataset: { action: 'ack' }, onclick: () => incidentAction(incident, 'ack') }, 'Acknowledge'),
      el('button', { type: 'button', dataset: { action: 'resolve' }, onclick: () => incidentAction(incident, 'resolve') }, 'Resolve')));
}

async function incidentAction(incident, action) {
  const by = actor();
  if (!by) return;
  const verb = action === 'ack' ? 'acknowledged' : 'resolved';
  await write('POST', '/api/v1/incidents/' + encodeURIComponent(incident.id) + '/' + action, { by }, incident.slo + ' ' + verb + ' by ' + by + '.');
}

/** Severities firing right now, from the SLO status (what the streams app decided, before any routing). */
function firingAlerts() {
  const alerts = [];
  Object.values(state.slos).forEach(s => {
    Object.entries(s.alerts || {}).forEach(([severity, alert]) => {
      if (alert.state === 'firing') {
        alerts.push({ slo: s.slo, series: s.series || s.slo, labels: s.labels || {}, severity, since: alert.since, pairs: alert.pairs || [] });
      }
    });
  });
  return alerts.sort((a, b) => a.since < b.since ? -1 : 1);
}

function alertRow(alert) {
  return el('tr', { class: 'alert', dataset: { slo: alert.slo, severity: alert.severity, state: 'firing' } },
    el('td', {}, badge(alert.severity)),
    el('td', {}, el('a', { href: '#/slo/' + encodeURIComponent(alert.series) }, alert.series)),
    el('td', {}, 'burning too fast: ' + alert.pairs.join(', ')),
    el('td', {}, badge('firing', alert.severity)),
    el('td', {}, when(alert.since)),
    el('td', { class: 'muted' }, 'no incident'),
    el('td', { class: 'actions' }, silenceButton(alert.slo, alert.labels)));
}

function renderFiringOnly(section, firing, intro) {
  if (!firing.length) return showEmpty(section, 'No alert is firing.');
  caption(section, intro);
  replaceRows(section, firing.map(alertRow));
}

/** Matchers for the alerts of an SLO, or of one series of a split SLO (its labels too). */
function sloMatchers(slo, labels) {
  return ['slo="' + slo + '"', ...Object.entries(labels || {}).filter(([, v]) => v !== '').map(([k, v]) => k + '="' + v + '"')].join(', ');
}

function silenceButton(slo, labels) {
  return el('button', { type: 'button', dataset: { action: 'silence' }, onclick: () => {
    $('#silence-matchers').value = sloMatchers(slo, labels);
    $('#silence-comment').focus();
  } }, 'Silence…');
}

// ---------- on call ----------

function shift(turn) {
  if (!turn) return el('span', { class: 'muted' }, 'nobody');
  return el('span', {}, el('strong', {}, turn.user), ' ', el('span', { class: 'muted' }, turn.until ? ['until ', when(turn.until)] : ''));
}

function renderOnCall(reply) {
  const section = $('#oncall');
  if (reply.status === 404) return showEmpty(section, 'This router has no on-call schedules API.');
  if (!reply.ok) return showEmpty(section, 'On-call unavailable: ' + problem(reply));
  const schedules = reply.body.schedules || [];
  if (!schedules.length) return showEmpty(section, 'No schedules configured.');
  caption(section, '');
  replaceRows(section, schedules.map(s => el('tr', { dataset: { schedule: s.name } },
    el('td', {}, s.name),
    el('td', { class: 'now' }, shift(s.now)),
    el('td', { class: 'next' }, s.next ? el('span', {}, el('strong', {}, s.next.user), ' ', el('span', { class: 'muted' }, when(s.next.from))) : shift(null)))));
}

// ---------- silences ----------

function renderSilences(reply) {
  const section = $('#silences');
  if (!reply.ok) return showEmpty(section, 'Silences unavailable: ' + problem(reply));
  const silences = (reply.body.silences || []).filter(s => s.status && s.status.state !== 'expired'
    || new Date(s.endsAt).getTime() > Date.now() - 3600000);
  if (!silences.length) return showEmpty(section, 'No silence is active.');
  caption(section, '');
  replaceRows(section, silences.map(s => {
    const silenceState = s.status ? s.status.state : 'active';
    return el('tr', { dataset: { silenceId: s.id, state: silenceState } },
      el('td', {}, badge(silenceState)),
      el('td', {}, el('code', {}, (s.matchers || []).map(matcherText).join(', '))),
      el('td', {}, when(s.endsAt)),
      el('td', {}, s.createdBy || '', s.comment ? el('div', { class: 'muted' }, s.comment) : null),
      el('td', { class: 'actions' }, silenceState === 'expired' ? null : el('button', { type: 'button', dataset: { action: 'expire' },
        onclick: () => write('DELETE', '/api/v1/silences/' + encodeURIComponent(s.id), undefined, 'Silence expired.') }, 'Expire')));
  }));
}

/** Matchers come back as strings or as Alertmanager objects {name, value, isRegex, isEqual}. */
function matcherText(matcher) {
  if (typeof matcher === 'string') return matcher;
  const op = (matcher.isEqual === false ? '!' : '') + (matcher.isRegex ? '~' : '=');
  return matcher.name + (op === '=' ? '=' : op === '~' ? '=~' : op) + JSON.stringify(matcher.value);
}

/** Splits 'slo="a,b", severity="page"' at the commas outside quotes. */
function splitMatchers(text) {
  const parts = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quoted && i + 1 < text.length) { current += c + text[++i]; continue; }
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) { parts.push(current); current = ''; continue; }
    current += c;
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p);
}

async function createSilence(event) {
  event.preventDefault();
  const by = actor();
  if (!by) return;
  const minutes = Number($('#silence-duration').value);
  const ok = await write('POST', '/api/v1/silences', {
    matchers: splitMatchers($('#silence-matchers').value),
    endsAt: new Date(Date.now() + minutes * 60000).toISOString(),
    createdBy: by,
    comment: $('#silence-comment').value.trim()
  }, 'Silence created.');
  if (ok) $('#silence-form').reset();
}

// ---------- one SLO ----------

function renderSloView(name, statusReply, historyReply) {
  $('#slo-name').textContent = name;
  const figures = $('#slo-figures');
  figures.replaceChildren();
  if (!statusReply.ok) {
    $('#slo-status').replaceWith(el('span', { id: 'slo-status', class: 'badge' }, 'no data'));
    $('#slo-about').textContent = problem(statusReply);
    drawChart($('#sli-chart'), [], {});
    drawChart($('#budget-chart'), [], {});
    $('#burn-rates tbody').replaceChildren();
    $('#slo-alerts ul').replaceChildren();
    return;
  }
  // a split SLO answers with its series by key; a series' own status names its key as a string
  if (typeof statusReply.body.series === 'object') return renderSplitSloView(statusReply.body);
  const s = statusReply.body;
  const status = sloStatus(s);
  $('#slo-status').replaceWith(Object.assign(badge(status), { id: 'slo-status' }));
  $('#slo-view').dataset.status = status;
  $('#slo-about').textContent = 'service ' + s.service + ' · journey ' + s.journey + ' · objective ' + s.objective
    + ' % over a ' + windowText(s.window) + ' window · as of ' + new Date(s.asOf).toLocaleString();
  const figure = (label, value, id) => figures.append(el('div', { id }, el('dt', {}, label), el('dd', {}, value)));
  figure('SLI', sliPercent(s.sli), 'figure-sli');
  figure('Objective', s.objective + ' %', 'figure-objective');
  figure('Budget remaining', percent(s.budgetRemaining), 'figure-budget');
  figure('Budget runs out', runsOut(s), 'figure-exhaustion');
  if (s.lateEvents) figure('Late events', s.lateEvents, 'figure-late');

  const history = historyReply && historyReply.ok ? historyReply.body : { points: [] };
  const points = historyPoints(history);
  const span = { from: new Date(history.from).getTime() || undefined, to: new Date(history.asOf).getTime() || undefined };
  const objective = s.objective / 100;
  const sliPoints = points.filter(p => p.sli !== undefined && p.sli !== null).map(p => ({ t: p.t, v: p.sli }));
  const lowest = Math.min(objective - (1 - objective), ...sliPoints.map(p => p.v));
  drawChart($('#sli-chart'), sliPoints, { ...span, min: Math.max(0, lowest), max: 1, target: objective, format: sliPercent,
    empty: historyReply && !historyReply.ok ? 'history unavailable: ' + problem(historyReply) : 'no history yet' });
  const budgetPoints = points.filter(p => p.budget !== undefined && p.budget !== null).map(p => ({ t: p.t, v: p.budget }));
  drawChart($('#budget-chart'), budgetPoints, { ...span, min: Math.min(0, ...budgetPoints.map(p => p.v)), max: 1, target: 0,
    format: v => percent(v, 0), area: true, empty: historyReply && !historyReply.ok ? 'history unavailable: ' + problem(historyReply) : 'no history yet' });

  renderBurnRates(s);
  const alerts = Object.entries(s.alerts || {}).map(([severity, alert]) => el('li', { dataset: { severity, state: alert.state } },
    badge(alert.state === 'firing' ? severity : alert.state === 'no-data' ? 'no data' : 'ok'), ' ', severity, ': ',
    alert.state === 'firing' ? ['firing since ', when(alert.since), ' (', (alert.pairs || []).join(', '), ') '] : alert.state,
    alert.state === 'firing' ? silenceLink(s.slo, s.labels) : null));
  $('#slo-alerts ul').replaceChildren(...(alerts.length ? alerts : [el('li', { class: 'muted' }, 'No alert pairs.')]));
}

/** A split SLO: one line per series, worst budget first, each linking to the series' own page with its charts. */
function renderSplitSloView(body) {
  const series = Object.values(body.series).sort(byBudget);
  const worst = series.length ? sloStatus(series[0]) : 'no data';
  const firing = series.map(sloStatus).find(status => ['page', 'ticket', 'notify'].includes(status));
  $('#slo-status').replaceWith(Object.assign(badge(firing || worst), { id: 'slo-status' }));
  $('#slo-view').dataset.status = firing || worst;
  const first = series[0] || {};
  $('#slo-about').textContent = 'service ' + first.service + ' · journey ' + first.journey + ' · objective ' + first.objective
    + ' % over a ' + windowText(first.window) + ' window · split into ' + series.length + ' series';
  $('#slo-figures').replaceChildren(...series.map(s => el('div', { class: 'series', dataset: { series: s.series, status: sloStatus(s) } },
    el('dt', {}, badge(sloStatus(s)), ' ', el('a', { href: '#/slo/' + encodeURIComponent(s.series) }, s.series)),
    el('dd', {}, 'SLI ' + sliPercent(s.sli) + ' · budget left ' + percent(s.budgetRemaining) + ' · ', runsOut(s)))));
  drawChart($('#sli-chart'), [], { empty: 'open a series for its charts' });
  drawChart($('#budget-chart'), [], { empty: 'open a series for its charts' });
  $('#burn-rates tbody').replaceChildren();
  const alerts = series.flatMap(s => Object.entries(s.alerts || {}).filter(([, alert]) => alert.state === 'firing')
    .map(([severity, alert]) => el('li', { dataset: { severity, state: alert.state, series: s.series } },
      badge(severity), ' ', s.series, ' ', severity, ': firing since ', when(alert.since), ' (', (alert.pairs || []).join(', '), ') ',
      silenceLink(s.slo, s.labels))));
  $('#slo-alerts ul').replaceChildren(...(alerts.length ? alerts : [el('li', { class: 'muted' }, 'No series is firing.')]));
}

function silenceLink(slo, labels) {
  return el('a', { href: '#/', onclick: () => { setTimeout(() => { $('#silence-matchers').value = sloMatchers(slo, labels); $('#silence-comment').focus(); }, 0); } }, 'silence…');
}

/** The history's points as {t, sli, budget}: cumulative from the window's start to each bucket's end. */
function historyPoints(body) {
  return (body.points || []).map(p => ({ t: new Date(p.end).getTime(), sli: p.sli, budget: p.budgetRemaining }));
}

/** Burn rate per alert pair against its threshold; the burn rate per tracked window when the SLO has no pairs. */
function renderBurnRates(s) {
  const section = $('#burn-rates');
  const pairs = Array.isArray(s.pairs) ? s.pairs : null;
  if (pairs && pairs.length) {
    const heading = (text, numeric) => el('th', { class: numeric ? 'num' : null }, text);
    $('thead', section).replaceChildren(el('tr', {}, heading('Pair'), heading('Severity'), heading('Windows long / short'),
      heading('Threshold', true), heading('Long window', true), heading('Short window', true), heading('')));
    $('tbody', section).replaceChildren(...pairs.map(p => {
      const threshold = p.burnRateThreshold;
      const over = value => el('td', { class: 'num' + (value > threshold ? ' over' : '') }, rate(value) + '×');
      return el('tr', { dataset: { pair: p.name, holds: String(p.holds) } },
        el('td', {}, p.name), el('td', {}, badge(p.severity)),
        el('td', {}, p.longWindow + ' / ' + p.shortWindow),
        el('td', { class: 'num' }, rate(threshold) + '×', el('div', { class: 'muted' }, percent(p.errorRatioThreshold, 2) + ' errors')),
        over(p.longBurnRate), over(p.shortBurnRate),
        el('td', {}, p.holds ? badge('firing', p.severity) : ''));
    }));
    return;
  }
  const rates = Object.entries(s.burnRates || {});
  $('thead', section).replaceChildren(el('tr', {}, el('th', {}, 'Window'), el('th', { class: 'num' }, 'Burn rate')));
  $('tbody', section).replaceChildren(...rates.map(([window, value]) => el('tr', { dataset: { window } },
    el('td', {}, window), el('td', { class: 'num' + (value > 1 ? ' over' : '') }, rate(value) + '×'))));
}

/** A line chart of {t, v} points in inline SVG, with a dashed target line and labelled axes. */
function drawChart(container, points, options) {
  const width = 560, height = 200, left = 72, right = 10, top = 10, bottom = 24;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' });
  if (points.length < 2) {
    chart.append(svg('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'empty' }, options.empty || 'no data'));
    container.replaceChildren(chart);
    return;
  }
  // the whole window, so that how much of it holds data shows too
  const t0 = Math.min(options.from || points[0].t, points[0].t);
  const t1 = Math.max(options.to || 0, points[points.length - 1].t);
  let min = options.min, max = options.max;
  if (!(max > min)) { min -= 0.5; max += 0.5; }
  const x = t => left + (t - t0) / Math.max(1, t1 - t0) * (width - left - right);
  const y = v => top + (max - Math.max(min, Math.min(max, v))) / (max - min) * (height - top - bottom);
  [0, 0.5, 1].forEach(f => {
    const value = min + (max - min) * f;
    chart.append(svg('line', { x1: left, x2: width - right, y1: y(value), y2: y(value), class: 'grid' }));
    chart.append(svg('text', { x: left - 6, y: y(value) + 4, 'text-anchor': 'end' }, options.format(value)));
  });
  chart.append(svg('line', { x1: left, x2: left, y1: top, y2: height - bottom, class: 'axis' }));
  chart.append(svg('line', { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, class: 'axis' }));
  const line = points.map((p, i) => (i ? 'L' : 'M') + x(p.t).toFixed(1) + ' ' + y(p.v).toFixed(1)).join(' ');
  if (options.area) {
    chart.append(svg('path', { d: line + ` L${x(t1).toFixed(1)} ${y(Math.max(min, 0))} L${x(t0).toFixed(1)} ${y(Math.max(min, 0))} Z`, class: 'area' }));
  }
  chart.append(svg('path', { d: line, class: 'series' }));
  if (options.target !== undefined && options.target >= min && options.target <= max) {
    chart.append(svg('line', { x1: left, x2: width - right, y1: y(options.target), y2: y(options.target), class: 'target' }));
  }
  const label = t => new Date(t).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  chart.append(svg('text', { x: left, y: height - 6 }, label(t0)));
  chart.append(svg('text', { x: width - right, y: height - 6, 'text-anchor': 'end' }, label(t1)));
  chart.append(svg('title', {}, options.format(points[points.length - 1].v) + ' at ' + label(t1)));
  container.dataset.points = points.length;
  container.replaceChildren(chart);
}

// ---------- page plumbing ----------

/** A message instead of the table. */
function showEmpty(section, message) {
  caption(section, message);
  $('tbody', section).replaceChildren();
  $('table', section).hidden = true;
}

/** A line above the table (empty: none). */
function caption(section, message) {
  const empty = $('.empty', section);
  empty.textContent = message;
  empty.hidden = !message;
}

function replaceRows(section, rows) {
  $('table', section).hidden = false;
  $('tbody', section).replaceChildren(...rows);
}

function currentSlo() {
  const match = location.hash.match(/^#\/slo\/(.+)$/);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * Redraws a section only when what it shows changed (or a minute passed, for the relative times), so that a row
 * is not replaced under the pointer of someone about to click its button.
 */
function renderIfChanged(section, inputs, render) {
  const signature = JSON.stringify([inputs, Math.floor(Date.now() / 60000)]);
  if (section.dataset.signature !== signature) {
    render();
    section.dataset.signature = signature;
  }
}

let refreshing = null;

/** Reloads whatever the current view shows; overlapping calls share one round. */
function refresh() {
  if (!refreshing) {
    refreshing = load().finally(() => { refreshing = null; });
  }
  return refreshing;
}

async function load() {
  const name = currentSlo();
  $('#overview').hidden = !!name;
  $('#slo-view').hidden = !name;
  const slos = await api('GET', '/api/v1/slos');
  state.slos = slos.ok ? slos.body.slos || {} : {};
  if (name) {
    const path = '/api/v1/slos/' + encodeURIComponent(name);
    const [status, history] = await Promise.all([api('GET', path), api('GET', path + '/history')]);
    renderSloView(name, status, history);
  } else {
    const [incidents, oncall, silences] = await Promise.all([
      api('GET', '/api/v1/incidents?state=open'), api('GET', '/api/v1/oncall'), api('GET', '/api/v1/silences')]);
    renderIfChanged($('#slos'), [slos], () => renderSlos(slos));
    renderIfChanged($('#incidents'), [incidents, firingAlerts()], () => renderIncidents(incidents));
    renderIfChanged($('#oncall'), [oncall], () => renderOnCall(oncall));
    renderIfChanged($('#silences'), [silences], () => renderSilences(silences));
  }
  const updated = $('#updated');
  updated.textContent = 'updated ' + new Date().toLocaleTimeString();
  updated.dataset.at = Date.now();
}

async function start() {
  const config = await api('GET', '/ui-config');
  if (config.ok) state.config = config.body;
  const tokenInput = $('#api-token');
  const userInput = $('#user-name');
  if (state.config.defaultToken) {
    $('#token-label').hidden = true;
    $('#token-default').hidden = false;
  }
  tokenInput.value = token();
  userInput.value = localStorage.getItem(STORE.user) || '';
  tokenInput.addEventListener('change', () => { localStorage.setItem(STORE.token, tokenInput.value.trim()); refresh(); });
  userInput.addEventListener('change', () => localStorage.setItem(STORE.user, userInput.value.trim()));
  $('#identity').addEventListener('submit', event => event.preventDefault());
  $('#silence-form').addEventListener('submit', createSilence);
  window.addEventListener('hashchange', () => { notice('', false); refresh(); });
  await refresh();
  setInterval(refresh, Math.max(1, state.config.refreshSeconds || 5) * 1000);
}

document.addEventListener('DOMContentLoaded', start);
