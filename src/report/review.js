// Draws the list of changed documents (files or records) from the embedded
// JSON: filtered by rule and path, a page of documents at a time, each
// document's fixes built when opened.
(function () {
  'use strict';
  var PAGE = 50;
  var data = JSON.parse(document.getElementById('data').textContent);
  var rules = data.rules, files = data.files, unit = data.unit || 'file';
  var sel = document.getElementById('rule');
  var search = document.getElementById('search');
  var list = document.getElementById('list');
  var count = document.getElementById('count');
  var pagers = document.querySelectorAll('.pager');
  var state = { rule: '', q: '', page: 0, open: false };
  var NAMES = { ' ': '\u00b7', '\n': '\u21b5', '\r': 'CR', '\t': 'TAB', '\u00a0': 'NBSP', '\u00ad': 'SHY',
    '\u200b': 'ZWSP', '\u200c': 'ZWNJ', '\u200d': 'ZWJ', '\u2060': 'WJ', '\ufeff': 'BOM' };
  var HIDDEN = /[\u0000-\u001f\u007f-\u00a0\u00ad\u0300-\u036f\u061c\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f\u3000\ufe00-\ufe0f\ufeff]/;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function hex(ch) { return 'U+' + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0'); }
  // Text with invisible characters (and, inside a change, spaces) as labels.
  function vis(parent, s, spaces) {
    var buf = '';
    for (var ch of s) {
      if (HIDDEN.test(ch) || (spaces && ch === ' ')) {
        if (buf) { parent.appendChild(document.createTextNode(buf)); buf = ''; }
        var m = el('span', 'mark', NAMES[ch] || hex(ch));
        m.title = hex(ch);
        parent.appendChild(m);
      } else {
        buf += ch;
      }
    }
    if (buf) parent.appendChild(document.createTextNode(buf));
  }
  function side(cls, left, changed, right, tag) {
    var td = el('td', cls + ' ctx');
    vis(td, left, false);
    if (changed) {
      var c = el(tag);
      vis(c, changed, true);
      td.appendChild(c);
    } else {
      var caret = el('span', 'caret', '\u2038');
      caret.title = tag === 'del' ? 'inserted here' : 'deleted here';
      td.appendChild(caret);
    }
    vis(td, right, false);
    return td;
  }
  function fixTable(fixes) {
    var t = el('table', 'fixes');
    var cg = el('colgroup');
    ['pos', 'rule', 'before', 'after'].forEach(function (c) { cg.appendChild(el('col', c)); });
    t.appendChild(cg);
    var head = el('tr');
    ['Line:col', 'Rule', 'Before', 'After'].forEach(function (h) { head.appendChild(el('th', '', h)); });
    t.appendChild(el('thead')).appendChild(head);
    var body = el('tbody');
    fixes.forEach(function (x) {
      var tr = el('tr');
      tr.appendChild(el('td', 'pos', x[1] + ':' + x[2]));
      tr.appendChild(el('td', 'rule', rules[x[0]]));
      tr.appendChild(side('before', x[3], x[4], x[6], 'del'));
      tr.appendChild(side('after', x[3], x[5], x[6], 'ins'));
      body.appendChild(tr);
    });
    t.appendChild(body);
    return t;
  }
  function fileBox(f) {
    var fixes = state.rule ? f.f.filter(function (x) { return rules[x[0]] === state.rule; }) : f.f;
    var d = el('details', 'file');
    var s = el('summary');
    s.appendChild(el('span', 'path', f.p));
    s.appendChild(el('span', 'badge', fixes.length + (fixes.length === 1 ? ' fix' : ' fixes')));
    var per = {};
    fixes.forEach(function (x) { per[rules[x[0]]] = (per[rules[x[0]]] || 0) + 1; });
    var chips = el('span', 'chips');
    Object.keys(per).sort().forEach(function (r) { chips.appendChild(el('span', 'chip', r + ' ' + per[r])); });
    s.appendChild(chips);
    d.appendChild(s);
    d.addEventListener('toggle', function () {
      if (d.open && !d.dataset.built) { d.dataset.built = '1'; d.appendChild(fixTable(fixes)); }
    });
    if (state.open) d.open = true;
    return d;
  }
  function matches(f) {
    if (state.q && f.p.toLowerCase().indexOf(state.q) < 0) return false;
    return !state.rule || f.f.some(function (x) { return rules[x[0]] === state.rule; });
  }
  function drawPager(nav, page, pages) {
    nav.replaceChildren();
    if (pages < 2) return;
    var prev = el('button', '', '\u2039 Previous'), next = el('button', '', 'Next \u203a');
    prev.type = next.type = 'button';
    prev.disabled = page === 0;
    next.disabled = page === pages - 1;
    prev.onclick = function () { go(page - 1); };
    next.onclick = function () { go(page + 1); };
    nav.appendChild(prev);
    nav.appendChild(el('span', '', 'Page ' + (page + 1) + ' of ' + pages));
    nav.appendChild(next);
  }
  function go(p) { state.page = p; render(); document.getElementById('files').scrollIntoView(); }
  function render() {
    var shown = files.filter(matches);
    var pages = Math.max(1, Math.ceil(shown.length / PAGE));
    state.page = Math.max(0, Math.min(state.page, pages - 1));
    count.textContent = shown.length + ' of ' + files.length + ' changed ' + unit + 's' +
      (state.rule ? ' with ' + state.rule : '');
    var frag = document.createDocumentFragment();
    shown.slice(state.page * PAGE, (state.page + 1) * PAGE).forEach(function (f) { frag.appendChild(fileBox(f)); });
    list.replaceChildren(frag);
    pagers.forEach(function (n) { drawPager(n, state.page, pages); });
    document.querySelectorAll('a.rule-link').forEach(function (a) {
      a.classList.toggle('on', a.dataset.rule === state.rule);
    });
  }
  // The hash holds the view (#rule=ID&q=TEXT&page=N&open), so a view can be linked.
  function fromHash() {
    var p = new URLSearchParams(location.hash.slice(1));
    state.rule = rules.indexOf(p.get('rule')) >= 0 ? p.get('rule') : '';
    state.q = (p.get('q') || '').toLowerCase();
    state.page = Math.max(0, (parseInt(p.get('page'), 10) || 1) - 1);
    state.open = p.has('open');
    sel.value = state.rule;
    search.value = p.get('q') || '';
    render();
  }
  function toHash() {
    var p = new URLSearchParams();
    if (state.rule) p.set('rule', state.rule);
    if (state.q) p.set('q', state.q);
    history.replaceState(null, '', '#' + p.toString());
  }
  sel.addEventListener('change', function () { state.rule = sel.value; state.page = 0; toHash(); render(); });
  search.addEventListener('input', function () {
    state.q = search.value.toLowerCase(); state.page = 0; toHash(); render();
  });
  document.getElementById('expand').onclick = function () {
    list.querySelectorAll('details.file').forEach(function (d) { d.open = true; });
  };
  document.getElementById('collapse').onclick = function () {
    list.querySelectorAll('details.file').forEach(function (d) { d.open = false; });
  };
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
