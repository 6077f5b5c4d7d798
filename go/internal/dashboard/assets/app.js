// Orchestrator dashboard: filter and sort, actions with confirmation, the
// edit form, and live updates from /api/v1/events. No inline script: the
// CSP allows this file only.
'use strict';
(function () {
  var csrf = document.querySelector('meta[name="csrf-token"]').content;

  function api(method, url, body) {
    var opt = { method: method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
    if (method !== 'GET') { opt.headers['X-CSRF-Token'] = csrf; }
    if (body !== undefined) { opt.headers['Content-Type'] = 'application/json'; opt.body = JSON.stringify(body); }
    return fetch(url, opt).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) { return { ok: r.ok, status: r.status, json: j }; });
    });
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function showResult(text, failed) {
    var box = document.getElementById('action-result');
    box.textContent = text;
    box.className = failed ? 'failed' : 'ok';
    box.setAttribute('data-outcome', failed ? 'error' : 'ok');
    box.hidden = false;
  }

  function errorText(j) {
    var e = (j && j.error) || {};
    var s = (e.code || 'Error') + ': ' + (e.message || 'the request failed');
    if (e.fix) { s += ' Fix: ' + e.fix; }
    return s;
  }

  function ask(text) {
    var box = document.getElementById('confirm');
    document.getElementById('confirm-text').textContent = text;
    box.hidden = false;
    return new Promise(function (resolve) {
      function done(v) { box.hidden = true; yes.onclick = null; no.onclick = null; resolve(v); }
      var yes = document.getElementById('confirm-yes'), no = document.getElementById('confirm-no');
      yes.onclick = function () { done(true); };
      no.onclick = function () { done(false); };
    });
  }

  function fmt(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    if (isNaN(d)) { return ''; }
    function p(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + ' ' + p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds());
  }

  function elapsed(since) {
    var s = Math.max(0, Math.round((Date.now() - new Date(since).getTime()) / 1000));
    if (s < 60) { return s + 's'; }
    if (s < 3600) { return Math.floor(s / 60) + 'm' + (s % 60) + 's'; }
    return Math.floor(s / 3600) + 'h' + Math.floor((s % 3600) / 60) + 'm';
  }

  function setStatus(span, t) {
    var st = t.Running ? 'RUNNING' : (t.LastStatus || '');
    span.className = 'status s-' + st.toLowerCase();
    span.setAttribute('data-since', t.Running && t.RunningSince ? t.RunningSince : '');
    span.textContent = st;
  }

  // Running tasks show their elapsed time, counted here between events.
  setInterval(function () {
    document.querySelectorAll('[data-testid="task-status"][data-since]').forEach(function (s) {
      var since = s.getAttribute('data-since');
      if (since) { s.textContent = 'RUNNING ' + elapsed(since); }
    });
  }, 1000);

  // ---- task list ----
  function rowFor(t) {
    var tr = el('tr', { 'data-testid': 'task-row', 'data-task': t.Name, 'data-running': String(!!t.Running) });
    var name = el('td', { 'data-col': 'name' });
    name.appendChild(el('a', { href: '/tasks/' + encodeURIComponent(t.Name) }, t.Name));
    if (t.Description) { name.appendChild(el('div', { 'class': 'desc' }, t.Description)); }
    tr.appendChild(name);
    tr.appendChild(el('td', { 'data-col': 'enabled' }, t.Enabled ? 'yes' : 'no'));
    var sched = el('td', { 'data-col': 'schedule', title: t.Cron || '' }, t.Schedule);
    if (t.ScheduleText && t.ScheduleText !== t.Schedule) { sched.appendChild(el('div', { 'class': 'desc' }, t.ScheduleText)); }
    tr.appendChild(sched);
    var st = el('td', { 'data-col': 'status' });
    var span = el('span', { 'data-testid': 'task-status' });
    setStatus(span, t);
    st.appendChild(span);
    var reason = (t.LastResult && t.LastResult.Reason) || t.Error;
    if (reason) { st.appendChild(el('div', { 'class': 'reason' }, reason)); }
    tr.appendChild(st);
    tr.appendChild(el('td', { 'data-col': 'last', 'data-value': t.LastRunTime || '' }, fmt(t.LastRunTime)));
    tr.appendChild(el('td', { 'data-col': 'next', 'data-value': t.NextRunTime || '' }, fmt(t.NextRunTime)));
    tr.appendChild(el('td', { 'data-col': 'drift' }, (t.Drift || []).join(', ')));
    tr.appendChild(el('td', { 'data-col': 'state' }, t.State || ''));
    return tr;
  }

  function applyFilter() {
    var f = document.getElementById('task-filter');
    if (!f) { return; }
    var q = f.value.trim().toLowerCase(), shown = 0, rows = document.querySelectorAll('[data-testid="task-row"]');
    rows.forEach(function (r) {
      var hit = !q || r.textContent.toLowerCase().indexOf(q) >= 0;
      r.hidden = !hit;
      if (hit) { shown++; }
    });
    document.getElementById('task-count').textContent = shown + ' of ' + rows.length + ' tasks';
  }

  var sortKey = null, sortDir = 1;
  function cellValue(r, key) {
    var c = r.querySelector('[data-col="' + key + '"]');
    return c ? (c.getAttribute('data-value') || c.textContent).trim().toLowerCase() : '';
  }
  function applySort() {
    if (!sortKey) { return; }
    var body = document.querySelector('#task-list tbody');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) { var x = cellValue(a, sortKey), y = cellValue(b, sortKey); return x < y ? -sortDir : x > y ? sortDir : 0; });
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(r); });
    body.appendChild(frag);
  }

  function reloadList() {
    return api('GET', '/api/v1/tasks').then(function (r) {
      if (!r.ok) { return; }
      var body = document.querySelector('#task-list tbody');
      var frag = document.createDocumentFragment();
      r.json.forEach(function (t) { frag.appendChild(rowFor(t)); });
      body.textContent = '';
      body.appendChild(frag);
      applySort();
      applyFilter();
    });
  }

  function updateRow(name) {
    if (!document.querySelector('[data-testid="task-row"][data-task="' + CSS.escape(name) + '"]')) { return reloadList(); }
    return api('GET', '/api/v1/tasks/' + encodeURIComponent(name)).then(function (r) {
      if (!r.ok) { return reloadList(); }
      var old = document.querySelector('[data-testid="task-row"][data-task="' + CSS.escape(name) + '"]');
      var row = rowFor(r.json);
      if (old) { row.hidden = old.hidden; old.replaceWith(row); } else { reloadList(); }
    });
  }

  function initList() {
    var f = document.getElementById('task-filter');
    f.addEventListener('input', applyFilter);
    document.querySelectorAll('#task-list th[data-sort]').forEach(function (th) {
      th.addEventListener('click', function () {
        var k = th.getAttribute('data-sort');
        sortDir = (sortKey === k) ? -sortDir : 1;
        sortKey = k;
        document.querySelectorAll('#task-list th').forEach(function (h) { h.classList.remove('asc', 'desc'); });
        th.classList.add(sortDir > 0 ? 'asc' : 'desc');
        applySort();
      });
    });
    listen(function (type, ev) {
      if (type === 'run') { updateRow(ev.Task); } else { reloadList(); }
    });
    // A long list comes with its first rows only (it paints at once); the rest
    // is loaded once that first paint is done.
    if (document.querySelector('#task-list tbody[data-partial]')) {
      requestAnimationFrame(function () { setTimeout(reloadList, 0); });
    }
  }

  // ---- task page ----
  function historyRow(h) {
    var tr = el('tr', { 'data-testid': 'history-row', 'data-run': h.RunId });
    tr.appendChild(el('td', {}, fmt(h.Start)));
    var st = el('td', {});
    st.appendChild(el('span', { 'class': 'status s-' + (h.Status || '').toLowerCase() }, h.Status));
    if (h.Reason) { st.appendChild(el('div', { 'class': 'reason' }, h.Reason)); }
    tr.appendChild(st);
    tr.appendChild(el('td', {}, h.Trigger));
    tr.appendChild(el('td', {}, h.Duration || ''));
    tr.appendChild(el('td', {}, String(h.ExitCode)));
    var deps = el('td', {});
    (h.Dependencies || []).forEach(function (d) {
      deps.appendChild(el('div', { 'class': d.met ? 'met' : 'unmet' }, d.name + ': ' + (d.met ? 'met' : 'unmet') + (d.reason ? ' (' + d.reason + ')' : '')));
    });
    tr.appendChild(deps);
    var out = el('td', {}), det = el('details', { 'data-run': h.RunId });
    det.appendChild(el('summary', {}, 'output'));
    det.appendChild(el('pre', { 'data-testid': 'output-tail' }, h.OutputTail || ''));
    out.appendChild(det);
    tr.appendChild(out);
    return tr;
  }

  var gone = false;
  function taskName() { var f = document.getElementById('task-form'); return f ? f.getAttribute('data-task') : ''; }

  function reloadTask() {
    var name = taskName();
    api('GET', '/api/v1/tasks/' + encodeURIComponent(name)).then(function (r) {
      var span = document.querySelector('.summary [data-testid="task-status"]');
      if (r.ok && span) { setStatus(span, r.json); }
    });
    api('GET', '/api/v1/tasks/' + encodeURIComponent(name) + '/history?limit=50').then(function (r) {
      var body = document.querySelector('#history tbody');
      if (!r.ok || !body) { return; }
      var frag = document.createDocumentFragment();
      r.json.Runs.forEach(function (h) { frag.appendChild(historyRow(h)); });
      body.textContent = '';
      body.appendChild(frag);
    });
  }

  function initActions() {
    document.querySelectorAll('.actions [data-action]').forEach(function (b) {
      b.addEventListener('click', function () {
        var action = b.getAttribute('data-action'), name = b.parentNode.getAttribute('data-task');
        ask(b.getAttribute('data-confirm')).then(function (yes) {
          if (!yes) { return; }
          // A deleted task's page must not ask for it again when the change event comes.
          if (action === 'delete') { gone = true; }
          showResult(action + ' ' + name + '…', false);
          var url = '/api/v1/tasks/' + encodeURIComponent(name);
          var p = action === 'delete' ? api('DELETE', url) : api('POST', url + '/' + action);
          p.then(function (r) {
            if (!r.ok) { gone = false; showResult(errorText(r.json), true); return; }
            showResult(action + ' ' + name + ': done', false);
            if (action === 'delete') { window.location.assign('/'); } else { reloadTask(); }
          });
        });
      });
    });
  }

  function clearErrors(form) {
    form.querySelectorAll('[data-testid="field-error"]').forEach(function (e) { e.remove(); });
  }

  function fieldError(form, p) {
    var msg = el('p', { 'data-testid': 'field-error', 'data-field': p.field }, p.field + ': ' + p.problem + (p.fix ? ' Fix: ' + p.fix : ''));
    var input = form.querySelector('[data-field="' + CSS.escape(p.field) + '"]');
    if (input) { input.closest('label').appendChild(msg); } else { document.getElementById('form-errors').appendChild(msg); }
  }

  function buildDefinition(form) {
    var def = {};
    try { def = JSON.parse(document.getElementById('definition-json').value || '{}') || {}; } catch (e) { def = {}; }
    var v = function (n) { return form.elements[n].value.trim(); };
    def.name = v('name');
    if (v('description')) { def.description = v('description'); } else { delete def.description; }
    def.action = def.action || {};
    def.action.command = v('command');
    var args = form.elements.arguments.value.split('\n').map(function (s) { return s.replace(/\r$/, ''); }).filter(function (s) { return s !== ''; });
    if (args.length) { def.action.arguments = args; } else { delete def.action.arguments; }
    if (v('cron')) {
      if (!def.schedule || !def.schedule.cron) { def.schedule = {}; }
      def.schedule.cron = v('cron');
      if (v('timezone')) { def.schedule.timezone = v('timezone'); } else { delete def.schedule.timezone; }
    } else if (def.schedule && def.schedule.cron) { delete def.schedule; }
    if (v('timeout')) { def.timeout = v('timeout'); } else { delete def.timeout; }
    def.enabled = form.elements.enabled.checked;
    return def;
  }

  function initForm() {
    var form = document.getElementById('task-form');
    if (!form) { return; }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearErrors(form);
      var def = buildDefinition(form), isNew = form.getAttribute('data-new') === 'true';
      ask((isNew ? 'Create and schedule ' : 'Save and schedule ') + def.name + '?').then(function (yes) {
        if (!yes) { return; }
        showResult('saving ' + def.name + '…', false);
        var p = isNew ? api('POST', '/api/v1/tasks', def) : api('PUT', '/api/v1/tasks/' + encodeURIComponent(def.name), def);
        p.then(function (r) {
          if (!r.ok) {
            var errs = (r.json.error && r.json.error.errors) || [];
            if (!errs.length && r.json.error && r.json.error.field) { errs = [{ field: r.json.error.field, problem: r.json.error.message, fix: r.json.error.fix }]; }
            errs.forEach(function (p) { fieldError(form, p); });
            showResult(errorText(r.json), true);
            return;
          }
          showResult('saved and scheduled ' + def.name, false);
          if (isNew) { window.location.assign('/tasks/' + encodeURIComponent(def.name)); } else { reloadTask(); }
        });
      });
    });
  }

  function initTask() {
    initActions();
    initForm();
    if (taskName()) {
      listen(function (type, ev) { if (!gone && (type !== 'run' || ev.Task === taskName())) { reloadTask(); } });
    }
  }

  function initScheduler() {
    var b = document.getElementById('refresh-scheduler');
    b.addEventListener('click', function () {
      api('POST', '/api/v1/scheduler/refresh').then(function (r) {
        if (!r.ok) { showResult(errorText(r.json), true); return; }
        window.location.reload();
      });
    });
  }

  // ---- live ----
  function listen(fn) {
    if (!window.EventSource) { return; }
    var es = new EventSource('/api/v1/events');
    var dot = document.getElementById('live');
    es.onopen = function () { dot.classList.add('on'); };
    es.onerror = function () { dot.classList.remove('on'); };
    ['run', 'changed', 'scheduler'].forEach(function (type) {
      es.addEventListener(type, function (m) {
        var ev = {};
        try { ev = JSON.parse(m.data); } catch (e) { ev = {}; }
        fn(type, ev);
      });
    });
  }

  var page = document.body.getAttribute('data-page');
  if (page === 'list') { initList(); }
  if (page === 'task') { initTask(); }
  if (page === 'scheduler') { initScheduler(); }
})();
