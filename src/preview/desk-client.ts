/**
 * The desk's script: the outline beside the email, with a control for every change an
 * editor makes (move, drag, drop, pin, block, marker, text in place, alternative sentences,
 * pictures, headlines from stored items or links, title and subject), undo and redo. Every
 * change saves the whole draft through /api/draft/save with the version it was read at; the
 * server checks it as `briefing render` does and the page shows the new render. Plain browser
 * JavaScript, inlined with a nonce; it prints only through textContent and form values.
 */
export const DESK_SCRIPT = String.raw`(() => {
  'use strict';
  const desk = document.getElementById('desk');
  if (!desk) return;
  const $ = (id) => document.getElementById(id);
  const issue = document.body.dataset.issue || '';
  let draft = null;
  let rev = '';
  let locked = false;
  let openAlt = '';
  const undo = [];
  const redo = [];
  let chain = Promise.resolve();

  function el(tag, props, kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'value') e.value = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const kid of kids || []) if (kid) e.append(kid);
    return e;
  }
  function status(message, failed) {
    const s = $('desk-status');
    s.textContent = message;
    s.classList.toggle('failed', Boolean(failed));
  }
  const clone = (x) => JSON.parse(JSON.stringify(x));
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  /** Saves started so far; a version check that saw one start ignores what it read. */
  let saves = 0;
  let inFlight = 0;
  async function save(next) {
    saves += 1;
    inFlight += 1;
    try {
      return await post(next);
    } finally {
      inFlight -= 1;
    }
  }
  async function post(next) {
    const r = await fetch('/api/draft/save', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ issue, rev, draft: next }) });
    const j = await r.json().catch(() => ({}));
    if (r.ok) {
      rev = j.rev;
      desk.dataset.rev = rev;
      desk.dataset.saves = String(Number(desk.dataset.saves || 0) + 1);
      return true;
    }
    if (r.status === 409) { lock(j.error || 'the draft changed elsewhere: reload'); return false; }
    const where = j.file ? j.file + (j.line ? ' line ' + j.line : '') + ': ' : '';
    status(where + (j.message || j.error || r.status + ' ' + r.statusText) + (j.hint ? ' (' + j.hint + ')' : ''), true);
    return false;
  }

  function lock(message) {
    locked = true;
    desk.classList.add('locked');
    desk.dataset.conflict = 'true';
    status(message, true);
    $('desk-reload').hidden = false;
    $('desk-reload').focus();
  }

  /** Apply fn to a copy of the draft and save it; the outline follows what was saved. */
  function change(label, fn) {
    if (locked) return chain;
    chain = chain.then(async () => {
      if (!draft || locked) return;
      const before = draft;
      const next = clone(draft);
      fn(next);
      if (same(next, before)) return;
      if (await save(next)) {
        undo.push(before);
        redo.length = 0;
        draft = next;
        status(label + ': saved');
      }
      render();
    }).catch((e) => status(e.message, true));
    return chain;
  }
  function step(from, to, label) {
    if (locked) return;
    chain = chain.then(async () => {
      const target = from.pop();
      if (!target) return;
      if (await save(target)) {
        to.push(draft);
        draft = target;
        status(label);
      } else from.push(target);
      render();
    }).catch((e) => status(e.message, true));
  }

  const pinned = (id) => draft.pins.includes(id);
  function togglePin(d, id) {
    const at = d.pins.indexOf(id);
    if (at >= 0) d.pins.splice(at, 1);
    else d.pins.push(id);
  }
  function block(d, id) { if (!d.blocks.includes(id)) d.blocks.push(id); }
  function move(list, from, to) {
    if (to < 0 || to >= list.length || from === to) return;
    const [x] = list.splice(from, 1);
    list.splice(to, 0, x);
  }
  const listOf = (d, kind) => (kind === 'story' ? d.stories : d.headlines);

  function focusKey() {
    const a = document.activeElement;
    return a && desk.contains(a) ? a.dataset.key || '' : '';
  }

  function textField(key, value, label, onCommit, multiline) {
    const props = { 'data-key': key, 'aria-label': label, value };
    const input = multiline ? el('textarea', { ...props, rows: 1 }) : el('input', { ...props, type: 'text' });
    input.addEventListener('change', () => onCommit(input.value));
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); input.blur(); }
      if (e.key === 'Escape') { input.value = value; input.blur(); }
    });
    return input;
  }

  /** One sentence of a story, editable, with its alternatives on demand. */
  function sentence(i, field, k, text, label) {
    const key = 's' + i + '.' + field + '.' + k;
    const story = draft.stories[i];
    const alts = story.alternatives || [];
    const setText = (value) => change('edited ' + label, (d) => {
      const s = d.stories[i];
      const list = field === 'lead' || field === 'why' ? s[field] : s.sections[Number(field.slice(3))].bullets;
      if (value.trim()) list[k] = value.trim();
      else list.splice(k, 1);
    });
    const area = textField(key, text, label, setText, true);
    const toggle = el('button', { type: 'button', 'data-key': key + '.alts', 'aria-expanded': String(openAlt === key),
      'aria-label': 'other sentences for ' + label, title: 'pick another sentence', disabled: alts.length === 0,
      text: '⇄', onclick: () => { openAlt = openAlt === key ? '' : key; render(); } });
    const row = el('div', { class: 'sentence' }, [area, toggle]);
    if (openAlt !== key || alts.length === 0) return [row];
    const list = el('ul', { class: 'alts', 'aria-label': 'alternatives' }, alts.map((a, n) => el('li', {}, [
      el('button', { type: 'button', 'data-key': key + '.alt.' + n, onclick: () => {
        openAlt = '';
        change('picked another sentence', (d) => {
          const s = d.stories[i];
          const target = field === 'lead' || field === 'why' ? s[field] : s.sections[Number(field.slice(3))].bullets;
          const old = target[k];
          const [picked] = s.alternatives.splice(n, 1);
          target[k] = picked.text;
          const src = s.sources[0];
          if (old && src) s.alternatives.push({ text: old, publisher: src.publisher, url: src.url });
        });
      } }, [el('span', { text: a.text }), el('br'), el('span', { class: 'pub', text: a.publisher })]),
    ])));
    return [row, list];
  }

  function pictureTools(i, s) {
    const box = el('div', { class: 'picture field' }, [el('span', { class: 'k', text: 'Picture' })]);
    const others = s.images || [];
    if (s.image) {
      box.append(el('span', { class: 'url', text: (s.image.alt ? s.image.alt + ' · ' : '') + s.image.url }));
      box.append(el('button', { type: 'button', 'data-key': 's' + i + '.pic.remove', text: 'Remove picture',
        onclick: () => change('removed the picture', (d) => {
          const st = d.stories[i];
          st.images = [st.image, ...(st.images || [])];
          delete st.image;
        }) }));
    } else {
      box.append(el('span', { class: 'url', text: 'none' }));
    }
    if (others.length > 0) {
      const pick = el('select', { 'data-key': 's' + i + '.pic.swap', 'aria-label': s.image ? 'swap the picture' : 'show a picture' },
        [el('option', { value: '', text: s.image ? 'Swap for…' : 'Show a picture…' }),
          ...others.map((p, n) => el('option', { value: String(n), text: (p.publisher ? p.publisher + ': ' : '') + (p.alt || p.url) }))]);
      pick.addEventListener('change', () => {
        if (pick.value === '') return;
        const n = Number(pick.value);
        change(s.image ? 'swapped the picture' : 'added a picture', (d) => {
          const st = d.stories[i];
          const [chosen] = st.images.splice(n, 1);
          if (st.image) st.images.push(st.image);
          st.image = chosen;
          if (st.images.length === 0) delete st.images;
        });
      });
      box.append(pick);
    }
    return box;
  }

  function tools(kind, i, n, id, count) {
    const name = (kind === 'story' ? 'story ' : 'headline ') + n;
    const btn = (text, label, onclick, extra) => el('button', { type: 'button', 'data-key': kind[0] + i + '.' + text,
      'aria-label': label + ' ' + name, text, onclick, ...(extra || {}) });
    return el('div', { class: 'tools' }, [
      el('span', { class: 'num', text: '[' + n + ']', title: 'drag to reorder' }),
      btn('↑', 'move up', () => change('moved ' + name + ' up', (d) => move(listOf(d, kind), i, i - 1)), { disabled: i === 0 }),
      btn('↓', 'move down', () => change('moved ' + name + ' down', (d) => move(listOf(d, kind), i, i + 1)), { disabled: i === count - 1 }),
      btn('Drop', 'drop', () => change('dropped ' + name, (d) => listOf(d, kind).splice(i, 1))),
      btn('Pin', 'pin for next time', () => change((pinned(id) ? 'unpinned ' : 'pinned ') + name, (d) => togglePin(d, id)),
        { 'aria-pressed': String(pinned(id)) }),
      btn('Block', 'block the topic of', () => change('blocked ' + name, (d) => { block(d, id); listOf(d, kind).splice(i, 1); })),
    ]);
  }

  function card(kind, i, children) {
    const li = el('li', { class: 'card', draggable: 'true', 'data-kind': kind, 'data-index': String(i) }, children);
    li.addEventListener('dragstart', (e) => {
      if (e.target !== li) return;
      e.dataTransfer.setData('text/plain', kind + ':' + i);
      e.dataTransfer.effectAllowed = 'move';
      li.classList.add('dragging');
    });
    li.addEventListener('dragend', () => li.classList.remove('dragging'));
    li.addEventListener('dragover', (e) => { e.preventDefault(); li.classList.add('drop-target'); });
    li.addEventListener('dragleave', () => li.classList.remove('drop-target'));
    li.addEventListener('drop', (e) => {
      e.preventDefault();
      li.classList.remove('drop-target');
      const [k, from] = (e.dataTransfer.getData('text/plain') || '').split(':');
      if (k !== kind) return;
      change('moved ' + kind, (d) => move(listOf(d, kind), Number(from), i));
    });
    li.addEventListener('keydown', (e) => {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      e.preventDefault();
      change('moved ' + kind, (d) => move(listOf(d, kind), i, e.key === 'ArrowUp' ? i - 1 : i + 1));
    });
    return li;
  }

  function storyCard(s, i) {
    const n = i + 1;
    const kids = [
      tools('story', i, n, s.topicId, draft.stories.length),
      el('div', { class: 'field' }, [el('span', { class: 'k', text: 'Headline' }),
        textField('s' + i + '.headline', s.headline, 'headline of story ' + n, (v) => change('edited the headline', (d) => { d.stories[i].headline = v; }), true)]),
      el('div', { class: 'row' }, [el('button', { type: 'button', 'data-key': 's' + i + '.marker',
        'aria-label': 'switch the marker of story ' + n, text: 'Marker ' + s.marker,
        onclick: () => change('switched the marker', (d) => { d.stories[i].marker = d.stories[i].marker === '💡' ? '🖊️' : '💡'; }) })]),
      pictureTools(i, s),
      el('div', { class: 'field' }, [el('span', { class: 'k', text: 'Lead' }),
        ...s.lead.flatMap((t, k) => sentence(i, 'lead', k, t, 'lead sentence ' + (k + 1) + ' of story ' + n))]),
      el('div', { class: 'field' }, [el('span', { class: 'k', text: 'Why it matters' }),
        ...s.why.flatMap((t, k) => sentence(i, 'why', k, t, 'bullet ' + (k + 1) + ' of story ' + n))]),
      ...s.sections.map((sec, j) => el('div', { class: 'field' }, [
        textField('s' + i + '.sec' + j + '.heading', sec.heading, 'section heading ' + (j + 1) + ' of story ' + n,
          (v) => change('edited a section heading', (d) => { d.stories[i].sections[j].heading = v; }), false),
        ...sec.bullets.flatMap((t, k) => sentence(i, 'sec' + j, k, t, 'section ' + (j + 1) + ' bullet ' + (k + 1) + ' of story ' + n)),
      ])),
    ];
    return card('story', i, kids);
  }

  function headlineCard(h, i) {
    const n = draft.stories.length + i + 1;
    return card('headline', i, [
      tools('headline', i, n, h.topicId, draft.headlines.length),
      textField('h' + i + '.text', h.text, 'text of headline ' + n, (v) => change('edited a headline', (d) => { d.headlines[i].text = v; }), true),
      el('div', { class: 'picture' }, [el('span', { class: 'url', text: h.publisher + ' · ' + h.url })]),
    ]);
  }

  function render() {
    if (!draft) return;
    const keep = focusKey();
    $('d-title').value = draft.title;
    $('d-subject').value = draft.subject || '';
    $('stories').replaceChildren(...draft.stories.map(storyCard));
    $('headlines').replaceChildren(...draft.headlines.map(headlineCard));
    $('undo').disabled = locked || undo.length === 0;
    $('redo').disabled = locked || redo.length === 0;
    if (keep) {
      const again = desk.querySelector('[data-key="' + CSS.escape(keep) + '"]');
      if (again && !again.disabled) again.focus();
    }
  }

  function hash(s) {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
    return (h >>> 0).toString(36);
  }
  function addHeadline(entry) {
    change('added a headline', (d) => { d.headlines.push(entry); });
  }
  async function find(q) {
    const list = $('found');
    list.replaceChildren();
    if (!q.trim()) return;
    const r = await fetch('/api/items?q=' + encodeURIComponent(q));
    const j = await r.json().catch(() => ({}));
    if (!r.ok) { status(j.error || 'search failed', true); return; }
    for (const it of j.items) {
      list.append(el('li', {}, [el('span', { text: it.title + ' · ' + it.publisher + ' · ' + it.publishedAt.slice(0, 10) }),
        el('button', { type: 'button', text: 'Add', 'aria-label': 'add as headline: ' + it.title,
          onclick: () => addHeadline({ topicId: 'item-' + it.id, text: it.title, url: it.url, publisher: it.publisher }) })]));
    }
    if (j.items.length === 0 && j.url) {
      const u = new URL(j.url);
      const text = el('input', { type: 'text', 'aria-label': 'headline text for the link', placeholder: 'one sentence for this link' });
      list.append(el('li', {}, [text, el('button', { type: 'button', text: 'Add link', onclick: () => {
        if (!text.value.trim()) { status('write the headline text for the link first', true); text.focus(); return; }
        addHeadline({ topicId: 'link-' + hash(j.url), text: text.value.trim(), url: j.url, publisher: u.hostname.replace(/^www\./, '') });
      } })]));
    } else if (j.items.length === 0) {
      list.append(el('li', { text: 'no stored item has these words' }));
    }
  }

  $('d-title').addEventListener('change', (e) => { const v = e.target.value; change('changed the title', (d) => {
    // A subject that only repeated the title follows it.
    if (d.subject === d.title) d.subject = v;
    d.title = v;
  }); });
  $('d-subject').addEventListener('change', (e) => { const v = e.target.value; change('changed the subject', (d) => { d.subject = v; }); });
  for (const id of ['d-title', 'd-subject']) $(id).addEventListener('keydown', (e) => { if (e.key === 'Enter') e.target.blur(); });
  $('undo').addEventListener('click', () => step(undo, redo, 'undone'));
  $('redo').addEventListener('click', () => step(redo, undo, 'redone'));
  $('desk-reload').addEventListener('click', () => location.reload());
  $('find').addEventListener('submit', (e) => { e.preventDefault(); find($('find-q').value).catch((err) => status(err.message, true)); });
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' && e.key.toLowerCase() !== 'y') return;
    e.preventDefault();
    if (e.key.toLowerCase() === 'y' || e.shiftKey) step(redo, undo, 'redone');
    else step(undo, redo, 'undone');
  });

  /** The desk field that holds a text of the email: a double click on the email jumps to it. */
  function fieldFor(text) {
    const t = text.replace(/\s+/g, ' ').trim();
    if (!t || !draft) return undefined;
    const fields = [];
    draft.stories.forEach((s, i) => {
      fields.push(['s' + i + '.headline', s.headline]);
      s.lead.forEach((x, k) => fields.push(['s' + i + '.lead.' + k, x]));
      s.why.forEach((x, k) => fields.push(['s' + i + '.why.' + k, x]));
      s.sections.forEach((sec, j) => {
        fields.push(['s' + i + '.sec' + j + '.heading', sec.heading]);
        sec.bullets.forEach((x, k) => fields.push(['s' + i + '.sec' + j + '.' + k, x]));
      });
    });
    draft.headlines.forEach((h, i) => fields.push(['h' + i + '.text', h.text]));
    // The longest field the clicked text contains (a lead paragraph holds several sentences).
    let best;
    for (const [key, value] of fields) {
      if (value && t.includes(value.trim()) && (!best || value.length > best[1].length)) best = [key, value];
    }
    return best ? best[0] : undefined;
  }
  const frame = document.getElementById('frame');
  function attach() {
    let doc;
    try { doc = frame.contentDocument; } catch (e) { return; }
    if (!doc || doc.__desk) return;
    doc.__desk = true;
    doc.addEventListener('dblclick', (e) => {
      const target = e.target && e.target.closest ? e.target.closest('p, li, h1, h2, h3, td, div') : null;
      const key = target ? fieldFor(target.textContent || '') : undefined;
      if (!key) return;
      e.preventDefault();
      const field = desk.querySelector('[data-key="' + CSS.escape(key) + '"]');
      if (!field) return;
      field.scrollIntoView({ block: 'center' });
      field.focus();
      if (field.select) field.select();
    });
  }
  frame.addEventListener('load', attach);
  attach();

  /**
   * When the page is told the issue changed (a save here, in another tab, or the file saved by an
   * editor), the draft's version is read again: a version this page did not write locks the desk.
   */
  async function checkVersion() {
    if (locked || !rev || inFlight > 0) return;
    const seen = saves;
    const r = await fetch('/api/draft' + (issue ? '?issue=' + encodeURIComponent(issue) : ''));
    const j = await r.json().catch(() => ({}));
    if (!r.ok || locked || inFlight > 0 || seen !== saves) return;
    if (j.rev && j.rev !== rev) {
      lock('the draft was changed since this page read it (in another tab or an editor): reload to see that version, then edit again');
    }
  }
  const updates = new EventSource('/events' + (issue ? '?issue=' + encodeURIComponent(issue) : ''));
  updates.addEventListener('view', () => { checkVersion().catch(() => undefined); });

  fetch('/api/draft' + (issue ? '?issue=' + encodeURIComponent(issue) : ''))
    .then(async (r) => {
      const j = await r.json().catch(() => ({}));
      if (!r.ok) throw new Error(j.error || 'cannot read the draft');
      draft = j.draft;
      rev = j.rev;
      desk.dataset.rev = rev;
      render();
      desk.dataset.ready = 'true';
    })
    .catch((e) => status(e.message, true));
})();`;
