/**
 * The page's script: toolbar toggles, live updates over server-sent events, and the editor's
 * actions. Plain browser JavaScript, inlined with a nonce; it prints only through textContent.
 */
export const PAGE_SCRIPT = String.raw`(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const body = document.body;
  const d = body.dataset;
  const state = { issue: d.issue || '', style: d.style || '', width: d.width, scheme: d.scheme, part: d.part,
    version: Number(d.version), resolved: d.resolved || '' };
  const frame = $('frame');
  const text = $('text');
  const stage = $('stage');

  function params(extra) {
    const p = new URLSearchParams();
    if (state.issue) p.set('issue', state.issue);
    if (state.style) p.set('style', state.style);
    for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
    return p.toString();
  }
  const pageParams = () => params({ width: state.width, scheme: state.scheme, part: state.part });

  function setStatus(message, failed) {
    const s = $('status');
    s.textContent = message;
    s.classList.toggle('failed', Boolean(failed));
  }

  let keepScroll = null;
  function loadFrame() {
    try {
      const w = frame.contentWindow;
      if (w && w.document && w.document.scrollingElement) keepScroll = [w.scrollX, w.scrollY];
    } catch (e) { keepScroll = null; }
    frame.src = '/frame?' + params({ scheme: state.scheme, v: String(state.version) });
  }
  frame.addEventListener('load', () => {
    if (keepScroll) {
      try { frame.contentWindow.scrollTo(keepScroll[0], keepScroll[1]); } catch (e) { /* another origin */ }
      keepScroll = null;
    }
    d.shown = String(state.version);
  });
  async function loadText() {
    const r = await fetch('/text?' + params({ v: String(state.version) }));
    text.textContent = await r.text();
    d.shown = String(state.version);
  }
  function showPart() {
    frame.hidden = state.part !== 'html';
    text.hidden = state.part !== 'text';
    if (state.part === 'text') loadText().catch((e) => setStatus(e.message, true));
    else loadFrame();
  }

  function applyToggles() {
    for (const b of document.querySelectorAll('[data-set]')) {
      b.setAttribute('aria-pressed', String(state[b.dataset.set] === b.dataset.value));
    }
    stage.className = 'stage ' + state.width;
    body.classList.toggle('dark', state.scheme === 'dark');
    frame.style.colorScheme = state.scheme;
  }

  const kb = (n) => (n / 1024).toFixed(1) + ' KB';
  function applyView(v) {
    if (v.version < state.version) return;
    const changed = v.version !== state.version;
    state.version = v.version;
    d.version = String(v.version);
    if (v.issueId) state.resolved = v.issueId;
    const err = $('error');
    $('meta').classList.toggle('stale', !v.ok);
    if (v.ok) {
      err.hidden = true;
      $('subject').textContent = v.subject;
      $('preheader').textContent = v.preheader || '—';
      const size = $('size');
      size.textContent = kb(v.size.htmlBytes) + ' HTML of ' + kb(v.size.clipAt) +
        (v.size.ratio >= 1 ? ' — Gmail clips this message' : ' (Gmail clips above)') + ', text ' + kb(v.size.textBytes);
      size.classList.toggle('clipped', v.size.ratio >= 1);
      const list = $('warnings');
      list.replaceChildren();
      for (const w of v.warnings) {
        const li = document.createElement('li');
        li.textContent = w.code + ': ' + w.message;
        list.append(li);
      }
      if (!v.darkStyles) {
        const li = document.createElement('li');
        li.textContent = 'dark mode: no dark styles; some clients invert the colours';
        list.append(li);
      }
      if (!list.children.length) {
        const li = document.createElement('li');
        li.className = 'none';
        li.textContent = 'no preflight warnings';
        list.append(li);
      }
    } else {
      err.hidden = false;
      $('error-code').textContent = v.error.code;
      $('error-where').textContent = v.error.file ? v.error.file + (v.error.line ? ' line ' + v.error.line : '') : '';
      $('error-message').textContent = v.error.message;
      $('error-hint').textContent = v.error.hint || '';
    }
    if (changed) showPart();
  }

  let events;
  function connect() {
    events = new EventSource('/events?' + params());
    events.addEventListener('view', (e) => applyView(JSON.parse(e.data)));
    events.addEventListener('open', () => { $('live').textContent = 'live'; });
    events.addEventListener('error', () => { $('live').textContent = 'reconnecting…'; });
  }

  for (const b of document.querySelectorAll('[data-set]')) {
    b.addEventListener('click', () => {
      const key = b.dataset.set;
      if (state[key] === b.dataset.value) return;
      state[key] = b.dataset.value;
      applyToggles();
      history.replaceState(null, '', '?' + pageParams());
      if (key !== 'width') showPart();
    });
  }
  for (const id of ['issue', 'style']) {
    $(id).addEventListener('change', (e) => {
      state[id] = e.target.value;
      location.search = pageParams();
    });
  }

  async function post(path, data) {
    const r = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data || {}) });
    const j = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(j.error || r.status + ' ' + r.statusText);
    return j;
  }
  function act(button, path, data, after) {
    button.disabled = true;
    setStatus(button.textContent.trim() + '…');
    post(path, data)
      .then((j) => { setStatus(j.message || 'done'); if (after) after(j); })
      .catch((e) => setStatus(e.message, true))
      .finally(() => { button.disabled = false; });
  }
  $('recollect').addEventListener('click', (e) => act(e.currentTarget, '/api/recollect'));
  $('recompose').addEventListener('click', (e) => act(e.currentTarget, '/api/recompose', {}, (j) => {
    if (j.issueId) { state.issue = j.issueId; location.search = pageParams(); }
  }));
  $('send').addEventListener('submit', (e) => {
    e.preventDefault();
    act($('send-button'), '/api/send-test', { to: $('to').value, issue: state.issue || state.resolved });
  });

  applyToggles();
  if (state.part === 'text') showPart();
  connect();
})();`;
