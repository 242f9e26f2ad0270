// Tension Watch dashboard: plain JavaScript, no build step, no third-party code (it must work offline).
// Reads the REST API for the ranking, a region's series and its events, and two Server-Sent Event
// streams for what changes: alerts (replayed from 30 days back, then live) and indicators (live only;
// each change refreshes the ranking and the open region, debounced).
// Access: where the service asks for credentials (401), a sign-in form takes an access token (a bearer token of the
// configured issuer, or an API key with the read role), kept in sessionStorage for this tab only and sent as
// Authorization: Bearer on every request; EventSource cannot send headers, so the live streams get it as the
// access_token query parameter, which the service takes on /api/stream/* only.
'use strict';

(() => {
  const DAY_MS = 86400000;
  const ALERT_DAYS = 30;
  const REFRESH_DEBOUNCE_MS = 1500;
  const EVENTS_SHOWN = 12;
  const INDICATORS = [
    { key: 'injuries', label: 'Injuries', unit: 'people' },
    { key: 'fatalities', label: 'Fatalities', unit: 'people' },
    { key: 'arrests', label: 'Arrests', unit: 'people' },
    { key: 'protests', label: 'Protests', unit: 'events' },
    { key: 'clashes', label: 'Clashes', unit: 'events' },
  ];
  const SEVERITY_ORDER = { low: 0, medium: 1, high: 2, critical: 3 };

  const state = {
    regions: [],
    selected: null,
    window: 'P1D',
    rangeDays: 90,
    series: [],
    events: [],
    showAllEvents: false,
    alerts: new Map(),
    hideCleared: false,
    hover: null,
    detailToken: 0,
    streams: { alerts: 'connecting', indicators: 'connecting' },
    sources: [],
    alertsOpenedAt: 0,
  };

  // ---- small helpers -------------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);
  const SVG_NS = 'http://www.w3.org/2000/svg';

  /** An element with attributes (on* and data-* included) and children (strings become text, never HTML). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    setAttrs(el, attrs);
    append(el, children);
    return el;
  }

  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    setAttrs(el, attrs);
    append(el, children);
    return el;
  }

  function setAttrs(el, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }

  function append(el, children) {
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }

  const regionNames = (() => {
    try { return new Intl.DisplayNames(['en'], { type: 'region' }); } catch (e) { return null; }
  })();

  function regionName(code) {
    try {
      const name = regionNames && regionNames.of(code);
      return name && name !== code ? name : code;
    } catch (e) {
      return code;
    }
  }

  const isoDay = (date) => date.toISOString().slice(0, 10);
  const todayUtc = () => isoDay(new Date());
  const daysBefore = (day, n) => isoDay(new Date(Date.parse(day + 'T00:00:00Z') - n * DAY_MS));
  const fmt = new Intl.NumberFormat('en');
  const fmt1 = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const shortDate = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
  const clock = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  const dayLabel = (day) => shortDate.format(new Date(day + 'T00:00:00Z'));
  const typeLabel = (type) => String(type || '').toLowerCase().replace(/_/g, ' ');
  const capital = (text) => text ? text.charAt(0).toUpperCase() + text.slice(1) : text;

  function safeUrl(url) {
    try {
      const u = new URL(url, location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  // ---- access token ----------------------------------------------------------------------------

  const TOKEN_KEY = 'tension-watch-token';

  function token() {
    try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch (e) { return ''; }
  }

  function withToken(url) {
    const t = token();
    return t ? url + (url.includes('?') ? '&' : '?') + 'access_token=' + encodeURIComponent(t) : url;
  }

  class AuthError extends Error {}

  function showSignIn(message) {
    $('signin').hidden = false;
    $('signin-message').textContent = message;
    $('signout').hidden = true;
    $('token-input').focus();
  }

  function signedIn() {
    $('signin').hidden = true;
    $('signout').hidden = !token();
  }

  async function getJson(path) {
    const headers = { Accept: 'application/json' };
    if (token()) headers.Authorization = 'Bearer ' + token();
    const response = await fetch(path, { headers });
    if (response.status === 401 || response.status === 403) {
      let message = response.status === 401 ? 'This dashboard needs an access token.' : 'This token may not read the indicators.';
      try { message += ' (' + (await response.json()).error + ')'; } catch (e) { /* not JSON */ }
      showSignIn(message);
      throw new AuthError(message);
    }
    if (!response.ok) {
      let message = response.status + ' ' + response.statusText;
      try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
      throw new Error(message);
    }
    return response.json();
  }

  function debounce(fn, ms) {
    let timer = null;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  }

  // ---- ranking ---------------------------------------------------------------------------------

  async function loadRegions() {
    try {
      state.regions = await getJson('/api/regions');
      signedIn();
      if (!state.sources.length) startStreams();
      renderRegions();
      $('regions-updated').textContent = 'Updated ' + clock.format(new Date());
      if (!state.selected && state.regions.length) {
        selectRegion(regionFromHash() || state.regions[0].region, false);
      } else if (state.selected) {
        renderSummary();
      }
    } catch (e) {
      $('regions-updated').textContent = e instanceof AuthError ? 'Sign in to see the regions.' : 'Could not load regions: ' + e.message;
    }
  }

  function renderRegions() {
    const body = $('regions-body');
    if (!state.regions.length) {
      body.replaceChildren(h('tr', { class: 'placeholder' },
        h('td', { colspan: 5 }, 'No region has events in the last 90 days yet.')));
      return;
    }
    body.replaceChildren(...state.regions.map((r, i) => {
      const change = r.tensionChange7d;
      const selected = r.region === state.selected;
      return h('tr', { 'data-testid': 'region-row', 'data-region': r.region, class: selected ? 'selected' : null,
                       'aria-current': selected ? 'true' : null },
        h('td', { class: 'num rank' }, i + 1),
        h('th', { scope: 'row' },
          h('button', { type: 'button', class: 'region-button', onclick: () => selectRegion(r.region, true),
                        title: 'Show ' + regionName(r.region) },
            h('span', { class: 'code' }, r.region), ' ', h('span', { class: 'name' }, regionName(r.region) !== r.region ? regionName(r.region) : '')),
          r.alertLevel7d ? h('span', { class: 'level level-' + r.alertLevel7d, title: 'Military alert level in the last 7 days' },
            r.alertLevel7d + ' alert') : null),
        h('td', { class: 'num index', 'data-testid': 'region-index' },
          h('span', { class: 'bar', 'aria-hidden': 'true' },
            h('span', { class: 'bar-fill', style: 'width:' + Math.max(0, Math.min(100, r.tensionIndex)) + '%' })),
          fmt1.format(r.tensionIndex)),
        h('td', { class: 'num change ' + (change > 0.05 ? 'up' : change < -0.05 ? 'down' : 'flat') },
          h('span', { 'aria-hidden': 'true' }, change > 0.05 ? '▲' : change < -0.05 ? '▼' : ''),
          (change > 0.05 ? '+' : '') + fmt1.format(change)),
        h('td', { class: 'num', title: 'Last event ' + r.lastEventDay }, fmt.format(r.events30d)));
    }));
  }

  function regionFromHash() {
    const m = /region=([A-Za-z]{2})/.exec(location.hash);
    return m ? m[1].toUpperCase() : null;
  }

  function selectRegion(code, userAction) {
    state.selected = code;
    state.showAllEvents = false;
    if (userAction) {
      history.replaceState(null, '', '#region=' + code);
    }
    for (const row of document.querySelectorAll('#regions-body tr[data-region]')) {
      const on = row.dataset.region === code;
      row.classList.toggle('selected', on);
      if (on) row.setAttribute('aria-current', 'true'); else row.removeAttribute('aria-current');
    }
    $('detail-heading').textContent = regionName(code) + (regionName(code) !== code ? ' (' + code + ')' : '');
    renderSummary();
    loadDetail();
    if (userAction && window.matchMedia('(max-width: 1099px)').matches) {
      $('detail').focus({ preventScroll: true });
      $('detail').scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
  }

  function renderSummary() {
    const r = state.regions.find((x) => x.region === state.selected);
    $('region-summary').textContent = r
      ? 'Tension index ' + fmt1.format(r.tensionIndex) + ' on ' + dayLabel(r.day) + ' (' + (r.tensionChange7d >= 0 ? '+' : '')
        + fmt1.format(r.tensionChange7d) + ' over 7 days) · ' + fmt.format(r.events30d) + ' events in 30 days · last event '
        + dayLabel(r.lastEventDay) + (r.alertLevel7d ? ' · military alert: ' + r.alertLevel7d : '')
      : '\u00a0';
  }

  // ---- region detail -------------------------------------------------------------------------

  async function loadDetail() {
    const region = state.selected;
    if (!region) return;
    const token = ++state.detailToken;
    const to = todayUtc();
    const from = daysBefore(to, state.rangeDays - 1);
    $('charts').setAttribute('aria-busy', 'true');
    try {
      const [series, events] = await Promise.all([
        getJson('/api/regions/' + region + '/indicators?from=' + from + '&to=' + to + '&window=' + state.window),
        getJson('/api/regions/' + region + '/events?from=' + from + '&to=' + to),
      ]);
      if (token !== state.detailToken) return; // a newer request won
      state.series = series;
      state.events = events;
      renderCharts();
      renderSeriesTable();
      renderEvents();
    } catch (e) {
      if (token !== state.detailToken) return;
      $('readout').textContent = 'Could not load ' + region + ': ' + e.message;
    } finally {
      if (token === state.detailToken) $('charts').removeAttribute('aria-busy');
    }
  }

  function xTicks(n, width) {
    const wanted = Math.max(2, Math.min(8, Math.floor(width / 110)));
    const step = Math.max(1, Math.round((n - 1) / (wanted - 1)));
    const ticks = [];
    for (let i = 0; i < n; i += step) ticks.push(i);
    if (ticks[ticks.length - 1] !== n - 1 && n - 1 - ticks[ticks.length - 1] > step / 2) ticks.push(n - 1);
    return ticks;
  }

  function niceMax(max) {
    if (max <= 0) return 1;
    const pow = Math.pow(10, Math.floor(Math.log10(max)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * pow >= max) return m * pow;
    return 10 * pow;
  }

  function renderCharts() {
    const rows = state.series;
    const indexBox = $('chart-index');
    const width = Math.max(280, indexBox.clientWidth || 600);
    const height = 170;
    const m = { l: 34, r: 10, t: 8, b: 22 };
    const n = rows.length;
    const x = (i) => m.l + (n <= 1 ? 0 : (i / (n - 1)) * (width - m.l - m.r));
    const y = (v) => m.t + (1 - v / 100) * (height - m.t - m.b);
    const svg = s('svg', { width, height, viewBox: '0 0 ' + width + ' ' + height, role: 'img', class: 'chart',
      'aria-label': 'Tension index of ' + regionName(state.selected) + ' from ' + (rows[0] ? rows[0].day : '') + ' to '
        + (n ? rows[n - 1].day : '') + (n ? ', latest ' + fmt1.format(rows[n - 1].tensionIndex) : '') });
    for (const v of [0, 25, 50, 75, 100]) {
      svg.append(s('line', { x1: m.l, x2: width - m.r, y1: y(v), y2: y(v), class: 'grid' }));
      svg.append(s('text', { x: m.l - 6, y: y(v) + 4, class: 'axis', 'text-anchor': 'end' }, v));
    }
    for (const i of xTicks(n, width)) {
      svg.append(s('text', { x: x(i), y: height - 6, class: 'axis', 'text-anchor': i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle' },
        dayLabel(rows[i].day)));
    }
    if (n) {
      const line = rows.map((r, i) => (i ? 'L' : 'M') + x(i).toFixed(1) + ',' + y(r.tensionIndex).toFixed(1)).join('');
      svg.append(s('path', { d: line + 'L' + x(n - 1).toFixed(1) + ',' + y(0) + 'L' + x(0).toFixed(1) + ',' + y(0) + 'Z', class: 'area' }));
      svg.append(s('path', { d: line, class: 'line' }));
    }
    svg.append(s('line', { class: 'cursor', x1: -10, x2: -10, y1: m.t, y2: height - m.b }));
    attachHover(svg, (px) => Math.round(((px - m.l) / (width - m.l - m.r)) * (n - 1)), x);
    indexBox.replaceChildren(svg);

    const multiples = $('chart-indicators');
    const cards = INDICATORS.map((ind) => {
      const values = rows.map((r) => r[ind.key] || 0);
      const total = state.window === 'P1D' ? values.reduce((a, b) => a + b, 0) : null;
      const peak = Math.max(0, ...values);
      return { ind, values, total, peak };
    });
    multiples.replaceChildren(...cards.map(({ ind, values, total, peak }) =>
      h('figure', { class: 'multiple', 'data-testid': 'indicator-' + ind.key },
        h('figcaption', null, h('span', { class: 'label' }, ind.label),
          h('span', { class: 'stat' }, total !== null ? fmt.format(total) + ' in ' + state.rangeDays + ' days' : 'peak ' + fmt.format(peak))),
        h('div', { class: 'multiple-plot' }))));
    const plots = multiples.querySelectorAll('.multiple-plot');
    cards.forEach(({ ind, values, peak }, k) => {
      const box = plots[k];
      const w = Math.max(160, box.clientWidth || 200);
      const hgt = 64;
      const mm = { l: 30, r: 4, t: 4, b: 4 };
      const max = niceMax(peak);
      const bw = (w - mm.l - mm.r) / Math.max(1, values.length);
      const xs = (i) => mm.l + (i + 0.5) * bw;
      const plot = s('svg', { width: w, height: hgt, viewBox: '0 0 ' + w + ' ' + hgt, role: 'img', class: 'chart',
        'aria-label': ind.label + ': peak ' + peak + ' ' + ind.unit + ' per ' + (state.window === 'P1D' ? 'day' : state.window + ' window') });
      plot.append(s('line', { x1: mm.l, x2: w - mm.r, y1: hgt - mm.b, y2: hgt - mm.b, class: 'grid' }));
      plot.append(s('text', { x: mm.l - 4, y: mm.t + 9, class: 'axis', 'text-anchor': 'end' }, fmt.format(max)));
      plot.append(s('text', { x: mm.l - 4, y: hgt - mm.b, class: 'axis', 'text-anchor': 'end' }, '0'));
      values.forEach((v, i) => {
        if (v <= 0) return;
        const bh = Math.max(1, (v / max) * (hgt - mm.t - mm.b));
        plot.append(s('rect', { x: (mm.l + i * bw + bw * 0.1).toFixed(1), y: (hgt - mm.b - bh).toFixed(1),
          width: Math.max(1, bw * 0.8).toFixed(1), height: bh.toFixed(1), class: 'bar-' + ind.key }));
      });
      plot.append(s('line', { class: 'cursor', x1: -10, x2: -10, y1: mm.t, y2: hgt - mm.b }));
      attachHover(plot, (px) => Math.floor((px - mm.l) / bw), xs);
      box.replaceChildren(plot);
    });
    showReadout(state.hover);
  }

  function attachHover(svg, indexAt, xOf) {
    svg.addEventListener('mousemove', (e) => {
      const rect = svg.getBoundingClientRect();
      const i = Math.max(0, Math.min(state.series.length - 1, indexAt(e.clientX - rect.left)));
      state.hover = i;
      moveCursors(i);
      showReadout(i);
    });
    svg.addEventListener('mouseleave', () => {
      state.hover = null;
      moveCursors(null);
      showReadout(null);
    });
    svg.cursorX = xOf;
  }

  function moveCursors(i) {
    for (const svg of document.querySelectorAll('#charts svg.chart')) {
      const cursor = svg.querySelector('.cursor');
      const on = i !== null && !!svg.cursorX;
      cursor.classList.toggle('on', on);
      if (on) {
        cursor.setAttribute('x1', svg.cursorX(i));
        cursor.setAttribute('x2', svg.cursorX(i));
      }
    }
  }

  function showReadout(i) {
    const rows = state.series;
    const row = i === null || i === undefined ? rows[rows.length - 1] : rows[i];
    if (!row) {
      $('readout').textContent = rows.length ? '\u00a0' : 'No data in this range.';
      return;
    }
    const windowText = state.window === 'P1D' ? '' : ' (' + state.window.replace('P', '').replace('D', '-day') + ' window from ' + dayLabel(row.windowStart) + ')';
    $('readout').textContent = (i === null || i === undefined ? 'Latest, ' : '') + dayLabel(row.day) + windowText + ': index '
      + fmt1.format(row.tensionIndex) + ' · ' + INDICATORS.map((ind) => ind.label.toLowerCase() + ' ' + fmt.format(row[ind.key])).join(' · ')
      + ' · ' + fmt.format(row.events) + ' events from ' + fmt.format(row.sources) + ' sources';
  }

  function renderSeriesTable() {
    const table = $('series-table');
    const head = h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Day'), h('th', { scope: 'col', class: 'num' }, 'Index'),
      INDICATORS.map((ind) => h('th', { scope: 'col', class: 'num' }, ind.label)),
      h('th', { scope: 'col', class: 'num' }, 'Events'), h('th', { scope: 'col', class: 'num' }, 'Sources')));
    const body = h('tbody', null, state.series.slice().reverse().map((r) => h('tr', null,
      h('th', { scope: 'row' }, r.day), h('td', { class: 'num' }, fmt1.format(r.tensionIndex)),
      INDICATORS.map((ind) => h('td', { class: 'num' }, fmt.format(r[ind.key]))),
      h('td', { class: 'num' }, fmt.format(r.events)), h('td', { class: 'num' }, fmt.format(r.sources)))));
    table.replaceChildren(h('caption', { class: 'sr-only' }, 'Indicators of ' + regionName(state.selected) + ' per day, newest first'), head, body);
  }

  function figureText(e) {
    if (e.best === null || e.best === undefined) return null;
    const q = (e.bestQualifier || 'EXACT').toLowerCase();
    const prefix = { at_least: 'at least ', at_most: 'at most ', about: 'about ', vague: '~' }[q] || '';
    const range = e.low !== null && e.high !== null && e.low !== e.high ? ' (reports: ' + fmt.format(e.low) + '–' + fmt.format(e.high) + ')' : '';
    return prefix + fmt.format(e.best) + range;
  }

  function renderEvents() {
    const list = $('events-list');
    const events = state.events;
    const shown = state.showAllEvents ? events : events.slice(0, EVENTS_SHOWN);
    if (!events.length) {
      list.replaceChildren(h('li', { class: 'empty' }, 'No canonical events in the last ' + state.rangeDays + ' days.'));
    } else {
      list.replaceChildren(...shown.map(eventItem));
    }
    const more = $('events-more');
    more.hidden = state.showAllEvents || events.length <= EVENTS_SHOWN;
    more.textContent = 'Show all ' + events.length + ' events';
  }

  function eventItem(e) {
    const figure = figureText(e);
    const sources = [...new Set((e.reports || []).map((r) => r.source))].sort();
    const detailed = (e.reports || []).filter((r) => r.evidence || r.url).slice(0, 3);
    return h('li', { class: 'event', 'data-testid': 'event-item', 'data-event-id': e.id },
      h('div', { class: 'event-head' },
        h('span', { class: 'badge type-' + e.type }, capital(typeLabel(e.type))),
        h('time', { datetime: e.occurredOn }, dayLabel(e.occurredOn)),
        figure ? h('strong', { class: 'figure' }, figure) : null,
        e.level ? h('span', { class: 'level level-' + String(e.level).toLowerCase() }, String(e.level).toLowerCase() + ' alert') : null),
      h('p', { class: 'event-meta' },
        [e.actor || (e.actorKey !== 'unknown' ? e.actorKey : null), e.location].filter(Boolean).join(' · ') || 'Actor not named',
        h('span', { class: 'muted' }, ' — ' + e.articleCount + (e.articleCount === 1 ? ' article, ' : ' articles, ')
          + sources.length + (sources.length === 1 ? ' source' : ' sources') + (sources.length ? ': ' + sources.join(', ') : ''))),
      detailed.length ? h('ul', { class: 'evidence' }, detailed.map((r) => h('li', null,
        r.evidence ? h('q', null, r.evidence) : null, ' ',
        safeUrl(r.url) ? h('a', { href: safeUrl(r.url), rel: 'noopener noreferrer', target: '_blank' }, r.source) : h('span', { class: 'muted' }, r.source)))) : null);
  }

  // ---- alerts ----------------------------------------------------------------------------------

  function alertTime(a) {
    return Date.parse(a.updatedAt || a.raisedAt || 0) || 0;
  }

  function receiveAlert(step) {
    const known = state.alerts.get(step.id);
    const steps = known ? known.steps : [];
    // the topic is keyed by alert id, so one alert's steps arrive in the order they happened
    if (!steps.some((x) => x.status === step.status && x.updatedAt === step.updatedAt)) steps.push(step);
    const latest = steps[steps.length - 1];
    state.alerts.set(step.id, { latest, steps, arrived: Date.now() });
    if (state.alertsOpenedAt && Date.now() - state.alertsOpenedAt > 3000) {
      $('announce').textContent = 'New ' + step.severity + ' alert for ' + regionName(step.region) + ': ' + step.message;
    }
    scheduleAlertsRender();
  }

  const scheduleAlertsRender = debounce(renderAlerts, 100);

  // the step at an alert's peak: the highest severity, then the highest value; a clearing step only if alone
  function peakOf(steps) {
    let best = null;
    for (const x of steps) {
      if (x.status === 'cleared' && best) continue;
      if (!best || best.status === 'cleared' || SEVERITY_ORDER[x.severity] > SEVERITY_ORDER[best.severity]
          || (SEVERITY_ORDER[x.severity] === SEVERITY_ORDER[best.severity] && x.value > best.value)) best = x;
    }
    return best;
  }

  function renderAlerts() {
    const all = [...state.alerts.values()].sort((a, b) => alertTime(b.latest) - alertTime(a.latest)
      || (b.arrived - a.arrived) || (SEVERITY_ORDER[b.latest.severity] - SEVERITY_ORDER[a.latest.severity]));
    const open = all.filter((a) => a.latest.status !== 'cleared');
    const visible = state.hideCleared ? open : all;
    $('alerts-count').textContent = all.length ? '(' + open.length + ' open)' : '';
    $('alerts-empty').hidden = visible.length > 0;
    $('alerts-list').replaceChildren(...visible.map(({ latest: a, steps }) => {
      const peak = peakOf(steps);
      // once cleared, the clearing step counts what is left in the window: the evidence is the peak's
      const evidence = (a.status === 'cleared' || !(a.events || []).length) ? (peak.events || []) : a.events;
      return h('li', { class: 'alert sev-' + a.severity + ' status-' + a.status, 'data-testid': 'alert-item',
                       'data-alert-id': a.id, 'data-severity': a.severity, 'data-status': a.status },
        h('div', { class: 'alert-head' },
          h('span', { class: 'sev', 'data-testid': 'alert-severity' }, a.severity),
          h('span', { class: 'status' }, a.status),
          h('button', { type: 'button', class: 'linkish', onclick: () => selectRegion(a.region, true),
                        title: 'Show ' + regionName(a.region) }, regionName(a.region)),
          h('time', { datetime: a.updatedAt, class: 'muted' }, dateTime.format(new Date(a.updatedAt)))),
        h('p', { class: 'msg', 'data-testid': 'alert-message' }, a.message),
        h('p', { class: 'alert-meta muted' },
          a.indicator + ' over ' + a.window + ' (' + dayLabel(a.windowStart) + '–' + dayLabel(a.windowEnd) + '): '
          + fmt.format(a.value) + ' vs ' + (a.kind === 'change' ? 'baseline-based ' : '') + 'threshold ' + fmt.format(a.threshold)
          + ' · ' + a.sources + (a.sources === 1 ? ' source' : ' sources')
          + (a.late ? ' · learned late' : '')),
        h('p', { class: 'alert-peak', 'data-testid': 'alert-peak' },
          'Peak: ' + peak.severity + ', ' + fmt.format(peak.value) + ' (' + dayLabel(peak.windowEnd) + ')'),
        steps.length > 1 ? h('details', { class: 'alert-history', 'data-testid': 'alert-history' },
          h('summary', null, steps.map((x) => x.status).join(' → ')),
          h('ol', null, steps.map((x) => h('li', { 'data-testid': 'alert-step' },
            x.status + ' ' + x.severity + ': ' + fmt.format(x.value) + ' over ' + dayLabel(x.windowStart) + '–'
            + dayLabel(x.windowEnd) + ' · ' + (x.events || []).length + ' events'
            + (x.late ? ' · learned late' + (x.learnedAt ? ' (' + dateTime.format(new Date(x.learnedAt)) + ')' : '') : ''))))) : null,
        evidence.length ? h('ul', { class: 'alert-evidence' }, evidence.slice(0, 3).map((ev) => h('li', null,
          h('span', { class: 'muted' }, capital(typeLabel(ev.type)) + ', ' + dayLabel(ev.occurredOn)
            + (ev.best !== null && ev.best !== undefined ? ', ' + fmt.format(ev.best) : '') + (ev.location ? ', ' + ev.location : '') + ': '),
          ev.evidence ? h('q', null, ev.evidence) : null, ' ',
          (ev.urls || []).map((url, k) => safeUrl(url)
            ? h('a', { href: safeUrl(url), rel: 'noopener noreferrer', target: '_blank', 'data-testid': 'alert-evidence-link' },
                (ev.sources && ev.sources[k]) || 'article ' + (k + 1))
            : null)))) : null,
        evidence.length > 3 ? h('p', { class: 'muted' }, '+' + (evidence.length - 3) + ' more events behind this alert') : null);
    }));
  }

  // ---- live streams ----------------------------------------------------------------------------

  function renderStatus() {
    const values = Object.values(state.streams);
    const el = document.querySelector('.live');
    const live = values.every((v) => v === 'open');
    el.dataset.state = live ? 'live' : values.some((v) => v === 'error') ? 'reconnecting' : 'connecting';
    el.querySelector('.live-text').textContent = live ? 'Live' : el.dataset.state === 'reconnecting' ? 'Reconnecting…' : 'Connecting…';
  }

  function openStream(name, url, handlers) {
    const source = new EventSource(withToken(url));
    state.sources.push(source);
    source.addEventListener('open', () => {
      state.streams[name] = 'open';
      renderStatus();
      if (handlers.open) handlers.open();
    });
    source.addEventListener('error', () => {
      // the browser reconnects by itself and sends the last event id: the server resumes right after it
      state.streams[name] = source.readyState === EventSource.CLOSED ? 'closed' : 'error';
      renderStatus();
    });
    for (const [event, fn] of Object.entries(handlers.events)) {
      source.addEventListener(event, (e) => {
        try { fn(JSON.parse(e.data)); } catch (err) { console.error('bad ' + event + ' event', err); }
      });
    }
    return source;
  }

  const changedRegions = new Set();
  const refreshAfterChanges = debounce(() => {
    const touched = new Set(changedRegions);
    changedRegions.clear();
    loadRegions();
    if (state.selected && touched.has(state.selected)) loadDetail();
  }, REFRESH_DEBOUNCE_MS);

  function startStreams() {
    state.sources.forEach((source) => source.close());
    state.sources = [];
    const since = isoDay(new Date(Date.now() - ALERT_DAYS * DAY_MS));
    openStream('alerts', '/api/stream/alerts?since=' + since, {
      open: () => { if (!state.alertsOpenedAt) state.alertsOpenedAt = Date.now(); },
      events: { alert: receiveAlert },
    });
    openStream('indicators', '/api/stream/indicators', {
      events: {
        indicators: (row) => {
          changedRegions.add(row.region);
          refreshAfterChanges();
        },
      },
    });
  }

  // ---- wiring ------------------------------------------------------------------------------------

  function init() {
    $('window-select').addEventListener('change', (e) => { state.window = e.target.value; loadDetail(); });
    $('range-select').addEventListener('change', (e) => { state.rangeDays = Number(e.target.value); loadDetail(); });
    $('controls').addEventListener('submit', (e) => e.preventDefault());
    $('events-more').addEventListener('click', () => { state.showAllEvents = true; renderEvents(); });
    $('hide-cleared').addEventListener('change', (e) => { state.hideCleared = e.target.checked; renderAlerts(); });
    window.addEventListener('hashchange', () => {
      const code = regionFromHash();
      if (code && code !== state.selected) selectRegion(code, false);
    });
    let lastWidth = window.innerWidth;
    window.addEventListener('resize', debounce(() => {
      if (window.innerWidth !== lastWidth && state.series.length) { lastWidth = window.innerWidth; renderCharts(); }
    }, 150));
    $('signin').addEventListener('submit', (e) => {
      e.preventDefault();
      const value = $('token-input').value.trim();
      if (!value) return;
      try { sessionStorage.setItem(TOKEN_KEY, value); } catch (err) { /* private mode: this page only */ }
      $('token-input').value = '';
      state.sources.forEach((source) => source.close());
      state.sources = [];
      loadRegions();
    });
    $('signout').addEventListener('click', () => {
      try { sessionStorage.removeItem(TOKEN_KEY); } catch (err) { /* nothing kept */ }
      state.sources.forEach((source) => source.close());
      state.sources = [];
      location.reload();
    });
    renderAlerts();
    renderStatus();
    // the streams start once the first query has been answered, with the token it needed
    loadRegions();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
