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

  // ---- the WebSocket -------------------------------------------------------------------------
  // With tokens on, open the page as /#token=TOKEN: the token goes in hello, and its subject is the
  // client id (the daemon admits a token only under its own subject). The fragment never reaches the server's logs.
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  const client = subjectOf(token) || 'dashboard-' + Math.random().toString(36).slice(2, 10);
  let lastOffset = -1;
  let backoffMs = 500;
  let pinger = null;

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
        ws.send(JSON.stringify({ op: 'join', rid: 'stats', room: STATS_ROOM, role: 'dashboard', since: Math.max(0, lastOffset) }));
        clearInterval(pinger);
        pinger = setInterval(() => ws.send(JSON.stringify({ op: 'ping' })), Math.max(1000, f.heartbeat_ms));
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
      setLink(false, 'reconnecting…');
      setTimeout(connect, backoffMs);
      backoffMs = Math.min(backoffMs * 2, 5000);
    };
  }

  connect();
  setInterval(render, RENDER_EVERY_MS);
})();
