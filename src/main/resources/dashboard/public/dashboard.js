// troopwatch dashboard: live alert feed (server-sent events), situation board, situation page, pipeline health.
// Plain DOM, no framework: every element is built with h(), never from HTML strings, so wire text cannot inject markup.
'use strict';

(() => {
  const STATUSES = ['PLANNED', 'DEPLOYED', 'REINFORCED', 'ENGAGED', 'CASUALTIES', 'WITHDRAWN', 'REDEPLOYED'];
  const TYPES = ['PLANNED', 'NEW_DEPLOYMENT', 'REINFORCEMENT', 'ENGAGEMENT', 'CASUALTIES', 'WITHDRAWAL',
    'REDEPLOYMENT', 'NEW_THEATRE', 'OFFICIAL_CONFIRMATION'];
  const STATUS_COLOURS = {
    PLANNED: '#c4a7ff', DEPLOYED: '#6cc4ff', REINFORCED: '#ffb35c', ENGAGED: '#ff9488',
    CASUALTIES: '#ff8fb1', WITHDRAWN: '#7ee787', REDEPLOYED: '#f2d36b'
  };
  const FEED_MAX = 300;
  const NEW_FOR_MS = 60000;
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const state = {
    countries: {},
    alerts: [],            // newest first
    alertIds: new Set(),
    situations: [],
    sort: { key: 'key', dir: 1 },
    cursor: null,
    source: null,
    retryMs: 1000,
    route: { view: 'overview' },
    changedKeys: new Set(),
    boardWarning: '',
    unseen: 0,
    situationsRetry: null,
    title: 'troopwatch · live situations'
  };
  // A background tab shows how many alerts arrived since the operator last looked.
  function updateTitle() {
    document.title = (state.unseen ? '(' + state.unseen + ') ' : '') + state.title;
  }

  // ---------- small helpers ----------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    append(el, children);
    return el;
  }
  function append(el, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
  function svg(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== null && v !== undefined) el.setAttribute(k, v);
    }
    append(el, children);
    return el;
  }
  const $ = (id) => document.getElementById(id);
  const fmtInt = (n) => (n === null || n === undefined || Number.isNaN(n)) ? '–' : Number(n).toLocaleString('en-GB');
  const nameOf = (code) => (code && state.countries[code]) || code || '?';
  const safeUrl = (u) => (typeof u === 'string' && /^https?:\/\//i.test(u)) ? u : null;

  function countryChip(code) {
    return h('span', { class: 'country' }, h('span', { class: 'code', title: nameOf(code) }, code || '??'), ' ',
      h('span', { class: 'country-name' }, nameOf(code)));
  }
  function typeBadge(type) {
    return h('span', { class: 'badge t-' + type }, (type || 'UNKNOWN').replace(/_/g, ' '));
  }
  function statusBadge(status) {
    return status ? h('span', { class: 'badge s-' + status }, status) : h('span', { class: 'sub' }, 'unknown');
  }
  function troopsText(t) {
    if (!t || (t.min == null && t.max == null)) return 'no figure';
    if (t.min != null && t.max != null) return t.min === t.max ? fmtInt(t.min) : fmtInt(t.min) + '–' + fmtInt(t.max);
    if (t.min != null) return fmtInt(t.min) + '+';
    return 'up to ' + fmtInt(t.max);
  }
  // Event time arrives as "2025-02-27", an ISO date-time, or a range {from, to}.
  function eventDate(et) {
    if (!et) return null;
    if (typeof et === 'string') return et;
    return et.from || et.to || null;
  }
  function eventTimeText(et) {
    if (!et) return 'date unknown';
    if (typeof et === 'string') return dateText(et);
    if (et.from && et.to && et.from !== et.to) return dateText(et.from) + ' – ' + dateText(et.to);
    if (et.from && !et.to) return 'since ' + dateText(et.from);
    if (!et.from && et.to) return 'until ' + dateText(et.to);
    return dateText(et.from);
  }
  function toDate(text) {
    if (!text) return null;
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? text + 'T00:00:00Z' : text);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  function dateText(text) {
    const d = toDate(text);
    if (!d) return text || '';
    return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  }
  function ageText(text) {
    const d = toDate(text);
    if (!d) return '';
    const s = Math.max(0, (Date.now() - d.getTime()) / 1000);
    if (s < 45) return 'just now';
    if (s < 3600) return Math.round(s / 60) + ' min ago';
    if (s < 86400) return Math.round(s / 3600) + ' h ago';
    if (s < 86400 * 60) return Math.round(s / 86400) + ' d ago';
    if (s < 86400 * 730) return Math.round(s / (86400 * 30.4)) + ' mo ago';
    return Math.round(s / (86400 * 365)) + ' y ago';
  }
  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(body.error || ('HTTP ' + response.status));
      error.status = response.status;
      throw error;
    }
    return body;
  }

  // ---------- connection indicator ----------
  function setConnection(kind, text) {
    const el = $('connection');
    el.className = 'conn conn-' + kind;
    el.querySelector('.conn-text').textContent = text;
  }

  // ---------- live alert feed ----------
  function evidenceBlock(ev, label) {
    if (!ev || !ev.sentence) return null;
    const url = safeUrl(ev.url);
    const source = [ev.source, ev.headline ? '“' + ev.headline + '”' : null].filter(Boolean).join(' · ');
    return h('blockquote', { class: 'quote' }, label ? h('span', { class: 'sub' }, label) : null, ev.sentence,
      h('span', { class: 'quote-source' }, '— ',
        url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, source || 'source article')
          : (source || 'source unknown')));
  }
  function corroborationText(c) {
    if (!c) return null;
    const sources = c.independent_sources, reports = c.reports;
    if (sources == null && reports == null) return null;
    return fmtInt(sources) + (sources === 1 ? ' source' : ' sources') + ' · ' + fmtInt(reports) + (reports === 1 ? ' report' : ' reports');
  }
  function alertCard(alert, isNew) {
    const s = alert.situation || {};
    const fromTo = [alert.from ? h('span', { class: 'badge s-' + alert.from }, alert.from) : h('span', { class: 'muted' }, 'new'),
      h('span', { class: 'arrow', 'aria-label': 'to' }, ' → '), statusBadge(alert.to)];
    const troops = alert.troops ? [h('b', {}, troopsText(alert.troops)),
      alert.previous_troops ? ' (was ' + troopsText(alert.previous_troops) + ')' : ''] : null;
    const claimants = (alert.claimants || []).map(nameOf).join(', ');
    const card = h('li', { class: 'alert t-' + alert.type + (isNew ? ' is-new' : ''), 'data-alert-id': alert.alert_id || '', 'data-situation': (s.actor || '') + '-' + (s.host || '') },
      h('div', { class: 'alert-top' }, typeBadge(alert.type), alert.hedged ? h('span', { class: 'hedged', title: 'the report is hedged (reportedly, believed to…)' }, 'hedged') : null,
        isNew ? h('span', { class: 'new-tag' }, 'NEW') : null,
        h('span', { class: 'alert-time' }, 'event ' + eventTimeText(alert.event_time), h('br'),
          h('span', { 'data-age': alert.detected_at || '' }, 'detected ' + ageText(alert.detected_at)))),
      h('div', { class: 'alert-situation' },
        h('a', { href: '#/situation/' + s.actor + '-' + s.host, title: 'open the history of this situation' },
          countryChip(s.actor), h('span', { class: 'arrow' }, ' → '), countryChip(s.host)),
        s.theatre ? h('span', { class: 'sub' }, '· ' + s.theatre) : null),
      h('div', { class: 'alert-line' }, h('span', { class: 'from-to' }, ...fromTo),
        troops ? h('span', {}, 'troops ', ...troops) : null,
        claimants ? h('span', {}, 'claimed by ', h('b', {}, claimants)) : null,
        corroborationText(alert.corroboration) ? h('span', {}, h('b', {}, corroborationText(alert.corroboration))) : null),
      evidenceBlock(alert.evidence),
      alert.prior_evidence && alert.prior_evidence.sentence
        ? h('details', { class: 'prior' }, h('summary', {}, 'what was known before'), evidenceBlock(alert.prior_evidence)) : null);
    if (isNew) {
      setTimeout(() => {
        card.classList.remove('is-new');
        const tag = card.querySelector('.new-tag');
        if (tag) tag.remove();
      }, NEW_FOR_MS);
    }
    return card;
  }
  function addAlert(alert, isNew) {
    const id = alert.alert_id;
    if (id && state.alertIds.has(id)) return false;
    if (id) state.alertIds.add(id);
    if (isNew && document.hidden) {
      state.unseen += 1;
      updateTitle();
    }
    state.alerts.unshift(alert);
    const feed = $('feed');
    feed.prepend(alertCard(alert, isNew));
    while (state.alerts.length > FEED_MAX) {
      const dropped = state.alerts.pop();
      state.alertIds.delete(dropped.alert_id);
      feed.lastElementChild.remove();
    }
    $('feed-empty').hidden = state.alerts.length > 0;
    $('feed-note').textContent = fmtInt(state.alerts.length) + ' shown · newest first';
    return true;
  }
  async function loadAlerts() {
    const body = await getJson('api/alerts?limit=' + FEED_MAX);
    const oldestFirst = [...body.alerts].reverse();
    for (const alert of oldestFirst) addAlert(alert, false);
    state.cursor = body.cursor;
  }
  function connectStream() {
    if (state.source) state.source.close();
    const url = 'api/alerts/stream' + (state.cursor ? '?after=' + encodeURIComponent(state.cursor) : '');
    const source = new EventSource(url);
    state.source = source;
    source.addEventListener('hello', () => {
      state.retryMs = 1000;
      setConnection('live', 'Live');
    });
    const onAlert = (live) => (event) => {
      state.cursor = event.lastEventId || state.cursor;
      let alert;
      try { alert = JSON.parse(event.data); } catch (e) { return; }
      if (addAlert(alert, live)) {
        const key = alert.situation ? alert.situation.actor + '-' + alert.situation.host : null;
        if (key && live) state.changedKeys.add(key);
        scheduleRefresh(key);
      }
    };
    // "alert" is news; "backfill" is history the server reads while catching up after its own start.
    source.addEventListener('alert', onAlert(true));
    source.addEventListener('backfill', onAlert(false));
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (server down or answered an error): retry ourselves with back-off.
        setConnection('offline', 'Offline · retrying in ' + Math.round(state.retryMs / 1000) + ' s');
        setTimeout(connectStream, state.retryMs);
        state.retryMs = Math.min(state.retryMs * 2, 30000);
      } else {
        setConnection('reconnecting', 'Reconnecting…');
      }
    };
  }

  // ---------- situation board ----------
  let refreshTimer = null;
  function scheduleRefresh(changedKey) {
    clearTimeout(refreshTimer);
    // The alert and the store update commit in the same transaction; a short delay lets the store catch up.
    refreshTimer = setTimeout(async () => {
      await loadSituations();
      if (state.route.view === 'situation' && (!changedKey || changedKey === state.route.key)) renderSituationPage(state.route.key);
      loadHealth();
    }, 400);
  }
  async function loadSituations() {
    try {
      const body = await getJson('api/situations');
      state.situations = body.situations;
      const down = (body.instances || []).filter((i) => i.error);
      state.boardWarning = down.length ? ' · ' + down.length + (down.length === 1 ? ' instance' : ' instances') + ' not answering' : '';
      fillFilterOptions();
      renderBoard();
    } catch (e) {
      // 503 while Streams restores or rebalances: say so and try again soon (one pending retry at a time).
      $('board-note').textContent = 'situations unavailable: ' + e.message + ' (retrying)';
      clearTimeout(state.situationsRetry);
      state.situationsRetry = setTimeout(loadSituations, 3000);
    }
  }
  function fillFilterOptions() {
    const fill = (id, values, label) => {
      const select = $(id);
      const current = select.value;
      const have = new Set([...select.options].map((o) => o.value));
      for (const v of values) {
        if (!have.has(v)) select.append(h('option', { value: v }, label(v)));
      }
      select.value = current;
    };
    const codes = (field) => [...new Set(state.situations.map((s) => s[field]))].sort();
    fill('f-actor', codes('actor'), (c) => c + ' · ' + nameOf(c));
    fill('f-host', codes('host'), (c) => c + ' · ' + nameOf(c));
  }
  function filters() {
    return {
      actor: $('f-actor').value, host: $('f-host').value, status: $('f-status').value,
      type: $('f-type').value, text: $('f-text').value.trim().toLowerCase()
    };
  }
  function searchable(s) {
    return [s.key, s.actor_name, s.host_name, s.theatre, s.status, ...(s.claimants || []).map(nameOf),
      ...(s.claimants || []), ...(s.sources || []), ...(s.alert_types || [])].filter(Boolean).join('\n').toLowerCase();
  }
  function sortValue(s, key) {
    switch (key) {
      case 'status': return STATUSES.indexOf(s.status);
      case 'theatre': return (s.theatre || '').toLowerCase();
      case 'troops': return s.troops ? (s.troops.max != null ? s.troops.max : s.troops.min) : -1;
      case 'last': {
        const d = toDate(s.last_change && (eventDate(s.last_change.event_time) || s.last_change.detected_at));
        return d ? d.getTime() : 0;
      }
      case 'sources': return s.corroboration ? s.corroboration.independent_sources : (s.sources || []).length;
      default: return s.key;
    }
  }
  function renderBoard() {
    const f = filters();
    const rows = state.situations.filter((s) =>
      (!f.actor || s.actor === f.actor) && (!f.host || s.host === f.host) && (!f.status || s.status === f.status)
      && (!f.type || (s.alert_types || []).includes(f.type)) && (!f.text || searchable(s).includes(f.text)));
    const { key, dir } = state.sort;
    rows.sort((a, b) => {
      const x = sortValue(a, key), y = sortValue(b, key);
      return (x < y ? -1 : x > y ? 1 : 0) * dir || a.key.localeCompare(b.key);
    });
    const focusedKey = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.key : null;
    const body = $('board-body');
    body.replaceChildren(...rows.map(boardRow));
    if (focusedKey) {
      const again = body.querySelector('tr[data-key="' + CSS.escape(focusedKey) + '"]');
      if (again) again.focus();
    }
    $('board-empty').hidden = rows.length > 0 || state.situations.length === 0;
    const total = state.situations.length;
    $('board-note').textContent = (rows.length === total ? fmtInt(total) : fmtInt(rows.length) + ' of ' + fmtInt(total))
      + (total === 1 ? ' situation' : ' situations') + (state.boardWarning || '');
    state.changedKeys.clear();
  }
  function boardRow(s) {
    const last = s.last_change || {};
    const when = eventDate(last.event_time) || last.detected_at;
    const open = () => { location.hash = '#/situation/' + s.key; };
    const sources = s.sources || [];
    return h('tr', {
      tabindex: '0', 'data-key': s.key, class: state.changedKeys.has(s.key) ? 'changed' : null,
      'aria-label': s.actor_name + ' troops in ' + s.host_name + ', ' + (s.status || 'unknown status') + '. Press Enter to open.',
      onclick: open,
      onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } }
    },
    h('td', {}, h('span', { class: 'sit-names' }, countryChip(s.actor), h('span', { class: 'arrow' }, '→'), countryChip(s.host)),
      s.hedged ? h('span', { class: 'hedged' }, 'hedged') : null),
    h('td', {}, statusBadge(s.status)),
    h('td', { class: 'col-theatre' }, s.theatre || h('span', { class: 'sub' }, '—')),
    h('td', { class: 'num' }, troopsText(s.troops)),
    h('td', {}, h('span', { class: 'types' }, (last.types && last.types.length ? last.types : (last.type ? [last.type] : [])).map(typeBadge)),
      h('span', { class: 'sub' }, when ? dateText(when) + ' · ' : '', h('span', { class: 'age', 'data-age': when || '' }, ageText(when)))),
    h('td', { class: 'num col-sources', title: sources.join(', ') },
      fmtInt(s.corroboration ? s.corroboration.independent_sources : sources.length),
      s.corroboration ? h('span', { class: 'sub' }, 'of ' + fmtInt(s.corroboration.reports) + (s.corroboration.reports === 1 ? ' report' : ' reports')) : null));
  }
  function setupBoard() {
    const statusSelect = $('f-status');
    for (const s of STATUSES) statusSelect.append(h('option', { value: s }, s.toLowerCase()));
    const typeSelect = $('f-type');
    for (const t of TYPES) typeSelect.append(h('option', { value: t }, t.replace(/_/g, ' ').toLowerCase()));
    const form = $('filters');
    form.addEventListener('input', renderBoard);
    form.addEventListener('change', renderBoard);
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('reset', () => setTimeout(renderBoard, 0));
    for (const button of document.querySelectorAll('#board th button')) {
      button.addEventListener('click', () => {
        const key = button.dataset.sort;
        state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : (key === 'last' || key === 'troops' || key === 'sources' ? -1 : 1) };
        for (const th of document.querySelectorAll('#board th')) th.setAttribute('aria-sort', 'none');
        button.parentElement.setAttribute('aria-sort', state.sort.dir === 1 ? 'ascending' : 'descending');
        renderBoard();
      });
    }
  }

  // ---------- situation page ----------
  async function renderSituationPage(key) {
    const container = $('situation-body');
    let s;
    try {
      s = await getJson('api/situations/' + encodeURIComponent(key));
    } catch (e) {
      if (state.route.view !== 'situation' || state.route.key !== key) return;
      container.replaceChildren(h('div', { class: 'panel' }, h('p', { class: 'empty' },
        e.status === 404 ? 'No situation ' + key + ' is known yet.'
          : 'Cannot load ' + key + ': ' + e.message + (e.status === 503 ? ' Retrying…' : ''))));
      if (e.status === 503) setTimeout(() => {
        if (state.route.view === 'situation' && state.route.key === key) renderSituationPage(key);
      }, 3000);
      return;
    }
    if (state.route.view !== 'situation' || state.route.key !== key) return;
    state.title = 'troopwatch · ' + s.actor_name + ' in ' + s.host_name;
    updateTitle();
    const timelineItems = s.timeline || [];
    const reports = s.history || [];
    const header = h('section', { class: 'sit-header', 'aria-labelledby': 'sit-title' },
      h('h1', { id: 'sit-title' }, countryChip(s.actor), h('span', { class: 'arrow' }, '→'), countryChip(s.host)),
      h('dl', { class: 'facts' },
        fact('Status', statusBadge(s.status)),
        fact('Theatre', s.theatre || '—'),
        fact('Troops', troopsText(s.troops)),
        s.casualties ? fact('Casualties', troopsText(s.casualties)) : null,
        fact('Claimants', (s.claimants || []).map(nameOf).join(', ') || '—'),
        fact('Changes · reports', fmtInt(timelineItems.length) + ' · ' + fmtInt(reports.length)),
        fact('Corroboration', corroborationText(s.corroboration) || '—'),
        s.officially_confirmed ? fact('Official', 'confirmed by the state') : null,
        s.hedged ? fact('Confidence', h('span', { class: 'hedged' }, 'hedged')) : null));
    const chartPanel = h('section', { class: 'panel chart-panel', 'aria-labelledby': 'chart-title' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'chart-title' }, 'Troop range over time'),
        h('span', { class: 'panel-note' }, 'dots: reports with a figure · ribbon: status')),
      troopChart(reports, timelineItems),
      h('div', { class: 'legend', 'aria-hidden': 'true' }, h('span', { class: 'lg-min' }, 'lower bound'),
        h('span', { class: 'lg-max' }, 'upper bound'), h('span', { class: 'lg-band' }, 'reported range')));
    const timeline = h('section', { class: 'panel', 'aria-labelledby': 'timeline-title' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'timeline-title' }, 'Timeline of changes'),
        h('span', { class: 'panel-note' }, 'oldest first')),
      timelineItems.length ? h('ol', { class: 'timeline', id: 'timeline' }, timelineItems.map(timelineItem))
        : h('p', { class: 'empty' }, 'No change recorded yet.'));
    const allReports = h('section', { class: 'panel' },
      h('details', { class: 'reports' },
        h('summary', { class: 'panel-head' }, h('h2', {}, 'Every report (' + fmtInt(reports.length) + ')'),
          h('span', { class: 'panel-note' }, 're-reports and reprints add corroboration, late reports history')),
        h('div', { class: 'table-wrap' }, h('table', { class: 'board reports-table' },
          h('thead', {}, h('tr', {}, ['Published', 'What it did', 'Source', 'Says', 'Troops', 'Sentence'].map((t) =>
            h('th', { scope: 'col', class: t === 'Troops' ? 'num' : null }, h('span', { class: 'th-text' }, t))))),
          h('tbody', {}, [...reports].reverse().map(reportRow))))));
    container.replaceChildren(header, h('div', { class: 'sit-grid' }, chartPanel, timeline, allReports));
  }
  function fact(label, value) {
    return h('div', {}, h('dt', {}, label), h('dd', {}, value));
  }
  function timelineItem(c) {
    const when = c.event_time || c.detected_at;
    const types = (c.types || []).length ? c.types : [];
    return h('li', { class: 'tl-item t-' + (types[0] || 'none') + ' s-' + (c.to || 'none') },
      h('div', { class: 'tl-head' }, h('span', { class: 'tl-date' }, when ? dateText(when) : 'date unknown'),
        types.map(typeBadge),
        h('span', { class: 'from-to' }, c.from ? statusBadge(c.from) : h('span', { class: 'muted' }, types.length ? 'new' : 'status'),
          h('span', { class: 'arrow' }, ' → '), statusBadge(c.to)),
        c.hedged ? h('span', { class: 'hedged' }, 'hedged') : null),
      h('div', { class: 'tl-body' },
        h('div', { class: 'alert-line' },
          c.theatre ? h('span', {}, 'theatre ', h('b', {}, c.theatre)) : null,
          c.troops ? h('span', {}, 'troops ', h('b', {}, troopsText(c.troops)), c.previous_troops ? ' (was ' + troopsText(c.previous_troops) + ')' : '') : null,
          (c.claimants || []).length ? h('span', {}, 'claimed by ', h('b', {}, c.claimants.map(nameOf).join(', '))) : null,
          corroborationText(c.corroboration) ? h('span', {}, h('b', {}, corroborationText(c.corroboration))) : null),
        evidenceBlock(c.evidence),
        c.prior_evidence ? h('details', { class: 'prior' }, h('summary', {}, 'what was known before'), evidenceBlock(c.prior_evidence)) : null));
  }
  function reportRow(r) {
    const url = safeUrl(r.url);
    return h('tr', { class: 'd-' + r.disposition },
      h('td', { class: 'nowrap' }, dateText(r.event_time)),
      h('td', {}, h('span', { class: 'disposition' }, (r.disposition || '').toLowerCase()), r.copy_of ? h('span', { class: 'sub' }, 'copy of ' + r.copy_of) : null),
      h('td', {}, url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, r.source || r.article_id) : (r.source || r.article_id)),
      h('td', {}, (r.lead || []).map(statusBadge), (r.background || []).length ? h('span', { class: 'sub' }, 'background: ' + r.background.join(', ').toLowerCase()) : null),
      h('td', { class: 'num' }, r.troops ? troopsText(r.troops) : '—'),
      h('td', { class: 'sentence' }, r.sentence || ''));
  }
  // Hand-drawn SVG: the reported troop range as a band (lower bound solid, upper bound dashed, an open range
  // drawn as a dotted tick upwards) and a ribbon underneath coloured by status over time.
  function troopChart(reports, changes) {
    const W = 1200, H = 320, L = 64, R = 20, T = 16, B = 64;
    const root = svg('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'chart-desc' });
    const dated = (list) => list.map((c) => ({ t: toDate(c.event_time || c.detected_at), c }))
      .filter((p) => p.t).sort((a, b) => a.t - b.t);
    const points = dated(changes);
    const all = dated(reports);
    const withTroops = all.filter((p) => p.c.troops && (p.c.troops.min != null || p.c.troops.max != null));
    root.append(svg('desc', { id: 'chart-desc' }, withTroops.length
      ? 'Troop range from ' + troopsText(withTroops[0].c.troops) + ' to ' + troopsText(withTroops[withTroops.length - 1].c.troops)
      : 'No troop figures reported'));
    if (all.length === 0) {
      root.append(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'no-data' }, 'No dated reports yet'));
      return root;
    }
    let t0 = all[0].t.getTime(), t1 = all[all.length - 1].t.getTime();
    const pad = Math.max((t1 - t0) * 0.05, 86400000 * 3);
    t0 -= pad; t1 += pad;
    const values = withTroops.flatMap((p) => [p.c.troops.min, p.c.troops.max]).filter((v) => v != null);
    const yMaxRaw = values.length ? Math.max(...values) * 1.2 : 1;
    const yMax = niceCeil(yMaxRaw);
    const x = (t) => L + (t - t0) / (t1 - t0) * (W - L - R);
    const plotBottom = H - B;
    const y = (v) => plotBottom - (v / yMax) * (plotBottom - T);
    // grid and y labels
    for (let i = 0; i <= 4; i++) {
      const v = yMax * i / 4;
      root.append(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }));
      root.append(svg('text', { x: L - 8, y: y(v) + 4, 'text-anchor': 'end', class: 'axis-label' }, compact(v)));
    }
    // x labels: months across the span
    for (const tick of timeTicks(t0, t1)) {
      root.append(svg('line', { x1: x(tick.t), x2: x(tick.t), y1: T, y2: plotBottom, class: 'grid' }));
      root.append(svg('text', { x: x(tick.t), y: H - 8, 'text-anchor': 'middle', class: 'axis-label' }, tick.label));
    }
    if (withTroops.length) {
      // step series: a reported range holds until the next report with a figure
      const steps = withTroops.map((p, i) => {
        const next = withTroops[i + 1];
        return { x0: x(p.t.getTime()), x1: next ? x(next.t.getTime()) : x(t1), min: p.c.troops.min, max: p.c.troops.max };
      });
      for (const s of steps) {
        const lo = s.min != null ? s.min : 0;
        const hi = s.max != null ? s.max : lo;
        if (hi > lo) root.append(svg('rect', { x: s.x0, width: Math.max(1, s.x1 - s.x0), y: y(hi), height: y(lo) - y(hi), class: 'band' }));
        if (s.max == null && s.min != null) {
          root.append(svg('line', { x1: s.x0 + 6, x2: s.x0 + 6, y1: y(s.min), y2: y(s.min) - 22, class: 'open-max' }));
        }
      }
      root.append(svg('path', { d: stepPath(steps, (s) => s.min, y), class: 'line-min' }));
      root.append(svg('path', { d: stepPath(steps, (s) => s.max, y), class: 'line-max' }));
      for (const p of withTroops) {
        const v = p.c.troops.min != null ? p.c.troops.min : p.c.troops.max;
        const status = (p.c.lead || [])[0];
        root.append(svg('circle', { cx: x(p.t.getTime()), cy: y(v), r: p.c.disposition === 'CHANGE' ? 6 : 4, class: 'point', fill: STATUS_COLOURS[status] || '#58b9ff' },
          svg('title', {}, dateText(p.t.toISOString()) + ': ' + (p.c.source || '') + ' (' + (p.c.disposition || '').toLowerCase() + '), ' + troopsText(p.c.troops))));
      }
    } else {
      root.append(svg('text', { x: (L + W - R) / 2, y: (T + plotBottom) / 2, 'text-anchor': 'middle', class: 'no-data' }, 'No troop figures reported'));
    }
    // status ribbon
    const ribbonY = plotBottom + 8, ribbonH = 18;
    points.forEach((p, i) => {
      const next = points[i + 1];
      const x0 = x(p.t.getTime()), x1 = next ? x(next.t.getTime()) : x(t1);
      const colour = STATUS_COLOURS[p.c.to] || '#58b9ff';
      root.append(svg('rect', { x: x0, y: ribbonY, width: Math.max(2, x1 - x0), height: ribbonH, fill: colour, class: 'status-seg' },
        svg('title', {}, (p.c.to || '') + ' from ' + dateText(p.t.toISOString()))));
      if (x1 - x0 > 70) root.append(svg('text', { x: x0 + 6, y: ribbonY + 13, class: 'status-label' }, p.c.to || ''));
    });
    return root;
  }
  // One horizontal segment per step; a vertical join only between neighbours that both have the value.
  function stepPath(steps, value, y) {
    let d = '';
    let previous = null;
    for (const s of steps) {
      const v = value(s);
      if (v == null) { previous = null; continue; }
      d += (previous === null ? 'M' + s.x0.toFixed(1) : 'L' + s.x0.toFixed(1)) + ' ' + y(v).toFixed(1) + ' H' + s.x1.toFixed(1) + ' ';
      previous = v;
    }
    return d.trim();
  }
  function niceCeil(v) {
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }
  function compact(v) {
    if (v >= 1e6) return (v / 1e6).toFixed(v % 1e6 ? 1 : 0) + 'M';
    if (v >= 1e3) return (v / 1e3).toFixed(v % 1e3 ? 1 : 0) + 'k';
    return String(Math.round(v));
  }
  // Month ticks for long spans, week ticks (labelled with the day) for spans of a couple of months or less.
  function timeTicks(t0, t1) {
    const day = 86400000;
    const ticks = [];
    if (t1 - t0 <= 70 * day) {
      const stepDays = t1 - t0 <= 21 * day ? 2 : 7;
      let tick = Math.ceil(t0 / day) * day;
      while (tick < t1) {
        ticks.push({ t: tick, label: new Date(tick).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }) });
        tick += stepDays * day;
      }
      return ticks;
    }
    const months = (t1 - t0) / (day * 30.4);
    const step = months <= 8 ? 1 : months <= 18 ? 2 : months <= 36 ? 3 : 6;
    const d = new Date(t0);
    let tick = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    while (tick < t1) {
      const m = new Date(tick).getUTCMonth();
      if (m % step === 0) {
        ticks.push({ t: tick, label: new Date(tick).toLocaleDateString('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' }) });
      }
      tick = Date.UTC(new Date(tick).getUTCFullYear(), m + 1, 1);
    }
    return ticks;
  }

  // ---------- pipeline health ----------
  async function loadHealth() {
    let body;
    try {
      // 503 means this instance's Streams is not running; the body still describes the pipeline.
      const response = await fetch('api/health', { headers: { Accept: 'application/json' } });
      body = await response.json();
      if (!body.totals) throw new Error('HTTP ' + response.status);
    } catch (e) {
      $('h-instances').replaceChildren(h('span', { class: 'instance' }, h('span', { class: 'state state-UNREACHABLE' }, 'health unavailable')));
      return;
    }
    const t = body.totals;
    $('h-rate').textContent = t.articles_per_second.toFixed(t.articles_per_second < 10 ? 2 : 1);
    $('h-articles').textContent = fmtInt(t.articles);
    $('h-events').textContent = fmtInt(t.events);
    $('h-alerts').textContent = fmtInt(t.alerts);
    $('h-dead').textContent = fmtInt(t.dead_letters);
    $('h-lag').textContent = fmtInt(t.consumer_lag);
    $('h-dead-tile').classList.toggle('has-dead', t.dead_letters > 0);
    $('h-instances').replaceChildren(...body.instances.map((i) => h('span', { class: 'instance', title: i.error || '' },
      i.instance, ' ', h('span', { class: 'state state-' + i.state }, i.state))));
    const dead = body.dead_letters;
    $('dead-count').textContent = fmtInt(dead.seen);
    $('dead-list').replaceChildren(...(dead.latest.length ? dead.latest.map((d) => h('li', {},
      h('span', { class: 'dl-at' }, new Date(d.at).toISOString().replace('T', ' ').slice(0, 19)),
      h('span', { class: 'dl-key' }, d.key || '(no key)'),
      h('span', { class: 'dl-reason' }, h('b', {}, d.reason), d.detail ? ': ' + d.detail : '',
        d.stage ? h('span', { class: 'muted' }, ' (in ' + d.stage + ')') : null)))
      : [h('li', {}, h('span', { class: 'dl-reason' }, 'No dead letters. Every article so far was readable.'))]));
  }

  // ---------- routing ----------
  function route() {
    const match = /^#\/situation\/([A-Za-z]{2,4}-[A-Za-z]{2,4})$/.exec(location.hash);
    if (match) {
      state.route = { view: 'situation', key: match[1].toUpperCase() };
      $('view-overview').hidden = true;
      $('view-situation').hidden = false;
      $('skip-board').hidden = true;
      $('situation-body').replaceChildren(h('p', { class: 'empty' }, 'Loading ' + state.route.key + '…'));
      renderSituationPage(state.route.key);
      $('main').focus();
    } else {
      const from = state.route.key;
      state.route = { view: 'overview' };
      state.title = 'troopwatch · live situations';
      updateTitle();
      $('view-situation').hidden = true;
      $('view-overview').hidden = false;
      $('skip-board').hidden = false;
      if (from) {
        const row = document.querySelector('#board-body tr[data-key="' + CSS.escape(from) + '"]');
        if (row) row.focus();
      }
    }
  }

  function tick() {
    $('clock').textContent = new Date().toISOString().slice(11, 16) + ' UTC';
    for (const el of document.querySelectorAll('[data-age]')) {
      const text = ageText(el.dataset.age);
      const detected = el.closest('.alert-time');
      el.textContent = detected ? 'detected ' + text : text;
    }
  }

  async function start() {
    setupBoard();
    // Skip links move focus without touching the hash, which is the router's.
    for (const link of document.querySelectorAll('.skip-link')) {
      link.addEventListener('click', (e) => {
        e.preventDefault();
        const target = document.querySelector(link.getAttribute('href'));
        if (target) target.focus();
      });
    }
    window.addEventListener('hashchange', route);
    // Operator shortcuts: "/" jumps to the board search, Escape leaves a situation page.
    document.addEventListener('keydown', (e) => {
      const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
      if (e.key === '/' && !typing && state.route.view === 'overview') {
        e.preventDefault();
        $('f-text').focus();
      } else if (e.key === 'Escape' && state.route.view === 'situation') {
        location.hash = '#/';
      }
    });
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) {
        state.unseen = 0;
        updateTitle();
      }
    });
    tick();
    setInterval(tick, 30000);
    try {
      state.countries = await getJson('api/countries');
    } catch (e) {
      state.countries = {};
    }
    route();
    try {
      await loadAlerts();
    } catch (e) {
      setConnection('offline', 'Offline');
    }
    connectStream();
    loadSituations();
    loadHealth();
    setInterval(loadHealth, 5000);
    setInterval(loadSituations, 30000);
  }

  document.addEventListener('DOMContentLoaded', start);
})();
