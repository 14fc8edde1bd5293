// tqa review: keyboard triage and decisions without page reloads. Plain browser JavaScript, loaded from /static
// (the Content-Security-Policy forbids inline scripts). Without it the page still works through plain forms.
(function () {
  'use strict';

  var root = document.documentElement;
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';

  // Confirmation for bulk actions (works on every page).
  document.querySelectorAll('[data-confirm]').forEach(function (b) {
    b.addEventListener('click', function (ev) {
      if (!window.confirm(b.getAttribute('data-confirm'))) ev.preventDefault();
    });
  });

  var main = document.querySelector('main.doc');
  if (!main) {
    root.setAttribute('data-js', 'ready');
    return;
  }

  var text = document.getElementById('text');
  var help = document.getElementById('help');
  var filters = document.getElementById('filters');
  var decideUrl = main.getAttribute('data-decide');
  var annotateUrl = main.getAttribute('data-annotate');
  // A rater view: the rater's own (decisions go there) or another's (read-only).
  var raterView = main.getAttribute('data-rater') || '';
  var readOnly = main.getAttribute('data-readonly') === '1';
  var READ_ONLY = "This is " + raterView + "'s view (read-only): choose your own view or the merged one to decide.";
  var $ = function (id) { return document.getElementById(id); };

  // One navigable element per finding: the first in document order (the MT side in the side-by-side layout).
  var items = [];
  var byN = Object.create(null);
  text.querySelectorAll('.f[data-n]').forEach(function (el) {
    var n = el.getAttribute('data-n');
    if (byN[n]) { byN[n].push(el); return; }
    byN[n] = [el];
    items.push(el);
  });
  var current = -1;
  if (items[0]) items[0].tabIndex = 0;

  function twins(el) { return byN[el.getAttribute('data-n')] || [el]; }

  function select(i, opts) {
    if (i < 0 || i >= items.length) return;
    if (current >= 0 && items[current]) {
      items[current].tabIndex = -1;
      twins(items[current]).forEach(function (e) { e.classList.remove('current'); });
    }
    current = i;
    var el = items[i];
    el.tabIndex = 0;
    twins(el).forEach(function (e) { e.classList.add('current'); });
    if (!opts || opts.focus !== false) el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    fill(el);
    openPanel();
  }

  function fill(el) {
    var d = el.dataset;
    var ecat = d.ecat || d.cat;
    var esev = d.esev || d.sev;
    // The MT text is the element's own text, except for a caret (nothing) and an inserted correction.
    var mt = d.mt !== undefined ? d.mt : el.classList.contains('caret') ? '' : el.textContent;
    var lc = (d.lc || ':').split(':');
    $('p-empty').hidden = true;
    $('p-body').hidden = false;
    $('p-pos').textContent = (current + 1) + ' of ' + items.length + ' on this page';
    $('p-id').value = d.id;
    $('p-cat').textContent = d.cat;
    $('p-ecat').textContent = ecat !== d.cat ? '(found as ' + ecat + ')' : '';
    $('p-swatch').className = 'swatch ' + catClass(el);
    $('p-type').textContent = d.type;
    $('p-sev').textContent = d.sev;
    $('p-esev').textContent = esev !== d.sev ? '(found as ' + esev + ')' : '';
    $('p-rule').textContent = d.rule;
    $('p-msg').textContent = d.msg;
    $('p-mt').textContent = mt;
    $('p-mt-none').hidden = mt !== '' || d.src === '1';
    $('p-mt-label').textContent = d.src === '1' ? 'Source' : 'MT';
    $('btn-remove').hidden = d.added !== '1';
    $('add').hidden = true;
    $('edit').hidden = true;
    $('p-fix').textContent = d.nofix === '1' ? '(none given)' : d.fix === '' ? '∅ (delete)' : d.fix;
    $('p-where').textContent = (d.src === '1' ? 'source issue (no penalty to the MT) · source ' : '') + 'line ' + lc[0] + ', column ' + lc[1] + (d.src === '1' ? '' : ' · ' + d.op) + (d.added === '1' ? ' · marked by hand' : '');
    $('p-decision').textContent = d.status === 'open' && !d.reviewer ? 'open' : (d.added === '1' && d.status === 'accepted' ? 'added' : d.status) + ' by ' + d.reviewer + (d.at ? ' · ' + d.at.replace('T', ' ').slice(0, 19) : '');
    $('p-decision').className = 'decision-' + d.status;
    $('p-set-cat').value = d.cat === ecat ? '' : d.cat;
    $('p-set-sev').value = d.sev === esev ? '' : d.sev;
    $('p-comment').value = d.comment || '';
    $('p-votes').textContent = (d.votes || 'nobody yet') + (d.resolved ? ' · resolved by ' + d.resolved : '');
    $('p-votes').hidden = $('p-votes-label').hidden = raterView !== '';
  }

  function catClass(el) {
    for (var i = 0; i < el.classList.length; i++) if (el.classList[i].indexOf('cat-') === 0) return el.classList[i];
    return '';
  }

  function refuse() {
    openPanel();
    if (current >= 0) { say(READ_ONLY, true); return; }
    $('p-empty').textContent = READ_ONLY;
    $('p-empty').hidden = false;
  }

  function say(msg, bad) {
    var s = $('p-status');
    s.textContent = msg;
    s.className = 'status' + (bad ? ' bad' : '');
  }

  function decide(action, value, then) {
    if (current < 0) { say('Select a finding first (j).', true); return; }
    if (readOnly) { say(READ_ONLY, true); return; }
    var el = items[current];
    var id = el.dataset.id;
    var body = JSON.stringify({ findingId: id, action: action, value: value === undefined ? '' : value, rater: raterView });
    fetch(decideUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf },
      body: body,
      credentials: 'same-origin',
    })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
      .then(function (res) {
        if (!res.ok) { say(res.j.error || 'The decision was not saved.', true); return; }
        update(id, res.j);
        var r = res.j.replaced;
        var settled = res.j.resolved;
        say(settled ? 'Saved as your own rating; ' + settled.by + "'s resolution (" + settled.status + ') stays the final decision'
          : label(res.j.finding) + ' — saved' + (r ? ' (replaces ' + r.status + ' by ' + r.reviewer + ')' : ''));
        if (then) then();
      })
      .catch(function () { say('The server did not answer; the decision was not saved.', true); });
  }

  function label(f) {
    if (f.status === 'accepted') return 'Accepted by ' + f.reviewer;
    if (f.status === 'rejected') return 'Rejected by ' + f.reviewer;
    return 'Open (reopened by ' + f.reviewer + ')';
  }

  // Applies the server's view of a finding to every element that shows it, and the recomputed score.
  function update(id, res) {
    var f = res.finding;
    text.querySelectorAll('.f[data-id]').forEach(function (el) {
      if (el.dataset.id !== id) return;
      var old = catClass(el);
      if (old) el.classList.remove(old);
      el.classList.add(f.catClass);
      ['open', 'accepted', 'rejected'].forEach(function (s) { el.classList.toggle('st-' + s, s === f.status); });
      ['neutral', 'minor', 'major', 'critical'].forEach(function (s) { el.classList.toggle('sev-' + s, s === f.severity); });
      el.dataset.status = f.status;
      el.dataset.cat = f.category;
      el.dataset.sev = f.severity;
      el.dataset.ecat = f.engineCategory;
      el.dataset.esev = f.engineSeverity;
      el.dataset.reviewer = f.reviewer;
      el.dataset.at = f.at;
      el.dataset.comment = f.comment;
      if (f.votes) el.dataset.votes = f.votes; else delete el.dataset.votes;
      el.classList.toggle('disputed', !!f.disputed);
      el.setAttribute('aria-label', f.category + ', ' + f.severity + ': ' + f.tip);
    });
    $('score').textContent = res.score.score;
    $('verdict').textContent = res.score.pass ? 'pass' : 'fail';
    $('verdict').className = 'verdict ' + (res.score.pass ? 'pass' : 'fail');
    $('penalty').textContent = res.score.penalty;
    $('decided').textContent = res.progress.decided;
    $('total').textContent = res.progress.total;
    $('accepted').textContent = res.progress.accepted;
    $('rejected').textContent = res.progress.rejected;
    if (current >= 0) fill(items[current]);
  }

  function next() {
    if (current < items.length - 1) return select(current + 1);
    var link = document.querySelector('.pager a[rel="next"]');
    if (link) window.location.href = link.href + '#first';
  }
  function prev() {
    if (current > 0) return select(current - 1);
    if (current === -1 && items.length) return select(items.length - 1);
    var link = document.querySelector('.pager a[rel="prev"]');
    if (link) window.location.href = link.href + '#last';
  }

  text.addEventListener('click', function (ev) {
    var el = ev.target.closest ? ev.target.closest('.f[data-n]') : null;
    if (!el) return;
    var i = items.indexOf(byN[el.getAttribute('data-n')][0]);
    if (i >= 0) select(i);
  });
  text.addEventListener('focusin', function (ev) {
    var el = ev.target;
    if (!el.classList || !el.classList.contains('f')) return;
    var i = items.indexOf(el);
    if (i >= 0 && i !== current) select(i, { focus: false });
  });

  // The decision form: buttons and selects go through fetch (the form posts normally when scripts are off).
  $('decide').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var action = ev.submitter ? ev.submitter.value : 'accept';
    decide(action);
  });
  // Selects that act on change (decision pickers, filters): a mouse choice applies at once; with the keyboard
  // (c, s, / then arrows) it applies on Enter or when leaving the select, and Esc reverts it, so that arrowing
  // through the options does not file a decision or reload the page per step.
  function picker(sel, apply, after) {
    var viaKeys = false;
    var was = sel.value;
    function commit() {
      viaKeys = false;
      if (sel.value === was) return;
      was = sel.value;
      apply(sel.value);
    }
    sel.addEventListener('focus', function () { was = sel.value; viaKeys = false; });
    sel.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        commit();
        if (after) after();
      } else if (ev.key === 'Escape') {
        sel.value = was;
        viaKeys = false;
      } else if (ev.key !== 'Tab' && ev.key !== 'Shift') {
        viaKeys = true;
      }
    });
    sel.addEventListener('change', function () { if (!viaKeys) commit(); });
    sel.addEventListener('blur', function () { if (viaKeys) commit(); });
  }
  ['p-set-cat', 'p-set-sev'].forEach(function (id) {
    var sel = $(id);
    picker(sel, function (v) { decide(sel.getAttribute('data-action'), v); }, function () { if (current >= 0) items[current].focus(); });
  });
  $('btn-comment').addEventListener('click', function () { decide('comment', $('p-comment').value); });

  filters.querySelectorAll('select').forEach(function (sel) {
    picker(sel, function () { filters.requestSubmit(); });
  });
  var raterSelect = $('rater-select');
  if (raterSelect) picker(raterSelect, function () { $('rater-form').requestSubmit(); });

  $('help-button').addEventListener('click', function () { help.showModal(); });

  // Marking an error tqa missed (Anthea-style): the last selection inside one segment of the text, as offsets
  // into that segment's own text (carets ‸ and inserted corrections are not part of it).
  var picked = null;
  var SEG = '.seg.mt, .seg.diff, .seg.src';
  function segOf(node) {
    var el = node && (node.nodeType === 1 ? node : node.parentElement);
    el = el && el.closest ? el.closest(SEG) : null;
    return el && text.contains(el) ? el : null;
  }
  function offsetIn(seg, node, off) {
    var r = document.createRange();
    r.setStart(seg, 0);
    r.setEnd(node, off);
    var frag = r.cloneContents();
    frag.querySelectorAll('.caret, ins').forEach(function (e) { e.remove(); });
    return frag.textContent.length;
  }
  document.addEventListener('selectionchange', function () {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0) return;
    var r = sel.getRangeAt(0);
    var seg = segOf(r.startContainer);
    if (!seg || seg !== segOf(r.endContainer)) return;
    var a = offsetIn(seg, r.startContainer, r.startOffset);
    var b = offsetIn(seg, r.endContainer, r.endOffset);
    picked = { seg: seg, start: Math.min(a, b), end: Math.max(a, b), text: r.toString() };
  });
  function openAdd() {
    if (readOnly) { refuse(); return; }
    var form = $('add');
    $('p-empty').hidden = true;
    $('p-body').hidden = true;
    $('edit').hidden = true;
    form.hidden = false;
    openPanel();
    $('add-status').textContent = '';
    if (!picked) {
      $('add-where').textContent = 'First select words in the MT, click where text is missing, or select source words (a source issue); then press n again.';
      $('add-save').disabled = true;
      return;
    }
    var src = picked.seg.classList.contains('src');
    var row = picked.seg.closest('.row');
    var empty = picked.start === picked.end;
    $('add-save').disabled = src && empty;
    $('add-side').value = src ? 'source' : 'mt';
    $('add-segment').value = row.getAttribute('data-seg');
    $('add-start').value = picked.start;
    $('add-end').value = picked.end;
    $('add-sev-field').hidden = src;
    $('add-where').textContent = 'Line ' + row.querySelector('.ln').textContent + ': ' +
      (src ? (empty ? 'select the source words the issue is about.' : 'source issue (no penalty to the MT) on “' + picked.text + '”')
        : empty ? 'text is missing at this point' : '“' + picked.text + '”');
    $('add-cat').focus();
  }
  if ($('btn-add')) $('btn-add').addEventListener('click', openAdd);
  $('add-cancel').addEventListener('click', function () {
    $('add').hidden = true;
    if (current >= 0) fill(items[current]); else $('p-empty').hidden = false;
  });
  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); });
  }
  $('add').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var body = {};
    ['side', 'segment', 'start', 'end'].forEach(function (k) { body[k] = $('add-' + k).value; });
    body.category = $('add-cat').value;
    body.severity = $('add-sev').value;
    body.correction = $('add-fix').value;
    body.comment = $('add-comment').value;
    post(annotateUrl, body)
      .then(function (res) {
        if (!res.ok) { $('add-status').textContent = res.j.error || 'Not saved.'; $('add-status').className = 'status bad'; return; }
        // The new finding is drawn by the server: reload this page (filters and page kept) and select it.
        window.location.hash = 'f-' + res.j.added;
        window.location.reload();
      })
      .catch(function () { $('add-status').textContent = 'The server did not answer; nothing was saved.'; $('add-status').className = 'status bad'; });
  });
  $('btn-remove').addEventListener('click', function () {
    if (current < 0) return;
    var id = items[current].dataset.id;
    if (!window.confirm('Remove this error you marked? It stays in the history.')) return;
    post(annotateUrl.replace(/annotate$/, 'annotations/' + encodeURIComponent(id) + '/remove'), {})
      .then(function (res) {
        if (!res.ok) { say(res.j.error || 'Not removed.', true); return; }
        window.location.hash = '';
        window.location.reload();
      });
  });
  $('p-comment').addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); decide('comment', $('p-comment').value); }
  });

  // Editing a segment's correction in place: the segment of the selection, else of the current finding.
  function editRow() {
    if (picked && picked.seg.closest('.row')) return picked.seg.closest('.row');
    return current >= 0 ? items[current].closest('.row') : null;
  }
  function openEdit() {
    if (readOnly) { refuse(); return; }
    var row = editRow();
    $('p-empty').hidden = true;
    $('p-body').hidden = true;
    $('add').hidden = true;
    $('edit').hidden = false;
    openPanel();
    $('edit-status').textContent = '';
    if (!row) { $('edit-where').textContent = '… (select a finding or words of a segment first)'; $('edit-save').disabled = true; return; }
    $('edit-save').disabled = false;
    $('edit-segment').value = row.getAttribute('data-seg');
    $('edit-where').textContent = 'line ' + row.querySelector('.ln').textContent;
    $('edit-text').value = row.querySelector('.corr-text').textContent;
    $('edit-text').focus();
  }
  if ($('btn-edit')) $('btn-edit').addEventListener('click', openEdit);
  $('edit-cancel').addEventListener('click', function () {
    $('edit').hidden = true;
    if (current >= 0) fill(items[current]); else $('p-empty').hidden = false;
  });
  $('edit').addEventListener('submit', function (ev) {
    ev.preventDefault();
    $('edit-save').disabled = true;
    $('edit-status').textContent = 'Saving and re-auditing…';
    $('edit-status').className = 'status';
    post(main.getAttribute('data-correction'), { segment: $('edit-segment').value, text: $('edit-text').value })
      .then(function (res) {
        $('edit-save').disabled = false;
        if (!res.ok) { $('edit-status').textContent = res.j.error || 'Not saved.'; $('edit-status').className = 'status bad'; return; }
        window.location.hash = '';
        window.location.reload();
      })
      .catch(function () { $('edit-save').disabled = false; $('edit-status').textContent = 'The server did not answer; nothing was saved.'; $('edit-status').className = 'status bad'; });
  });

  // On a small screen the panel is a bottom sheet: opened by a tap on a finding, closed with ✕ or Esc.
  function openPanel() {
    main.classList.add('sheet-open');
    // Keep the selected span visible above the sheet (the sheet is fixed only on small screens).
    var panel = $('panel');
    if (current < 0 || window.getComputedStyle(panel).position !== 'fixed') return;
    var r = items[current].getBoundingClientRect();
    var top = panel.getBoundingClientRect().top;
    if (r.bottom > top - 8) window.scrollBy(0, r.bottom - top + 24);
    else if (r.top < 0) window.scrollBy(0, r.top - 24);
  }
  $('p-close').addEventListener('click', function () { main.classList.remove('sheet-open'); });

  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    var typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
    if (ev.key === 'Escape') {
      if (help.open) return; // the dialog closes itself
      if (typing && current >= 0) { ev.preventDefault(); items[current].focus(); }
      else if (!typing) main.classList.remove('sheet-open');
      return;
    }
    if (typing || help.open) return;
    switch (ev.key) {
      case 'j': ev.preventDefault(); next(); break;
      case 'k': ev.preventDefault(); prev(); break;
      case 'a': ev.preventDefault(); decide('accept', '', next); break;
      case 'r': ev.preventDefault(); decide('reject', '', next); break;
      case 'u': ev.preventDefault(); decide('reopen'); break;
      case 'm': if (current >= 0) { ev.preventDefault(); $('p-comment').focus(); } break;
      case 'n': ev.preventDefault(); openAdd(); break;
      case 'e': ev.preventDefault(); openEdit(); break;
      case 'f': ev.preventDefault(); $('find-q').focus(); break;
      case 'g': ev.preventDefault(); $('find-seg').focus(); break;
      case 'c': if (current >= 0) { ev.preventDefault(); $('p-set-cat').focus(); } break;
      case 's': if (current >= 0) { ev.preventDefault(); $('p-set-sev').focus(); } break;
      case '/': ev.preventDefault(); $('filter-category').focus(); break;
      case '?': ev.preventDefault(); help.showModal(); break;
      default: break;
    }
  });

  // A jump to a segment: scroll to its row and select its first finding.
  var jumpTo = main.getAttribute('data-jump');
  var jumpRow = jumpTo ? $('seg-' + jumpTo) : null;
  if (jumpRow) {
    jumpRow.classList.add('jumped');
    jumpRow.scrollIntoView({ block: 'center' });
    var first = jumpRow.querySelector('.f[data-n]');
    if (first) select(items.indexOf(byN[first.getAttribute('data-n')][0]), { focus: false });
  }
    var wanted = /^#f-(.+)$/.exec(window.location.hash);
  var at = wanted ? items.findIndex(function (el) { return el.dataset.id === decodeURIComponent(wanted[1]); }) : -1;
  if (at >= 0) select(at);
  else if (window.location.hash === '#first' && items.length) select(0);
  else if (window.location.hash === '#last' && items.length) select(items.length - 1);

  root.setAttribute('data-js', 'ready');
  if (window.performance && performance.mark) performance.mark('tqa-ready'); // read by bench/web.ts
})();
