'use strict';
// The officers' console. Every value from a post (text, author, URL, channel) is attacker
// controlled: it only ever reaches the page through textContent or a checked attribute, never as
// HTML. There is no innerHTML in this file, and the CSP forbids inline script anyway.
(function () {
  const FEED_PARAMS = ['status', 'language', 'platform', 'channel', 'category', 'minScore', 'from', 'to'];
  const SEARCH_PARAMS = ['q', 'phone', 'handle', 'wallet', 'channel', 'from', 'to'];
  const OUTCOMES = {c: 'confirmed', f: 'false_positive', e: 'escalated'};
  const STATUS_LABEL = {
    new: 'new', confirmed: 'confirmed', false_positive: 'false positive', escalated: 'escalated',
  };

  const state = {me: null, alerts: [], selected: -1, openId: null, selection: new Set(), view: 'feed'};

  // ---- DOM helpers: text only ----
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = String(value);
      else if (name === 'class') node.className = value;
      else if (name === 'href') node.setAttribute('href', safeHref(value));
      else if (name.startsWith('data-') || ['id', 'dir', 'title', 'type', 'name', 'value', 'lang',
        'target', 'rel', 'min', 'max', 'low', 'high', 'optimum', 'role', 'tabindex'].includes(name)) {
        node.setAttribute(name, String(value));
      } else {
        throw new Error('attribute not allowed: ' + name);
      }
    }
    for (const child of children) {
      if (child === undefined || child === null) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function safeHref(value) {
    try {
      const url = new URL(String(value), window.location.origin);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch (e) {
      // Not a URL at all.
    }
    return '#';
  }

  function isWebUrl(value) {
    try {
      const url = new URL(String(value));
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch (e) {
      return false;
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function time(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  }

  // ---- API ----
  async function api(path, options) {
    const init = Object.assign({credentials: 'same-origin', headers: {}}, options || {});
    if (init.method && init.method !== 'GET') {
      init.headers['Content-Type'] = 'application/json';
      init.headers['X-CSRF-Token'] = state.me ? state.me.csrfToken : '';
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      window.location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
      throw new Error('Log in first');
    }
    if (!response.ok) {
      let message = response.status + ' ' + response.statusText;
      try {
        message = (await response.json()).error || message;
      } catch (e) {
        // Keep the status line.
      }
      throw new Error(message);
    }
    return response.status === 204 ? null : response.json();
  }

  function showError(message) {
    document.getElementById('list-error').textContent = message || '';
  }

  // ---- URL state: the filter lives in the URL so it can be shared ----
  function params() {
    return new URLSearchParams(window.location.search);
  }

  function setUrl(p, push) {
    const query = p.toString();
    const url = window.location.pathname + (query ? '?' + query : '');
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  function formToParams(form, names, keep) {
    const p = new URLSearchParams();
    for (const [k, v] of params()) if (keep.includes(k)) p.append(k, v);
    const data = new FormData(form);
    for (const name of names) {
      for (const value of data.getAll(name)) if (String(value).trim() !== '') p.append(name, String(value).trim());
    }
    return p;
  }

  function paramsToForm(form, names) {
    const p = params();
    for (const name of names) {
      const inputs = form.querySelectorAll('[name="' + name + '"]');
      for (const input of inputs) {
        if (input.type === 'checkbox') input.checked = p.getAll(name).includes(input.value);
        else input.value = p.get(name) || '';
      }
    }
  }

  // ---- feed list ----
  function renderList(alerts) {
    state.alerts = alerts;
    const list = document.getElementById('alerts');
    clear(list);
    alerts.forEach((a, i) => list.append(alertRow(a, i)));
    document.getElementById('list-count').textContent =
        alerts.length + (alerts.length === 1 ? ' alert' : ' alerts');
    const open = alerts.findIndex((a) => a.alertId === state.openId);
    state.selected = open >= 0 ? open : Math.min(state.selected, alerts.length - 1);
    markSelected();
  }

  function alertRow(a, index) {
    const box = el('input', {type: 'checkbox', class: 'pick', title: 'select for export'});
    box.checked = state.selection.has(a.alertId);
    box.addEventListener('click', (event) => {
      event.stopPropagation();
      if (box.checked) state.selection.add(a.alertId);
      else state.selection.delete(a.alertId);
    });
    const cats = el('span', {class: 'cats'}, ...a.categories.map((c) => el('span', {class: 'chip', text: c})));
    const li = el('li', {class: 'alert-row status-' + a.status, 'data-id': a.alertId, tabindex: '-1'},
        box,
        el('span', {class: 'score', text: a.score.toFixed(2)}),
        el('span', {class: 'status', text: STATUS_LABEL[a.status] || a.status}),
        el('span', {class: 'langs', text: a.languages.join(' ')}),
        el('span', {class: 'source', dir: 'auto', text: a.platform + ' · ' + a.channel}),
        el('time', {class: 'when', text: time(a.lastSeen)}),
        el('span', {class: 'reposts', text: '×' + a.repostCount + ' in ' + a.channelCount}),
        el('p', {class: 'excerpt', dir: 'auto'}, ltrNumbers(a.excerpt)),
        cats);
    li.addEventListener('click', () => select(index, true));
    return li;
  }

  function markSelected() {
    const rows = document.querySelectorAll('#alerts > li');
    rows.forEach((row, i) => row.classList.toggle('selected', i === state.selected));
    if (state.selected >= 0 && rows[state.selected]) rows[state.selected].scrollIntoView({block: 'nearest'});
  }

  function select(index, open) {
    if (index < 0 || index >= state.alerts.length) return;
    state.selected = index;
    markSelected();
    if (open) openAlert(state.alerts[index].alertId);
  }

  async function loadFeed() {
    const p = new URLSearchParams();
    for (const [k, v] of params()) if (FEED_PARAMS.includes(k)) p.append(k, v);
    try {
      const data = await api('/api/alerts?' + p.toString());
      showError('');
      renderList(data.alerts);
    } catch (e) {
      showError(e.message);
    }
  }

  async function runSearch() {
    const p = new URLSearchParams();
    for (const [k, v] of params()) if (SEARCH_PARAMS.includes(k)) p.append(k, v);
    if ([...p.keys()].length === 0) {
      renderList([]);
      return;
    }
    try {
      const data = await api('/api/search?' + p.toString());
      showError('');
      renderList(data.alerts);
    } catch (e) {
      showError(e.message);
      renderList([]);
    }
  }

  // ---- detail ----
  async function openAlert(id) {
    state.openId = id;
    const p = params();
    p.set('alert', id);
    setUrl(p, false);
    try {
      renderDetail(await api('/api/alerts/' + encodeURIComponent(id)));
    } catch (e) {
      const pane = document.getElementById('detail');
      clear(pane);
      pane.append(el('p', {class: 'error', text: e.message}));
    }
  }

  // Phone numbers and other digit runs as left-to-right isolates, so "+218 92 123 4567" keeps its
  // order inside a right-to-left excerpt; the text itself is unchanged.
  function ltrNumbers(text) {
    const fragment = document.createDocumentFragment();
    const runs = /\+?\d[\d\s().-]{5,}\d/g;
    let last = 0;
    for (let m = runs.exec(text); m; m = runs.exec(text)) {
      fragment.append(document.createTextNode(text.slice(last, m.index)));
      fragment.append(el('bdi', {dir: 'ltr'}, m[0]));
      last = m.index + m[0].length;
    }
    fragment.append(document.createTextNode(text.slice(last)));
    return fragment;
  }

  // Matched spans become <mark> with the rule on hover; phones, handles and wallets become
  // left-to-right isolates, so "+218 92 123 4567" stays readable inside Arabic text.
  function highlighted(text, spans, entities) {
    const marks = spans.map((s) => ({start: s.start, end: s.end, span: s}));
    const isolates = entities
        .filter((e) => e.start >= 0 && e.end > e.start && ['phone', 'handle', 'wallet'].includes(e.type))
        .map((e) => ({start: e.start, end: e.end, entity: e}));
    const pieces = marks.concat(isolates).sort((a, b) => a.start - b.start || b.end - a.end);
    const p = el('p', {class: 'post-text', dir: 'auto'});
    let at = 0;
    for (const piece of pieces) {
      if (piece.start < at || piece.end > text.length) continue; // overlapping or stale: skip
      if (piece.start > at) p.append(document.createTextNode(text.slice(at, piece.start)));
      const content = text.slice(piece.start, piece.end);
      if (piece.span) {
        const inner = isolates.filter((i) => i.start >= piece.start && i.end <= piece.end);
        const mark = el('mark', {title: piece.span.ruleId + ' · ' + piece.span.category,
          'data-rule': piece.span.ruleId, 'data-category': piece.span.category});
        let inside = piece.start;
        for (const i of inner) {
          if (i.start < inside) continue;
          if (i.start > inside) mark.append(document.createTextNode(text.slice(inside, i.start)));
          mark.append(el('bdi', {dir: 'ltr', class: 'entity', title: i.entity.type}, text.slice(i.start, i.end)));
          inside = i.end;
        }
        mark.append(document.createTextNode(text.slice(inside, piece.end)));
        p.append(mark);
      } else {
        p.append(el('bdi', {dir: 'ltr', class: 'entity', title: piece.entity.type + ' ' + piece.entity.normalized}, content));
      }
      at = piece.end;
    }
    p.append(document.createTextNode(text.slice(at)));
    return p;
  }

  function table(headers, rows) {
    return el('table', {},
        el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', {text: h})))),
        el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) =>
          c instanceof Node ? el('td', {}, c) : el('td', {dir: 'auto', text: c}))))));
  }

  function renderDetail(a) {
    const pane = document.getElementById('detail');
    clear(pane);
    const original = a.url && isWebUrl(a.url)
      ? el('a', {href: a.url, target: '_blank', rel: 'noopener noreferrer', class: 'original', dir: 'auto'}, a.url)
      : el('span', {class: 'original', dir: 'auto', text: a.url || '(no link)'});
    const note = el('textarea', {id: 'note', name: 'note', title: 'optional note'});
    note.placeholder = 'Optional note for the decision';
    const decide = (outcome) => decideOn(a.alertId, outcome, note.value);
    const exportLink = el('a', {href: '/api/export?ids=' + encodeURIComponent(a.alertId), class: 'button',
      id: 'export-one'}, 'Export evidence (ZIP)');
    const entities = a.entities.map((e) => [e.type, e.value, e.normalized]);
    pane.append(
        el('header', {class: 'detail-head'},
            el('h2', {dir: 'auto'}, a.platform + ' · ' + a.channel),
            el('span', {id: 'detail-status', class: 'status status-' + a.status, text: STATUS_LABEL[a.status] || a.status}),
            el('span', {class: 'score', text: 'score ' + a.score.toFixed(2)}),
            el('span', {class: 'langs', text: a.languages.join(', ')})),
        el('dl', {class: 'facts'},
            el('dt', {text: 'Alert'}), el('dd', {text: a.alertId}),
            el('dt', {text: 'Author'}), el('dd', {dir: 'auto', text: a.author || ''}),
            el('dt', {text: 'Original post'}), el('dd', {}, original),
            el('dt', {text: 'Published'}), el('dd', {text: time(a.publishedAt)}),
            el('dt', {text: 'Captured'}), el('dd', {text: time(a.collectedAt)}),
            el('dt', {text: 'Capture SHA-256'}), el('dd', {class: 'mono', text: a.captureSha256}),
            el('dt', {text: 'Rule set'}), el('dd', {text: a.ruleSetVersion + (a.flags.length ? ' (' + a.flags.join(', ') + ')' : '')})),
        highlighted(a.text, a.spans, a.entities),
        el('div', {class: 'triage'},
            button('Confirm (c)', 'decide-confirmed', () => decide('confirmed')),
            button('False positive (f)', 'decide-false_positive', () => decide('false_positive')),
            button('Escalate (e)', 'decide-escalated', () => decide('escalated')),
            note, exportLink),
        el('h3', {text: 'Why it scored'}),
        table(['rule', 'category', 'language', 'weight'], a.hits.map((h) => [h.ruleId, h.category, h.language, String(h.weight)])),
        table(['feature', 'contribution'], a.contributions.map((c) => [c.feature, c.value.toFixed(2)])),
        el('h3', {text: 'Extracted'}),
        entities.length ? table(['type', 'as written', 'normalised'], entities) : el('p', {class: 'empty', text: 'nothing extracted'}),
        el('h3', {text: 'Seen ' + a.repostCount + ' times in ' + a.channelCount + ' channels'}),
        table(['channel', 'seen'], a.sightings.map((s) => [s.channel, time(s.seenAt)])),
        el('h3', {text: 'Linked alerts'}),
        entityLinks(a.entityLinks),
        a.linked.length
          ? table(['alert', 'shares', 'channel', 'score', 'status'], a.linked.map((l) => [
            linkButton(l.alertId), l.via.type + ' ' + l.via.normalized, l.channel, l.score.toFixed(2), STATUS_LABEL[l.status] || l.status]))
          : el('p', {class: 'empty', text: 'no other alert shares a phone, handle or wallet'}),
        el('h3', {text: 'Triage history'}),
        el('ol', {id: 'history', class: 'history'}));
    renderHistory(a.history);
  }

  // "This number appears in 3 alerts across 2 channels (first 12 Nov, last 28 Nov)", one line per
  // entity the pipeline linked, each line a search for that entity.
  const LINK_NOUN = {PHONE: 'number', HANDLE: 'handle', WALLET: 'wallet', LINK: 'website'};

  function entityLinks(links) {
    if (!links || !links.length) return document.createDocumentFragment();
    return el('ul', {id: 'entity-links', class: 'entity-links'}, ...links.map((l) => {
      const sentence = 'This ' + (LINK_NOUN[l.kind] || 'entity') + ' appears in ' + l.alertCount +
          ' alerts across ' + l.channelCount + (l.channelCount === 1 ? ' channel' : ' channels') +
          ' (' + seenSpan(l.firstSeen, l.lastSeen) + ')';
      const target = l.search
        ? el('a', {href: l.search, class: 'entity-search'}, sentence)
        : el('span', {text: sentence});
      if (l.search) {
        target.addEventListener('click', (event) => {
          event.preventDefault();
          history.pushState(null, '', l.search);
          paramsToForm(document.getElementById('search-form'), SEARCH_PARAMS);
          show('search', false);
        });
      }
      return el('li', {}, el('bdi', {dir: 'ltr', class: 'entity', text: l.value}), ': ', target);
    }));
  }

  function seenSpan(first, last) {
    const a = new Date(first);
    const b = new Date(last);
    if (isNaN(a) || isNaN(b)) return 'first ' + first + ', last ' + last;
    const options = {day: 'numeric', month: 'short', timeZone: 'UTC'};
    if (a.getUTCFullYear() !== b.getUTCFullYear()) options.year = 'numeric';
    return 'first ' + a.toLocaleDateString('en-GB', options) + ', last ' + b.toLocaleDateString('en-GB', options);
  }

  function renderHistory(history) {
    const list = document.getElementById('history');
    if (!list) return;
    clear(list);
    for (const d of history) {
      list.append(el('li', {dir: 'auto', text: time(d.decidedAt) + ' ' + d.officer + ': ' +
          (STATUS_LABEL[d.outcome.toLowerCase()] || d.outcome) + (d.note ? ' – ' + d.note : '')}));
    }
    if (!history.length) list.append(el('li', {class: 'empty', text: 'not triaged yet'}));
  }

  function button(label, id, onClick) {
    const b = el('button', {type: 'button', id: id, text: label});
    b.addEventListener('click', onClick);
    return b;
  }

  function linkButton(id) {
    const b = el('button', {type: 'button', class: 'link', text: id});
    b.addEventListener('click', () => openAlert(id));
    return b;
  }

  async function decideOn(id, outcome, note) {
    try {
      await api('/api/alerts/' + encodeURIComponent(id) + '/decisions', {
        method: 'POST', body: JSON.stringify({outcome: outcome, note: note || null}),
      });
      showError('');
    } catch (e) {
      showError(e.message);
    }
  }

  async function refreshOpen(summary) {
    if (summary.alertId !== state.openId) return;
    const badge = document.getElementById('detail-status');
    if (badge) {
      badge.textContent = STATUS_LABEL[summary.status] || summary.status;
      badge.className = 'status status-' + summary.status;
    }
    try {
      const data = await api('/api/alerts/' + encodeURIComponent(summary.alertId) + '/history');
      renderHistory(data.history);
    } catch (e) {
      showError(e.message);
    }
  }

  // ---- admin and analyst views ----
  async function loadAudit() {
    const view = document.getElementById('admin-view');
    clear(view);
    const data = await api('/api/audit?limit=500');
    view.append(el('h2', {text: 'Audit trail (newest first)'}),
        table(['when', 'who', 'action', 'target', 'from'], data.events.map((e) =>
          [time(e.at), e.user, e.action, e.target, (e.details && e.details.ip) || ''])));
  }

  async function loadStats() {
    const view = document.getElementById('admin-view');
    clear(view);
    const s = await api('/api/stats');
    // Only analysts and admins get here: the API refuses officers, so they never see the rules link.
    view.append(el('h2', {text: 'Statistics: ' + s.alerts + ' alerts'}),
        el('p', {}, el('a', {href: '/rules', id: 'rules-link'}, 'Rules: hits, decisions and precision per rule')),
        table(['status', 'alerts'], Object.entries(s.byStatus).map(([k, v]) => [k, String(v)])),
        table(['category', 'alerts'], Object.entries(s.byCategory).map(([k, v]) => [k, String(v)])),
        table(['rule', 'alerts', 'confirmed', 'false positive', 'precision'], Object.entries(s.byRule).map(([k, v]) =>
          [k, String(v.alerts), String(v.confirmed), String(v.falsePositive), v.precision === undefined ? '' : v.precision.toFixed(2)])));
  }

  // ---- views ----
  async function show(view, push) {
    state.view = view;
    const p = params();
    if (view === 'feed') p.delete('view');
    else p.set('view', view);
    setUrl(p, push);
    document.querySelectorAll('nav button').forEach((b) => b.classList.toggle('active', b.dataset.view === view));
    const lists = view === 'feed' || view === 'search';
    document.getElementById('filters').hidden = view !== 'feed';
    document.getElementById('search-form').hidden = view !== 'search';
    document.getElementById('alerts').hidden = !lists;
    document.querySelector('.toolbar').hidden = !lists;
    document.getElementById('admin-view').hidden = lists;
    try {
      if (view === 'feed') await loadFeed();
      else if (view === 'search') await runSearch();
      else if (view === 'audit') await loadAudit();
      else if (view === 'stats') await loadStats();
    } catch (e) {
      showError(e.message);
    }
  }

  let refreshTimer = null;
  function connectLive() {
    const live = document.getElementById('live-state');
    const source = new EventSource('/api/events');
    source.addEventListener('open', () => {
      live.textContent = 'live';
      live.className = 'live on';
    });
    source.addEventListener('error', () => {
      live.textContent = 'reconnecting';
      live.className = 'live off';
    });
    source.addEventListener('alert', (event) => {
      const summary = JSON.parse(event.data);
      refreshOpen(summary);
      if (state.view !== 'feed') return;
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(loadFeed, 150);
    });
  }

  function onKey(event) {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
    if (event.key === 'j') select(state.selected + 1, true);
    else if (event.key === 'k') select(Math.max(0, state.selected - 1), true);
    else if (OUTCOMES[event.key] && state.openId) {
      const note = document.getElementById('note');
      decideOn(state.openId, OUTCOMES[event.key], note ? note.value : '');
    } else return;
    event.preventDefault();
  }

  async function start() {
    // Handlers first, so a form submitted while the session loads never falls back to a
    // plain page navigation.
    const filters = document.getElementById('filters');
    const search = document.getElementById('search-form');
    paramsToForm(filters, FEED_PARAMS);
    paramsToForm(search, SEARCH_PARAMS);
    filters.addEventListener('submit', (event) => {
      event.preventDefault();
      setUrl(formToParams(filters, FEED_PARAMS, ['alert']), true);
      loadFeed();
    });
    document.getElementById('clear-filters').addEventListener('click', () => {
      filters.reset();
      setUrl(formToParams(filters, FEED_PARAMS, ['alert']), true);
      loadFeed();
    });
    search.addEventListener('submit', (event) => {
      event.preventDefault();
      setUrl(formToParams(search, SEARCH_PARAMS, ['alert', 'view']), true);
      runSearch();
    });
    document.querySelectorAll('nav button').forEach((b) => b.addEventListener('click', () => show(b.dataset.view, true)));
    document.getElementById('export-selected').addEventListener('click', () => {
      const ids = state.selection.size ? [...state.selection] : (state.openId ? [state.openId] : []);
      if (ids.length) window.location.assign('/api/export?ids=' + encodeURIComponent(ids.join(',')));
      else showError('Select alerts to export first');
    });
    document.getElementById('logout').addEventListener('click', async () => {
      try {
        await api('/api/logout', {method: 'POST', body: '{}'});
      } finally {
        window.location.assign('/login');
      }
    });
    document.addEventListener('keydown', onKey);
    state.me = await api('/api/session');
    document.getElementById('who').textContent = state.me.user + ' (' + state.me.role + ')';
    document.getElementById('tab-stats').hidden = state.me.role === 'officer';
    document.getElementById('tab-audit').hidden = state.me.role !== 'admin';
    window.addEventListener('popstate', () => show(params().get('view') || 'feed', false));
    connectLive();
    await show(params().get('view') || 'feed', false);
    const open = params().get('alert');
    if (open) openAlert(open);
  }

  start().catch((e) => showError(e.message));
})();
