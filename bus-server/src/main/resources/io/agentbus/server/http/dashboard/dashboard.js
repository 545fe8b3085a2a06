// The agentbus dashboard: a client of the bus like any other. It says hello over the daemon's own
// WebSocket, joins the $sys.stats room (with since, so the last minutes fill the charts at once)
// and redraws from each snapshot the daemon publishes there, once a second. No build step.
(function () {
  'use strict';

  const STATS_ROOM = '$sys.stats';
  const POINTS = 300; // 5 minutes at one snapshot a second
  const ROOM_ROWS = 50;
  const RENDER_EVERY_MS = 250; // a burst of snapshots (the backlog on join) is drawn once
  const MAX_PERCENTILE_X = 100000; // where the distribution plot puts the max
  const css = getComputedStyle(document.documentElement);
  const color = name => css.getPropertyValue(name).trim();

  // ---- formatting ----------------------------------------------------------------------------
  const intFormat = new Intl.NumberFormat('en-US');
  const fmtInt = n => intFormat.format(Math.round(n));
  const fmtRate = n => (n < 10 && n % 1 !== 0 ? n.toFixed(1) : fmtInt(n));
  function fmtMicros(us) {
    if (us === null || us === undefined) return '–';
    if (us < 1000) return (us < 10 ? us.toFixed(1) : Math.round(us)) + ' µs';
    if (us < 1000000) return (us / 1000).toFixed(us < 10000 ? 2 : 1) + ' ms';
    return (us / 1000000).toFixed(2) + ' s';
  }
  function fmtBytes(b) {
    if (b < 0) return 'unknown';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    while (b >= 1024 && i < units.length - 1) { b /= 1024; i++; }
    return (i === 0 ? b : b.toFixed(1)) + ' ' + units[i];
  }
  function fmtDuration(ms) {
    const s = Math.floor(ms / 1000);
    const d = Math.floor(s / 86400), h = Math.floor(s / 3600) % 24, m = Math.floor(s / 60) % 60;
    if (d > 0) return d + 'd ' + h + 'h';
    if (h > 0) return h + 'h ' + m + 'm';
    return m + 'm ' + (s % 60) + 's';
  }
  const fmtClock = ts => new Date(ts).toLocaleTimeString('en-GB', { hour12: false });

  function show(id, value, text) {
    const el = document.getElementById(id);
    el.dataset.value = value;
    el.textContent = text;
  }

  // ---- charts --------------------------------------------------------------------------------
  Chart.defaults.color = color('--muted');
  Chart.defaults.borderColor = 'rgba(139, 148, 158, 0.15)';
  Chart.defaults.font.family = css.fontFamily;
  Chart.defaults.animation = false;
  Chart.defaults.plugins.legend.labels.boxWidth = 12;

  function line(label, colorName, extra) {
    return Object.assign({ label: label, data: [], borderColor: color(colorName), backgroundColor: color(colorName),
      borderWidth: 1.6, pointRadius: 0, tension: 0.2, spanGaps: false }, extra || {});
  }
  // The time axes end at the newest snapshot and span what there is, at least MIN_SPAN_MS and at
  // most WINDOW_MS (set at each redraw: left to itself, Chart.js spreads one point over decades),
  // with ticks on whole seconds or minutes: the first of these steps that puts at most six on the axis.
  const WINDOW_MS = POINTS * 1000;
  const MIN_SPAN_MS = 10000;
  const TIME_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600];
  function timeTicks(axis) {
    const spanS = (axis.max - axis.min) / 1000;
    const step = TIME_STEPS_S.find(s => spanS / s <= 6);
    if (!step) {
      axis.ticks = [{ value: axis.min }, { value: axis.max }];
      return;
    }
    const ticks = [];
    for (let t = Math.ceil(axis.min / (step * 1000)) * step * 1000; t <= axis.max; t += step * 1000) ticks.push({ value: t });
    axis.ticks = ticks;
  }
  const timeAxis = () => ({ type: 'linear', afterBuildTicks: timeTicks, ticks: { callback: v => fmtClock(v) } });
  const tooltipTime = { callbacks: { title: items => items.length ? fmtClock(items[0].parsed.x) : '' } };

  const throughput = new Chart(document.getElementById('throughput-chart'), {
    type: 'line',
    data: { datasets: [line('in /s', '--in', { fill: false }), line('out /s', '--out')] },
    options: { maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
      scales: { x: timeAxis(), y: { beginAtZero: true, ticks: { callback: v => fmtRate(v) } } },
      plugins: { tooltip: tooltipTime } }
  });

  const latency = new Chart(document.getElementById('latency-chart'), {
    type: 'line',
    data: { datasets: [line('p50', '--p50'), line('p99', '--p99'), line('p99.9', '--p999'),
      line('publish→ack p99', '--in', { borderDash: [5, 4], borderWidth: 1.2 })] },
    options: { maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
      scales: { x: timeAxis(), y: { type: 'logarithmic', ticks: { callback: v => fmtMicros(v), maxTicksLimit: 6 } } },
      plugins: { tooltip: { callbacks: Object.assign({ label: c => c.dataset.label + ': ' + fmtMicros(c.parsed.y) },
        tooltipTime.callbacks) } } }
  });

  const percentileLabel = x => (x >= MAX_PERCENTILE_X ? 'max' : +(100 - 100 / x).toPrecision(6) + '%');
  const distribution = new Chart(document.getElementById('distribution-chart'), {
    type: 'line',
    data: { datasets: [line('delivery', '--p99', { pointRadius: 2 }), line('publish→ack', '--in', { pointRadius: 2 })] },
    options: { maintainAspectRatio: false, interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: { type: 'logarithmic', min: 1, max: MAX_PERCENTILE_X,
          afterBuildTicks: axis => { axis.ticks = [1, 2, 10, 100, 1000, 10000, MAX_PERCENTILE_X].map(v => ({ value: v })); },
          ticks: { callback: v => (v === 1 ? '0%' : percentileLabel(v)) } },
        y: { type: 'logarithmic', ticks: { callback: v => fmtMicros(v), maxTicksLimit: 6 } } },
      plugins: { tooltip: { callbacks: { title: items => items.length ? 'p' + percentileLabel(items[0].parsed.x) : '',
        label: c => c.dataset.label + ': ' + fmtMicros(c.parsed.y) } } } }
  });

  const connections = new Chart(document.getElementById('connections-chart'), {
    type: 'line',
    data: { datasets: [line('connections', '--in'),
      line('drops /s', '--p99', { yAxisID: 'events' }), line('slow-consumer closes /s', '--p999', { yAxisID: 'events' })] },
    options: { maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
      scales: { x: timeAxis(), y: { beginAtZero: true, ticks: { precision: 0 } },
        events: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } } },
      plugins: { tooltip: tooltipTime } }
  });

  const timeCharts = [throughput, latency, connections];

  function push(dataset, x, y) {
    dataset.data.push({ x: x, y: y });
    if (dataset.data.length > POINTS) dataset.data.shift();
  }

  // ---- one snapshot --------------------------------------------------------------------------
  let last = null;
  let dirty = false;

  function perSecond(count, s) {
    return s.interval_ms > 0 ? count * 1000 / s.interval_ms : 0;
  }

  function apply(s) {
    const ts = s.ts;
    const inRate = perSecond(s.messages_in, s);
    const outRate = perSecond(s.messages_out, s);
    push(throughput.data.datasets[0], ts, inRate);
    push(throughput.data.datasets[1], ts, outRate);

    const d = s.latency_us.delivery;
    const ack = s.latency_us.publish_ack;
    const some = (l, v) => (l.count > 0 ? Math.max(v, 0.1) : null);
    push(latency.data.datasets[0], ts, some(d, d.p50));
    push(latency.data.datasets[1], ts, some(d, d.p99));
    push(latency.data.datasets[2], ts, some(d, d.p999));
    push(latency.data.datasets[3], ts, some(ack, ack.p99));
    if (d.count > 0) distribution.data.datasets[0].data = curve(d.distribution);
    if (ack.count > 0) distribution.data.datasets[1].data = curve(ack.distribution);

    push(connections.data.datasets[0], ts, s.connections);
    push(connections.data.datasets[1], ts, perSecond(s.drops, s));
    push(connections.data.datasets[2], ts, perSecond(s.slow_consumer_closes, s));
    last = s;
    dirty = true;
  }

  function curve(points) {
    return points.map(p => ({ x: p[0] >= 100 ? MAX_PERCENTILE_X : 1 / (1 - p[0] / 100), y: Math.max(p[1], 0.1) }));
  }

  function render() {
    if (dirty && last) {
      dirty = false;
      const oldest = throughput.data.datasets[0].data[0].x;
      timeCharts.forEach(c => {
        c.options.scales.x.min = Math.min(last.ts - MIN_SPAN_MS, Math.max(oldest, last.ts - WINDOW_MS));
        c.options.scales.x.max = last.ts;
        c.update('none');
      });
      distribution.update('none');
      tiles(last);
      rooms(last);
      errors(last);
    }
  }

  function tiles(s) {
    show('in-rate', perSecond(s.messages_in, s), fmtRate(perSecond(s.messages_in, s)));
    show('in-total', s.messages_in_total, fmtInt(s.messages_in_total));
    show('out-rate', perSecond(s.messages_out, s), fmtRate(perSecond(s.messages_out, s)));
    show('out-total', s.messages_out_total, fmtInt(s.messages_out_total));
    const d = s.latency_us.delivery;
    show('delivery-p99', d.p99, d.count > 0 ? fmtMicros(d.p99) : 'idle');
    show('delivery-p50', d.p50, d.count > 0 ? fmtMicros(d.p50) : '–');
    show('delivery-p999', d.p999, d.count > 0 ? fmtMicros(d.p999) : '–');
    const ack = s.latency_us.publish_ack;
    show('ack-p99', ack.p99, ack.count > 0 ? fmtMicros(ack.p99) : 'idle');
    const j = s.latency_us.journal_append;
    show('journal-p99', j.p99, j.count > 0 ? fmtMicros(j.p99) : '–');
    show('connections', s.connections, fmtInt(s.connections));
    show('connections-opened', s.connections_opened_total, fmtInt(s.connections_opened_total));
    show('rooms', s.rooms, fmtInt(s.rooms));
    show('joins', s.joins_total, fmtInt(s.joins_total));
    show('drops-rate', perSecond(s.drops, s), fmtRate(perSecond(s.drops, s)));
    show('drops-total', s.drops_total, fmtInt(s.drops_total));
    show('slow-total', s.slow_consumer_closes_total, fmtInt(s.slow_consumer_closes_total));
    document.getElementById('drops-tile').classList.toggle('alert', s.drops > 0 || s.slow_consumer_closes > 0);
    show('journal-bytes', s.journal_bytes, fmtBytes(s.journal_bytes));
    show('disk-free', s.disk_free_bytes, fmtBytes(s.disk_free_bytes));
    document.getElementById('uptime').textContent = fmtDuration(s.uptime_ms);
  }

  const filter = document.getElementById('room-filter');
  filter.addEventListener('input', () => { if (last) rooms(last); });

  function rooms(s) {
    s.top_rooms.forEach(r => knownRooms.add(r.room));
    const needle = filter.value.trim().toLowerCase();
    // top_rooms comes busiest first (ties by name): keep the daemon's order
    const shown = s.top_rooms.filter(r => !needle || r.room.toLowerCase().includes(needle)).slice(0, ROOM_ROWS);
    const busiest = Math.max(1, ...s.top_rooms.map(r => r.in + r.out));
    document.getElementById('rooms-hint').textContent = fmtInt(s.rooms) + ' rooms · the ' +
      Math.min(s.top_rooms.length, ROOM_ROWS) + ' busiest of the last second, busiest first';
    const body = document.getElementById('rooms-body');
    if (shown.length === 0) {
      body.innerHTML = '<tr><td colspan="7" class="empty">' + (s.rooms === 0 ? 'no rooms yet' : 'no room matches') + '</td></tr>';
      return;
    }
    const rows = shown.map(r => {
      const tr = document.createElement('tr');
      tr.dataset.room = r.room;
      tr.tabIndex = 0;
      if (r.room === feed.room) tr.classList.add('selected');
      cell(tr, 'room', r.room).title = r.room;
      cell(tr, 'num', fmtInt(r.members));
      cell(tr, 'num', fmtRate(perSecond(r.in, s)));
      cell(tr, 'num', fmtRate(perSecond(r.out, s)));
      cell(tr, 'num', fmtInt(r.in_total));
      cell(tr, 'num', fmtInt(r.out_total));
      const bar = document.createElement('div');
      bar.className = 'bar';
      bar.style.width = (100 * (r.in + r.out) / busiest).toFixed(1) + '%';
      cell(tr, 'spark', '').appendChild(bar);
      return tr;
    });
    body.replaceChildren(...rows);
  }

  const roomsBody = document.getElementById('rooms-body');
  roomsBody.addEventListener('click', e => {
    const tr = e.target.closest('tr[data-room]');
    if (tr) watch(tr.dataset.room);
  });
  roomsBody.addEventListener('keydown', e => {
    const tr = e.target.closest('tr[data-room]');
    if (tr && e.key === 'Enter') watch(tr.dataset.room);
  });

  function cell(tr, cls, text) {
    const td = document.createElement('td');
    td.className = cls;
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function errors(s) {
    const chips = Object.entries(s.errors_by_code).map(([code, n]) => {
      const chip = document.createElement('span');
      chip.className = 'chip' + (n > 0 ? ' hot' : '');
      chip.textContent = code;
      const b = document.createElement('b');
      b.textContent = fmtInt(n);
      chip.appendChild(b);
      return chip;
    });
    document.getElementById('errors').replaceChildren(...chips);
  }


  // ---- the room feed -------------------------------------------------------------------------
  // One room's newest messages, live, on the page's own WebSocket. The join's ok carries the
  // room's last offset L; messages after L come live, and a history request for exactly the
  // offsets L-49 … L fills in the backlog (PROTOCOL.md §4 and §6): no message twice, none
  // missed at the seam. Rows are kept in offset order, newest on top, at most FEED_ROWS of them.
  // Every piece of a message goes into the page as text (textContent, title), never as HTML.
  const FEED_ROWS = 200;
  const FEED_BACKLOG = 50;
  const SUMMARY_CHARS = 300;
  const TOOLTIP_CHARS = 2000;
  const MEMBERS_SHOWN = 8;
  const ROOM_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
  const OK_EVENTS = new Set(['completed']);
  const BAD_EVENTS = new Set(['failed', 'escalation', 'budget_stop', 'rejected', 'recursion_refused']);
  const WARN_EVENTS = new Set(['blocker', 'warning', 'budget_warning', 'pause', 'stop', 'clarify']);
  const knownRooms = new Set();
  const feed = {
    room: null,
    gen: 0, // names the rids of the current subscription: replies to earlier ones are ignored
    last: 0, // the room's last offset, from the join's ok
    seen: 0, // the highest offset shown since the room was chosen
    keys: [], // sort keys of the rows, newest (largest) first; a notice sits at its range's end + 0.5
    rows: new Map(), // sort key → tr
    members: []
  };
  const feedBody = document.getElementById('feed-body');
  const feedInput = document.getElementById('feed-room');
  const feedStop = document.getElementById('feed-stop');

  function feedState(text, cls) {
    const el = document.getElementById('feed-state');
    el.textContent = text;
    el.className = cls || '';
  }

  function feedPlaceholder(text) {
    const tr = document.createElement('tr');
    const td = cell(tr, 'empty', text);
    td.colSpan = 6;
    feedBody.replaceChildren(tr);
    feed.keys = [];
    feed.rows.clear();
  }

  function watch(name) {
    const room = (name || '').trim();
    if (room === feed.room) return;
    if (room.startsWith('$')) {
      feedState('“' + room + '” is a system room: its numbers are the page above', 'warn');
      return;
    }
    if (!ROOM_ID.test(room)) {
      feedState('“' + room + '” is not a room id (letters, digits, then also . _ : -)', 'warn');
      return;
    }
    leaveFeed();
    feed.room = room;
    feed.gen++;
    feed.last = 0;
    feed.seen = 0;
    feed.members = [];
    feedInput.value = room;
    feedStop.disabled = false;
    history.replaceState(null, '', '#room=' + encodeURIComponent(room));
    document.getElementById('feed-hint').textContent = room;
    document.getElementById('feed-hint').classList.add('mono');
    feedPlaceholder('joining ' + room + '…');
    showMembers();
    markSelected();
    joinFeed();
  }

  function stopFeed() {
    leaveFeed();
    feed.room = null;
    feed.gen++;
    feedStop.disabled = true;
    history.replaceState(null, '', location.pathname + location.search);
    document.getElementById('feed-hint').textContent = 'click a room above, or name one: the newest messages, live';
    document.getElementById('feed-hint').classList.remove('mono');
    feedState('no room chosen');
    feed.members = [];
    showMembers();
    feedPlaceholder('choose a room to see its messages');
    markSelected();
  }

  function leaveFeed() {
    if (feed.room !== null) send({ op: 'leave', rid: 'feed-leave', room: feed.room });
  }

  function joinFeed() {
    if (feed.room === null) return;
    if (send({ op: 'join', rid: 'feed-j' + feed.gen, room: feed.room, role: 'observer' })) {
      feedState('joining…');
    } else {
      feedState('waiting for the connection…', 'warn');
    }
  }

  function markSelected() {
    roomsBody.querySelectorAll('tr[data-room]').forEach(tr => tr.classList.toggle('selected', tr.dataset.room === feed.room));
  }

  // A frame of the feed's room, or a reply to one of its requests; false for anything else.
  function feedFrame(f) {
    if (typeof f.rid === 'string' && f.rid.startsWith('feed-')) {
      if (f.rid === 'feed-j' + feed.gen) {
        if (f.op === 'ok') joined(f);
        else if (f.op === 'error') feedState('cannot join: ' + f.message, 'bad');
      } else if (f.rid === 'feed-h' + feed.gen) {
        if (f.op === 'history') f.messages.forEach(addMessage);
        else if (f.op === 'error') historyFailed(f);
      }
      return true; // replies to an earlier subscription, and to leave, need nothing
    }
    if (feed.room === null || f.room !== feed.room) return false;
    if (f.op === 'msg') {
      addMessage(f);
    } else if (f.op === 'dropped') {
      const n = f.to_offset - f.from_offset + 1;
      addNotice(f.to_offset, 'up to ' + fmtInt(n) + ' message' + (n === 1 ? '' : 's') + ' not shown (offsets ' +
        fmtInt(f.from_offset) + '–' + fmtInt(f.to_offset) + (f.reason === 'retention' ? ', deleted by retention)' : ': the page fell behind)'));
    } else if (f.op === 'presence') {
      if (f.event === 'joined') {
        feed.members.push({ client: f.client, role: f.role });
      } else {
        const i = feed.members.findIndex(m => m.client === f.client && m.role === f.role);
        if (i >= 0) feed.members.splice(i, 1);
      }
      showMembers();
    }
    return true;
  }

  function joined(ok) {
    feed.last = ok.offset;
    feed.members = ok.members.slice();
    showMembers();
    feedState('live');
    const since = Math.max(0, ok.offset - FEED_BACKLOG);
    // after a reconnect: what went by while the page was away, beyond the backlog, is not fetched
    if (feed.seen > 0 && feed.seen < since) {
      const n = since - feed.seen;
      addNotice(since, fmtInt(n) + ' message' + (n === 1 ? '' : 's') + ' not shown (offsets ' + fmtInt(feed.seen + 1) + '–' +
        fmtInt(since) + ', while the page was disconnected)');
    }
    requestHistory(since);
    if (ok.offset === 0 && feed.keys.length === 0) feedPlaceholder('no messages in ' + feed.room + ' yet: new ones appear here');
  }

  function requestHistory(since) {
    if (feed.last > since) send({ op: 'history', rid: 'feed-h' + feed.gen, room: feed.room, since: since, limit: feed.last - since });
  }

  function historyFailed(e) {
    // retention deleted some of the backlog: the error names the first since that works
    const m = e.code === 'not_found' && /since >= (\d+)/.exec(e.message);
    if (m && Number(m[1]) < feed.last) requestHistory(Number(m[1]));
    else if (!m) feedState('live, without the backlog: ' + e.message, 'warn');
  }

  function showMembers() {
    const el = document.getElementById('feed-members');
    if (feed.room === null || feed.members.length === 0) {
      el.textContent = '';
      return;
    }
    const others = feed.members.filter(m => m.client !== client); // the page itself is one
    if (others.length === 0) {
      el.textContent = 'no other members';
      return;
    }
    const names = others.slice(0, MEMBERS_SHOWN).map(m => m.client + (m.role === 'participant' ? '' : ' (' + m.role + ')'));
    const more = others.length - MEMBERS_SHOWN;
    el.textContent = fmtInt(others.length) + ' other member' + (others.length === 1 ? '' : 's') + ': ' +
      names.join(', ') + (more > 0 ? ' and ' + fmtInt(more) + ' more' : '');
  }

  function addMessage(m) {
    if (feed.rows.has(m.offset)) return;
    feed.seen = Math.max(feed.seen, m.offset);
    const body = m.body;
    const obj = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : null;
    const type = m.type === 'message' && obj && typeof obj.type === 'string' ? obj.type : m.type;
    const tr = document.createElement('tr');
    tr.dataset.offset = m.offset;
    tr.dataset.type = type;
    const kind = eventKind(type, obj);
    if (kind) tr.classList.add('ev-' + kind);
    cell(tr, 'time', fmtClock(m.ts)).title = new Date(m.ts).toISOString();
    cell(tr, 'num offset', fmtInt(m.offset));
    cell(tr, 'from', m.from).title = m.from;
    const tag = document.createElement('span');
    tag.className = 'prio prio-' + (['critical', 'high', 'normal', 'low'].includes(m.priority) ? m.priority : 'normal');
    tag.textContent = m.priority;
    cell(tr, 'prio-cell', '').appendChild(tag);
    cell(tr, 'type', type).title = type + (m.channel && m.channel !== 'main' ? ' · channel ' + m.channel : '');
    const json = JSON.stringify(body);
    cell(tr, 'summary', cut(summary(body, obj, type), SUMMARY_CHARS)).title = cut(json === undefined ? 'null' : json, TOOLTIP_CHARS);
    insertRow(m.offset, tr);
  }

  function addNotice(at, text) {
    const key = at + 0.5;
    if (feed.rows.has(key)) return;
    const tr = document.createElement('tr');
    tr.className = 'notice';
    const td = cell(tr, 'notice-cell', text);
    td.colSpan = 6;
    insertRow(key, tr);
  }

  function insertRow(key, tr) {
    if (feed.keys.length === 0) feedBody.replaceChildren();
    let lo = 0, hi = feed.keys.length; // first index whose key is smaller than this one
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (feed.keys[mid] > key) lo = mid + 1; else hi = mid;
    }
    feedBody.insertBefore(tr, lo < feed.keys.length ? feed.rows.get(feed.keys[lo]) : null);
    feed.keys.splice(lo, 0, key);
    feed.rows.set(key, tr);
    while (feed.keys.length > FEED_ROWS) {
      const oldest = feed.keys.pop();
      feed.rows.get(oldest).remove();
      feed.rows.delete(oldest);
    }
  }

  function eventKind(type, obj) {
    if (type === 'job_end' || type === 'child_result') return obj && obj.status === 'completed' ? 'ok' : 'bad';
    if (type === 'decision_closed') return obj && obj.status === 'approved' ? 'ok' : 'warn';
    if (OK_EVENTS.has(type)) return 'ok';
    if (BAD_EVENTS.has(type)) return 'bad';
    if (WARN_EVENTS.has(type)) return 'warn';
    return null;
  }

  // One line for a body: its text (text, message, summary, title or reason, whichever comes
  // first; a few job events say more), led by the task it is about; else the compact JSON.
  function summary(body, obj, type) {
    if (typeof body === 'string') return oneLine(body);
    if (!obj) return body === null || body === undefined ? '' : JSON.stringify(body);
    const str = v => (typeof v === 'string' && v.trim() !== '' ? v : null);
    const num = v => (typeof v === 'number' ? v : null);
    let text = null;
    if (type === 'failed') {
      text = [str(obj.reason), str(obj.message)].filter(Boolean).join(': ') || null;
    } else if (type === 'cost' && num(obj.usd) !== null) {
      text = '$' + obj.usd.toFixed(4) + (num(obj.tokens_in) !== null ? ' · ' + fmtInt(obj.tokens_in) + ' in / ' + fmtInt(obj.tokens_out || 0) + ' out' : '');
    } else if (type === 'job_end' && str(obj.status)) {
      text = obj.status + (num(obj.cost_usd) !== null ? ' · $' + obj.cost_usd.toFixed(2) : '') + (str(obj.report) ? ' · ' + obj.report : '');
    } else if (type === 'heartbeat' && str(obj.state)) {
      text = obj.state + (num(obj.queued) !== null ? ' · ' + fmtInt(obj.queued) + ' queued' : '');
    } else if (type === 'review_result' && str(obj.action)) {
      text = obj.action + (str(obj.reason) ? ': ' + obj.reason : '');
    }
    text = text || str(obj.text) || str(obj.message) || str(obj.summary) || str(obj.title) || str(obj.reason) || str(obj.question);
    if (text === null) return JSON.stringify(body);
    const task = str(obj.task_id) || (num(obj.task_id) !== null ? String(obj.task_id) : null);
    return oneLine((task ? task + ' · ' : '') + text);
  }

  const oneLine = s => s.replace(/\s+/g, ' ').trim();
  const cut = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

  document.getElementById('feed-form').addEventListener('submit', e => {
    e.preventDefault();
    watch(feedInput.value);
  });
  feedStop.addEventListener('click', stopFeed);
  let roomsFetched = 0;
  feedInput.addEventListener('focus', () => {
    // the datalist: the rooms seen in snapshots, and every room the daemon has (at most every 10 s)
    if (Date.now() - roomsFetched < 10000) return fillRooms();
    roomsFetched = Date.now();
    fetch('/api/v1/rooms').then(r => r.json()).then(j => j.rooms.forEach(r => {
      if (!r.room.startsWith('$')) knownRooms.add(r.room);
    })).catch(() => {}).finally(fillRooms);
  });
  function fillRooms() {
    const options = [...knownRooms].sort().slice(0, 1000).map(name => {
      const o = document.createElement('option');
      o.value = name;
      return o;
    });
    document.getElementById('feed-rooms').replaceChildren(...options);
  }
  function fromHash() {
    const m = /^#room=(.+)$/.exec(location.hash);
    if (!m) return;
    let name;
    try {
      name = decodeURIComponent(m[1]);
    } catch (e) {
      name = m[1];
    }
    watch(name);
  }
  window.addEventListener('hashchange', fromHash);

  // ---- the WebSocket -------------------------------------------------------------------------
  // With tokens on, open the page as /#token=TOKEN: the token goes in hello, and its subject is the
  // client id (the daemon admits a token only under its own subject). The fragment never reaches the server's logs.
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  const client = subjectOf(token) || 'dashboard-' + Math.random().toString(36).slice(2, 10);
  let lastOffset = -1;
  let backoffMs = 500;
  let pinger = null;
  let socket = null; // the connection, once the daemon said welcome

  function send(frame) {
    if (socket === null || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  function subjectOf(jwt) {
    try {
      const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(payload)).sub || null;
    } catch (e) {
      return null;
    }
  }

  function setLink(up, text) {
    const el = document.getElementById('link');
    el.classList.toggle('up', up);
    el.classList.toggle('down', !up);
    el.textContent = text;
  }

  function connect() {
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    ws.onopen = () => ws.send(JSON.stringify(token ? { op: 'hello', client: client, token: token }
      : { op: 'hello', client: client }));
    ws.onmessage = event => {
      const f = JSON.parse(event.data);
      if (f.op === 'welcome') {
        backoffMs = 500;
        setLink(true, 'live');
        socket = ws;
        ws.send(JSON.stringify({ op: 'join', rid: 'stats', room: STATS_ROOM, role: 'dashboard', since: Math.max(0, lastOffset) }));
        clearInterval(pinger);
        pinger = setInterval(() => ws.send(JSON.stringify({ op: 'ping' })), Math.max(1000, f.heartbeat_ms));
        feed.gen++; // a new connection: join the feed's room again, and ignore the old one's replies
        joinFeed();
      } else if (feedFrame(f)) {
        // the room feed's
      } else if (f.op === 'msg' && f.room === STATS_ROOM && f.type === 'stats') {
        if (f.offset > lastOffset) {
          lastOffset = f.offset;
          apply(f.body);
        }
      } else if (f.op === 'error') {
        setLink(false, 'error: ' + f.message);
      }
    };
    ws.onclose = () => {
      clearInterval(pinger);
      socket = null;
      if (feed.room !== null) feedState('reconnecting…', 'warn');
      setLink(false, 'reconnecting…');
      setTimeout(connect, backoffMs);
      backoffMs = Math.min(backoffMs * 2, 5000);
    };
  }

  fromHash();
  connect();
  setInterval(render, RENDER_EVERY_MS);
})();
