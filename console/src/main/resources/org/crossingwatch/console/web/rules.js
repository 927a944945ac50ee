'use strict';
// The analysts' rules page. Rule ids come from analysts, example texts from posts (attacker
// controlled): both reach the page only through textContent and encoded URLs, never as HTML.
(function () {
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function link(text, href, cls) {
    const a = el('a', text, cls);
    a.setAttribute('href', href);
    return a;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  async function api(path) {
    const response = await fetch(path, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (response.status === 401) {
      window.location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
      throw new Error('Log in first');
    }
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status));
    return body;
  }

  function params() {
    return new URLSearchParams(window.location.search);
  }

  function go(changes) {
    const p = params();
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    window.history.pushState(null, '', '/rules?' + p.toString());
    load();
  }

  function rulesLink(rule) {
    const p = params();
    p.set('rule', rule);
    return '/rules?' + p.toString();
  }

  async function loadTable() {
    const p = params();
    const days = p.get('days') || '7';
    const order = p.get('order') || 'volume';
    document.getElementById('days').value = days;
    const data = await api('/api/rules/stats?days=' + encodeURIComponent(days) + '&order=' + encodeURIComponent(order));
    const body = document.getElementById('rules-body');
    clear(body);
    for (const r of data.rules) {
      const tr = el('tr');
      tr.setAttribute('data-rule', r.rule);
      const name = el('td');
      const a = link(r.rule, rulesLink(r.rule), 'rule-link');
      a.addEventListener('click', (event) => {
        event.preventDefault();
        go({rule: r.rule});
      });
      name.append(a);
      tr.append(name, el('td', r.hits), el('td', r.alerts), el('td', r.confirmed), el('td', r.escalated),
        el('td', r.falsePositives), el('td', typeof r.precision === 'number' ? r.precision.toFixed(2) : '–'));
      body.append(tr);
    }
  }

  async function loadExamples() {
    const rule = params().get('rule');
    const section = document.getElementById('examples');
    section.hidden = !rule;
    if (!rule) return;
    const data = await api('/api/rules/' + encodeURIComponent(rule) + '/alerts');
    document.getElementById('examples-title').textContent = 'Example alerts of ' + data.rule;
    const list = document.getElementById('examples-list');
    clear(list);
    for (const a of data.alerts) {
      const li = el('li', null, 'alert-row status-' + a.status);
      li.append(link(a.id, '/?alert=' + encodeURIComponent(a.id), 'example-link'),
        el('span', a.score.toFixed(2), 'score'), el('span', a.status, 'status'),
        el('span', a.channel, 'when'), el('p', a.excerpt, 'excerpt'));
      list.append(li);
    }
  }

  async function load() {
    document.getElementById('rules-error').textContent = '';
    try {
      await loadTable();
      await loadExamples();
    } catch (e) {
      document.getElementById('rules-error').textContent = e.message;
    }
  }

  document.getElementById('sort-precision').addEventListener('click', () => go({order: 'precision'}));
  document.getElementById('sort-volume').addEventListener('click', () => go({order: 'volume'}));
  document.getElementById('days').addEventListener('change', (event) => go({days: event.target.value}));
  window.addEventListener('popstate', load);
  api('/api/session').then((me) => {
    document.getElementById('who').textContent = me.user + ' (' + me.role + ')';
  }).catch(() => {});
  load();
})();
