// SPDX-License-Identifier: Apache-2.0
// The explorer's page: pick a shipped scenario, move its levers (drawn from
// what GET /api/scenario says they are: nothing here names a lever), run it,
// and step through the days on a map of the scenario's world; or keep one
// setting as A and compare it with another (B) on the same seed.
'use strict';

const $ = (selector, root = document) => root.querySelector(selector);

// The headline numbers: paths in summary.json (`pocsim show --outcomes` explains each).
const HEADLINES = [
  ['civilian_deaths.total', 'civilians killed'],
  ['population.displaced_peak', 'displaced at the peak'],
  ['protection.incidents', 'incidents'],
  ['protection.reached', 'incidents reached'],
  ['protection.hours_to_first_arrival.mean', 'mean hours to arrival'],
  ['protection.share_reached_within_24h', 'share reached within 24 h'],
  ['combatant_deaths.total', 'combatants killed'],
];
const WEEK = 7;  // events and incidents stay on the map this many days
// An event's colour says who did it, by the perpetrator's kind of faction (index.html's legend).
const PERPETRATOR_COLOURS = {
  jihadist: '215,48,31', state_forces: '255,140,0', mercenaries: '123,50,148',
  signatory: '140,81,10', partner: '0,139,139', peacekeepers: '31,95,215',
};

const state = {
  scenario: null,  // GET /api/scenario's answer
  controls: [],    // {lever, read(), write(text)}
  keptA: null,     // {set, seed} kept as A for a comparison
  runs: [],        // one run, or A and B
  day: 0,
  timer: null,
};

function summaryValue(summary, path) {
  return path.split('.').reduce((node, key) => (node == null ? undefined : node[key]), summary);
}

function formatNumber(value) {
  if (value === undefined) return '–';
  if (value === null || Number.isNaN(value)) return 'n/a';
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en');
  return Math.abs(value) < 1 ? value.toFixed(2) : value.toFixed(1);
}

function showError(message) {
  const box = $('#error');
  box.textContent = message || '';
  box.hidden = !message;
}

function setStatus(text) { $('#status').textContent = text; }

async function api(path, body) {
  const response = await fetch(path, body === undefined ? {} : {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body),
  });
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || `HTTP ${response.status}`);
  return data;
}

// ---- levers -----------------------------------------------------------------

// A slider's span: the key's range where it is finite and near the value,
// else up to ten times the value; the number field beside it takes anything
// (the server checks it as --set would).
function sliderSpan(lever) {
  const value = Number(lever.value);
  const lo = lever.min !== undefined ? lever.min : Math.min(0, value * 10);
  const wide = Math.max(Math.abs(value) * 10, 1);
  const hi = lever.max !== undefined && lever.max - lo <= wide ? lever.max : lo + wide;
  return [lo, hi];
}

function numberControl(lever, inputs) {
  const field = document.createElement('input');
  field.type = 'number';
  field.step = 'any';
  field.dataset.key = lever.key;
  const slider = document.createElement('input');
  slider.type = 'range';
  const [lo, hi] = sliderSpan(lever);
  slider.min = lo;
  slider.max = hi;
  slider.step = lever.type.startsWith('integer') ? 1 : (hi - lo) / 100;
  slider.setAttribute('aria-label', lever.key);
  slider.addEventListener('input', () => { field.value = slider.value; field.dispatchEvent(new Event('change')); });
  field.addEventListener('input', () => { slider.value = field.value; });
  inputs.append(slider, field);
  return {
    read: () => field.value,
    write: (text) => { field.value = text; slider.value = text; },
    element: field,
  };
}

function leverControl(lever) {
  const box = document.createElement('div');
  box.className = 'lever';
  const label = document.createElement('label');
  label.textContent = lever.key;
  const doc = document.createElement('span');
  doc.className = 'doc';
  doc.textContent = lever.doc + (lever.range ? ` (${lever.range})` : '');
  const inputs = document.createElement('div');
  inputs.className = 'inputs';
  const base = lever.type.replace(/ or null$/, '');
  let control;
  if (base === 'boolean') {
    const check = document.createElement('input');
    check.type = 'checkbox';
    check.dataset.key = lever.key;
    inputs.append(check);
    control = {read: () => String(check.checked), write: (t) => { check.checked = t === 'true'; }, element: check};
  } else if (base === 'date') {
    const field = document.createElement('input');
    field.type = 'date';
    field.dataset.key = lever.key;
    inputs.append(field);
    control = {read: () => field.value || 'null', write: (t) => { field.value = t === 'null' ? '' : t; }, element: field};
  } else {
    control = numberControl(lever, inputs);
  }
  if (lever.type.endsWith(' or null')) {  // "none": the key left empty (e.g. a partner that stays)
    const none = document.createElement('label');
    const check = document.createElement('input');
    check.type = 'checkbox';
    none.append(check, ' none');
    inputs.append(none);
    const {read, write} = control;
    control.read = () => (check.checked ? 'null' : read());
    control.write = (t) => { check.checked = t === 'null'; write(t === 'null' ? '' : t); };
    check.addEventListener('change', () => control.element.dispatchEvent(new Event('change')));
  }
  label.htmlFor = control.element.id = `lever-${lever.key}`;
  box.append(label, inputs, doc);
  control.lever = lever;
  control.box = box;
  control.write(lever.value);
  control.element.addEventListener('change', () => box.classList.toggle('changed', isChanged(control)));
  return control;
}

function isChanged(control) {
  const {value, type} = control.lever;
  const now = control.read();
  if (type.startsWith('number') || type.startsWith('integer'))
    return now !== value && !(now !== 'null' && value !== 'null' && Number(now) === Number(value));
  return now !== value;
}

// Levers grouped by their section (a faction's keys by faction), the file's suggestions first.
function leverGroup(key) {
  const parts = key.split('.');
  return parts[0] === 'factions' || parts[0] === 'campaigns' || parts[0] === 'operations'
    ? `${parts[0]}: ${parts[1]}` : parts[0];
}

function drawLevers(levers) {
  const root = $('#levers');
  root.textContent = '';
  state.controls = [];
  const groups = new Map();
  const group = (name, open) => {
    if (!groups.has(name)) {
      const details = document.createElement('details');
      details.open = open;
      const summary = document.createElement('summary');
      summary.textContent = name;
      details.append(summary);
      root.append(details);
      groups.set(name, details);
    }
    return groups.get(name);
  };
  if (levers.some((l) => l.suggested)) group('suggested by the scenario', true);
  for (const lever of levers) {
    const control = leverControl(lever);
    state.controls.push(control);
    group(lever.suggested ? 'suggested by the scenario' : leverGroup(lever.key), false).append(control.box);
  }
}

function currentSettings() {
  const set = {};
  for (const control of state.controls)
    if (isChanged(control)) set[control.lever.key] = control.read();
  return set;
}

// ---- map --------------------------------------------------------------------

// Grid coordinates: the map is drawn in the engine's own cells, so a point at
// (lon, lat) lands where the engine put it.
function mapFrame(map, canvas) {
  const g = map.grid;
  let c0 = Infinity, c1 = -Infinity, r0 = Infinity, r1 = -Infinity;
  for (const [c, r] of map.cells) {
    c0 = Math.min(c0, c); c1 = Math.max(c1, c); r0 = Math.min(r0, r); r1 = Math.max(r1, r);
  }
  // The canvas takes the map's proportions, so that no band of it stays empty.
  const height = Math.round(canvas.width * (r1 - r0 + 1) / (c1 - c0 + 1));
  if (canvas.height !== height) canvas.height = height;
  const scale = canvas.width / (c1 - c0 + 1);
  return {
    scale,
    x: (col) => (col - c0) * scale,
    y: (row) => (r1 + 1 - row) * scale,
    at: (lon, lat) => [((lon - g.lon0) / g.dlon - c0) * scale, (r1 + 1 - (lat - g.lat0) / g.dlat) * scale],
  };
}

function regionValues(run, day, layer) {
  const rows = run.regions[layer === 'displaced' ? 'displaced' : 'civilian_deaths'];
  if (layer === 'displaced') return rows[day] || [];
  const sums = new Array(rows[0] ? rows[0].length : 0).fill(0);
  for (let d = 0; d <= day && d < rows.length; ++d) rows[d].forEach((v, r) => { sums[r] += v; });
  return sums;
}

// The colour scale's top: the largest value any run reaches, so that A and B compare.
function layerTop(layer) {
  let top = 1;
  for (const run of state.runs)
    for (let d = 0; d < run.days; ++d)
      if (layer === 'displaced' || d === run.days - 1)
        top = Math.max(top, ...regionValues(run, d, layer));
  return top;
}

function shade(share) {
  const t = Math.sqrt(Math.max(0, Math.min(1, share)));
  const mix = (a, b) => Math.round(a + (b - a) * t);
  return `rgb(${mix(245, 165)},${mix(240, 15)},${mix(225, 21)})`;
}

function drawMap(canvas, run, day, layer, top) {
  const map = state.scenario.map;
  const ctx = canvas.getContext('2d');
  const f = mapFrame(map, canvas);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const values = run ? regionValues(run, day, layer) : [];
  const regionOf = new Map();
  for (const [c, r, region] of map.cells) {
    regionOf.set(`${c},${r}`, region);
    ctx.fillStyle = shade((values[region] || 0) / top);
    ctx.fillRect(f.x(c), f.y(r + 1), Math.ceil(f.scale), Math.ceil(f.scale));
  }
  ctx.strokeStyle = '#555';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const [c, r, region] of map.cells) {  // region borders: where a neighbour differs
    if (regionOf.get(`${c + 1},${r}`) !== region) { ctx.moveTo(f.x(c + 1), f.y(r)); ctx.lineTo(f.x(c + 1), f.y(r + 1)); }
    if (regionOf.get(`${c},${r + 1}`) !== region) { ctx.moveTo(f.x(c), f.y(r + 1)); ctx.lineTo(f.x(c + 1), f.y(r + 1)); }
    if (!regionOf.has(`${c - 1},${r}`)) { ctx.moveTo(f.x(c), f.y(r)); ctx.lineTo(f.x(c), f.y(r + 1)); }
    if (!regionOf.has(`${c},${r - 1}`)) { ctx.moveTo(f.x(c), f.y(r)); ctx.lineTo(f.x(c + 1), f.y(r)); }
  }
  ctx.stroke();
  const chain = (towns, colour, width) => {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.beginPath();
    towns.forEach((t, i) => {
      const [x, y] = f.at(...map.towns[t].at);
      if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
    });
    ctx.stroke();
  };
  for (const road of map.roads) chain(road, 'rgba(90,90,90,0.5)', 1);
  chain(map.river, '#3b83bd', 2.5);
  ctx.fillStyle = '#333';
  for (const town of map.towns) {
    const [x, y] = f.at(...town.at);
    ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
  }
  ctx.fillStyle = '#1f5fd7';
  ctx.font = '10px system-ui, sans-serif';
  for (const t of map.camps) {
    const [x, y] = f.at(...map.towns[t].at);
    ctx.beginPath();
    ctx.moveTo(x, y - 6); ctx.lineTo(x + 5, y + 3); ctx.lineTo(x - 5, y + 3);
    ctx.fill();
    ctx.fillText(map.towns[t].name, x + 6, y - 2);
  }
  if (!run) return;
  for (const [d, , perpetrator, lon, lat, civilians] of run.events) {
    if (d > day || d <= day - WEEK) continue;
    const [x, y] = f.at(lon, lat);
    const faction = run.factions[perpetrator];
    const colour = (faction && PERPETRATOR_COLOURS[faction.kind]) || '90,90,90';
    ctx.fillStyle = `rgba(${colour},${1 - (day - d) / WEEK * 0.8})`;
    ctx.beginPath();
    ctx.arc(x, y, 2.5 + Math.sqrt(civilians), 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.lineWidth = 2;
  for (const [d, , lon, lat, , , , hours] of run.incidents) {
    if (d > day || d <= day - WEEK) continue;
    const [x, y] = f.at(lon, lat);
    ctx.strokeStyle = hours === null ? '#777' : '#1a9850';
    ctx.beginPath();
    ctx.arc(x, y, 8, 0, 2 * Math.PI);
    ctx.stroke();
    if (hours !== null) { ctx.fillStyle = '#1a9850'; ctx.fillText(`${Math.round(hours)} h`, x + 9, y + 10); }
  }
  ctx.fillStyle = '#1f5fd7';
  const here = run.responder_positions[day] || [];
  for (let i = 0; i + 1 < here.length; i += 2) {
    const [x, y] = f.at(here[i], here[i + 1]);
    ctx.fillRect(x - 3, y - 3, 6, 6);
  }
}

// ---- numbers and chart ------------------------------------------------------

function drawHeadline(list, run) {
  list.textContent = '';
  for (const [path, name] of HEADLINES) {
    const item = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.dataset.outcome = path;
    dd.textContent = run ? formatNumber(summaryValue(run.summary, path)) : '–';
    item.append(dt, dd);
    list.append(item);
  }
}

function drawDifference() {
  const box = $('#difference');
  box.hidden = state.runs.length < 2;
  if (box.hidden) return;
  const [a, b] = state.runs;
  const rows = HEADLINES.map(([path, name]) => {
    const va = summaryValue(a.summary, path), vb = summaryValue(b.summary, path);
    const diff = typeof va === 'number' && typeof vb === 'number' ? vb - va : undefined;
    return `<tr data-outcome="${path}"><td>${name}</td><td>${formatNumber(va)}</td><td>${formatNumber(vb)}</td>` +
      `<td class="diff">${diff === undefined ? '–' : (diff > 0 ? '+' : '') + formatNumber(diff)}</td></tr>`;
  });
  box.innerHTML = `<table><thead><tr><th>seed ${a.seed}</th><th>A</th><th>B</th><th>B − A</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`;
}

function svg(tag, attributes, text) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// Civilian deaths a day (bars; B as a line) and each incident's hours to arrival (dots, right axis).
function drawChart() {
  const chart = $('#chart');
  chart.textContent = '';
  if (!state.runs.length) return;
  const W = 640, H = 200, left = 36, right = 36, top = 10, bottom = 20;
  const days = Math.max(...state.runs.map((r) => r.days));
  const daily = state.runs.map((r) => r.regions.civilian_deaths.map((row) => row.reduce((s, v) => s + v, 0)));
  const maxDeaths = Math.max(1, ...daily.flat());
  const hours = state.runs[0].incidents.filter((i) => i[7] !== null);
  const maxHours = Math.max(1, ...hours.map((i) => i[7]));
  const x = (d) => left + (d + 0.5) * (W - left - right) / days;
  const yDeaths = (v) => H - bottom - v / maxDeaths * (H - top - bottom);
  const yHours = (v) => H - bottom - v / maxHours * (H - top - bottom);
  const barWidth = Math.max(1, (W - left - right) / days - 1);
  daily[0].forEach((v, d) => chart.append(svg('rect', {x: x(d) - barWidth / 2, y: yDeaths(v), width: barWidth,
    height: H - bottom - yDeaths(v), fill: '#e9a3a0'})));
  if (daily[1])
    chart.append(svg('polyline', {points: daily[1].map((v, d) => `${x(d)},${yDeaths(v)}`).join(' '),
      fill: 'none', stroke: '#a50f15', 'stroke-width': 1.5}));
  for (const i of hours) chart.append(svg('circle', {cx: x(i[0]), cy: yHours(i[7]), r: 2, fill: '#1a9850'}));
  chart.append(svg('line', {x1: x(state.day), x2: x(state.day), y1: top, y2: H - bottom, stroke: '#203040'}));
  chart.append(svg('text', {x: 2, y: top + 8}, `${maxDeaths}`));
  chart.append(svg('text', {x: 2, y: H - bottom}, '0'));
  chart.append(svg('text', {x: W - right + 2, y: top + 8}, `${Math.round(maxHours)} h`));
  chart.append(svg('text', {x: left, y: H - 4},
    `civilians killed a day (bars${daily[1] ? ': A; line: B' : ''}) · hours to arrival of each incident (green, right axis)`));
}

function drawDay() {
  const run = state.runs[0];
  const days = run ? run.days : 0;
  $('#day').max = Math.max(0, days - 1);
  $('#day').value = state.day;
  if (run) {
    const date = new Date(`${run.start_date}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + state.day);
    $('#date').textContent = `${date.toISOString().slice(0, 10)} (day ${state.day + 1}/${days})`;
  }
  const layer = $('#layer').value;
  const top = layerTop(layer);
  ['#run-a', '#run-b'].forEach((id, i) => {
    const figure = $(id);
    figure.hidden = i > 0 && state.runs.length < 2;
    if (!figure.hidden) drawMap($('canvas', figure), state.runs[i], state.day, layer, top);
  });
  drawChart();
}

function showRuns(runs, captions) {
  state.runs = runs;
  state.day = Math.max(0, runs[0].days - 1);
  ['#run-a', '#run-b'].forEach((id, i) => {
    $('figcaption', $(id)).textContent = captions[i] || '';
    drawHeadline($('dl', $(id)), runs[i]);
  });
  drawDifference();
  drawDay();
}

// ---- actions ----------------------------------------------------------------

function runRequest(set) {
  return {scenario: state.scenario.name, seed: Number($('#seed').value), set};
}

function describe(set) {
  const keys = Object.entries(set);
  return keys.length ? keys.map(([k, v]) => `${k}=${v}`).join(', ') : 'as written';
}

async function busy(label, work) {
  stop();
  showError('');
  setStatus(label);
  document.querySelectorAll('header button').forEach((b) => { b.disabled = true; });
  const started = performance.now();
  try {
    await work();
    setStatus(`done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  } catch (error) {
    showError(error.message);
    setStatus('refused');
  } finally {
    document.querySelectorAll('header button').forEach((b) => { b.disabled = false; });
  }
}

function runOnce() {
  return busy('running…', async () => {
    const set = currentSettings();
    const run = await api('/api/run', runRequest(set));
    showRuns([run], [`${run.scenario}, seed ${run.seed}: ${describe(set)}`]);
  });
}

function compare() {
  return busy('running A and B…', async () => {
    const a = state.keptA || {};
    const b = currentSettings();
    const runA = await api('/api/run', runRequest(a));
    const runB = await api('/api/run', runRequest(b));
    showRuns([runA, runB], [`A: ${describe(a)}`, `B: ${describe(b)}`]);
  });
}

function keepA() {
  state.keptA = currentSettings();
  setStatus(`A: ${describe(state.keptA)}`);
}

function stop() {
  clearInterval(state.timer);
  state.timer = null;
  $('#play').textContent = 'Play';
}

function play() {
  if (state.timer) return stop();
  if (!state.runs.length) return;
  if (state.day >= state.runs[0].days - 1) state.day = 0;
  $('#play').textContent = 'Pause';
  state.timer = setInterval(() => {
    if (state.day >= state.runs[0].days - 1) return stop();
    state.day += 1;
    drawDay();
  }, 120);
}

async function chooseScenario(name) {
  stop();
  showError('');
  try {
    state.scenario = await api(`/api/scenario?name=${encodeURIComponent(name)}`);
  } catch (error) {
    showError(error.message);
    return;
  }
  state.keptA = null;
  $('#seed').value = state.scenario.seed;
  $('#about').textContent = state.scenario.description || state.scenario.about;
  drawLevers(state.scenario.levers);
  state.runs = [];
  state.day = 0;
  ['#run-a', '#run-b'].forEach((id) => drawHeadline($('dl', $(id)), null));
  $('figcaption', $('#run-a')).textContent = `${name}: press Run`;
  drawDifference();
  drawDay();
  const url = new URL(location.href);
  url.searchParams.set('scenario', name);
  history.replaceState(null, '', url);
}

async function start() {
  const {scenarios} = await api('/api/scenarios');
  const select = $('#scenario');
  for (const s of scenarios) select.append(new Option(`${s.name}`, s.name));
  const asked = new URLSearchParams(location.search).get('scenario');
  const first = scenarios.find((s) => s.name === asked) || scenarios.find((s) => s.name.startsWith('teaching/')) || scenarios[0];
  select.value = first.name;
  select.addEventListener('change', () => chooseScenario(select.value));
  $('#run').addEventListener('click', runOnce);
  $('#compare').addEventListener('click', compare);
  $('#keep').addEventListener('click', keepA);
  $('#reset').addEventListener('click', () => state.controls.forEach((c) => {
    c.write(c.lever.value);
    c.box.classList.remove('changed');
  }));
  $('#play').addEventListener('click', play);
  $('#step').addEventListener('click', () => {
    stop();
    if (state.runs.length) { state.day = (state.day + 1) % state.runs[0].days; drawDay(); }
  });
  $('#day').addEventListener('input', () => { stop(); state.day = Number($('#day').value); drawDay(); });
  $('#layer').addEventListener('change', drawDay);
  await chooseScenario(first.name);
  if (new URLSearchParams(location.search).has('run')) await runOnce();  // a link that shows a run
}

start().catch((error) => showError(error.message));
