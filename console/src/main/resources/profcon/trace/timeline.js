'use strict';
// profcon's trace timeline: draws the threads in #trace-data as rows (grouped, groups foldable), time
// across, each pixel in the state that dominates it; pauses as bands; zoom, pan, filter, hover. No dependencies.
(function () {
  const ROW = 18;
  const BAR = 14; // the coloured part of a row; the rest is the gap between rows
  const LABEL_W = 260;
  const NONE = 255; // a pixel where the thread was not seen
  const MIN_WINDOW = 10; // microseconds: the data keeps times to the microsecond

  const data = JSON.parse(document.getElementById('trace-data').textContent);
  const chart = document.getElementById('chart');
  const ruler = document.getElementById('ruler');
  const scroller = document.getElementById('scroller');
  const spacer = document.getElementById('spacer');
  const tooltip = document.getElementById('tooltip');
  const selection = document.getElementById('selection');
  const searchBox = document.getElementById('search');
  const shownLabel = document.getElementById('shown');
  const windowLabel = document.getElementById('window');
  const states = data.states;
  const rgb = states.map(s => [1, 3, 5].map(i => parseInt(s.color.slice(i, i + 2), 16)));
  const groups = data.groups.map(decodeGroup);
  const view = { start: 0, end: Math.max(data.length, MIN_WINDOW) };
  const stats = { pausesDrawn: 0, drawMs: 0 }; // for the self-test
  let rows = [];
  let filter = null;
  let pending = 0;
  let plotW = 1;

  // Spans arrive as flat (start delta, length, state, detail, stack) runs; typed arrays make drawing cheap.
  function decodeThread(t, group) {
    const n = t.spans.length / 5;
    const th = { name: t.name, group: group, javaId: t.javaId, osId: t.osId, virtual: t.virtual,
      started: t.started, ended: t.ended, n: n, start: new Float64Array(n), end: new Float64Array(n),
      state: new Uint8Array(n), detail: new Int32Array(n), stack: new Int32Array(n) };
    let at = 0;
    for (let i = 0; i < n; i++) {
      at += t.spans[5 * i];
      th.start[i] = at;
      th.end[i] = at + t.spans[5 * i + 1];
      th.state[i] = t.spans[5 * i + 2];
      th.detail[i] = t.spans[5 * i + 3];
      th.stack[i] = t.spans[5 * i + 4];
    }
    return th;
  }

  function decodeGroup(g) {
    const group = { name: g.name, collapsed: false, threads: [] };
    group.threads = g.threads.map(t => decodeThread(t, group));
    return group;
  }

  function formatTime(us) {
    const a = Math.abs(us);
    if (a < 0.5) {
      return '0';
    }
    if (a >= 1e6) {
      return trim((us / 1e6).toFixed(3)) + ' s';
    }
    if (a >= 1e3) {
      return trim((us / 1e3).toFixed(a >= 1e5 ? 1 : 2)) + ' ms';
    }
    return Math.round(us) + ' µs';
  }

  function trim(text) {
    return text.replace(/\.?0+$/, '');
  }

  function xOf(t) {
    return LABEL_W + (t - view.start) * plotW / (view.end - view.start);
  }

  function tOf(x) {
    return view.start + (x - LABEL_W) * (view.end - view.start) / plotW;
  }

  // The last span starting at or before t (spans are in time order and do not overlap).
  function spanIndex(th, t) {
    let lo = 0;
    let hi = th.n - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (th.start[mid] <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  // Each pixel of the plot gets the state that covers most of it (ties go to the earlier, more
  // urgent state, as in the terminal summary): spans under a pixel merge instead of vanishing.
  function pixels(th, out) {
    out.fill(NONE);
    const scale = plotW / (view.end - view.start);
    const acc = new Float64Array(states.length);
    let cur = -1;
    const add = (p, s, w) => {
      if (p !== cur) {
        settle(out, cur, acc);
        cur = p;
      }
      acc[s] += Math.max(w, 1e-9);
    };
    for (let i = spanIndex(th, view.start); i < th.n && th.start[i] < view.end; i++) {
      const x0 = Math.max(0, (th.start[i] - view.start) * scale);
      const x1 = Math.min(plotW, (th.end[i] - view.start) * scale);
      if (x1 < 0 || x1 < x0) {
        continue;
      }
      const s = th.state[i];
      const p0 = Math.floor(x0);
      const p1 = Math.min(Math.floor(x1), plotW - 1);
      add(p0, s, Math.min(x1, p0 + 1) - x0);
      for (let p = p0 + 1; p < p1; p++) {
        out[p] = s;
      }
      if (p1 > p0) {
        add(p1, s, x1 - p1);
      }
    }
    settle(out, cur, acc);
    return out;
  }

  function settle(out, p, acc) {
    if (p < 0) {
      return;
    }
    let best = NONE;
    for (let s = 0; s < acc.length; s++) {
      if (acc[s] > 0 && (best === NONE || acc[s] > acc[best])) {
        best = s;
      }
    }
    acc.fill(0);
    if (best !== NONE) {
      out[p] = best;
    }
  }

  function toRegExp(text) {
    try {
      return new RegExp(text, 'i');
    } catch (notARegExp) {
      return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    }
  }

  // The threads a group row stands for: all of them, or the ones the filter leaves.
  function shownThreads(group) {
    if (!filter || filter.test(group.name)) {
      return group.threads;
    }
    return group.threads.filter(th => filter.test(th.name));
  }

  function buildRows() {
    rows = [];
    let threads = 0;
    for (const group of groups) {
      const shown = shownThreads(group);
      if (shown.length === 0) {
        continue;
      }
      threads += shown.length;
      rows.push({ group: group, threads: shown });
      if (!group.collapsed || filter) {
        shown.forEach(th => rows.push({ thread: th }));
      }
    }
    const all = groups.reduce((n, g) => n + g.threads.length, 0);
    shownLabel.textContent = (filter ? threads.toLocaleString('en') + ' of ' : '') + all.toLocaleString('en')
      + ' threads';
  }

  function requestDraw() {
    if (!pending) {
      pending = requestAnimationFrame(draw);
    }
  }

  function draw() {
    cancelAnimationFrame(pending);
    pending = 0;
    const began = performance.now();
    const width = Math.max(LABEL_W + 100, scroller.clientWidth);
    const height = Math.max(ROW, scroller.clientHeight);
    if (chart.width !== width || chart.height !== height) {
      chart.width = width;
      chart.height = height;
    }
    ruler.width = width;
    plotW = width - LABEL_W;
    spacer.style.height = Math.max(0, rows.length * ROW - height) + 'px';
    const ctx = chart.getContext('2d');
    ctx.clearRect(0, 0, width, height);
    drawRows(ctx, height);
    drawPauses(ctx, 0, Math.min(height, rows.length * ROW - scroller.scrollTop));
    drawRuler();
    windowLabel.textContent = 'Showing ' + formatTime(view.start) + ' – ' + formatTime(view.end) + ' ('
      + formatTime(view.end - view.start) + ' of ' + formatTime(data.length) + ')';
    stats.drawMs = performance.now() - began;
  }

  function drawRows(ctx, height) {
    const first = Math.floor(scroller.scrollTop / ROW);
    const buf = new Uint8Array(plotW);
    for (let r = first; r < rows.length && (r - first) * ROW < height + ROW; r++) {
      const y = r * ROW - scroller.scrollTop;
      const row = rows[r];
      if (row.group) {
        drawGroup(ctx, row, y, buf);
      } else {
        drawThread(ctx, row.thread, y, buf);
      }
    }
  }

  function drawLabel(ctx, text, y, bold, indent) {
    ctx.font = (bold ? '600 ' : '') + '12px system-ui, sans-serif';
    ctx.fillStyle = '#222';
    ctx.textBaseline = 'middle';
    let label = text;
    const room = LABEL_W - indent - 8;
    while (label.length > 1 && ctx.measureText(label).width > room) {
      label = label.slice(0, -2) + '…';
    }
    ctx.fillText(label, indent, y + ROW / 2);
  }

  function drawThread(ctx, th, y, buf) {
    const from = th.started < 0 ? 0 : Math.max(0, xOf(th.started) - LABEL_W);
    const to = th.ended < 0 ? plotW : Math.min(plotW, xOf(th.ended) - LABEL_W);
    // Outside the thread's life the row is only a thin line: the thread did not exist then.
    ctx.fillStyle = '#e4e4e4';
    ctx.fillRect(LABEL_W, y + (ROW - BAR) / 2 + BAR / 2 - 1, plotW, 1);
    ctx.fillStyle = '#fafafa';
    ctx.fillRect(LABEL_W + from, y + (ROW - BAR) / 2, Math.max(0, to - from), BAR);
    pixels(th, buf);
    for (let p = 0; p < plotW;) {
      const s = buf[p];
      let q = p + 1;
      while (q < plotW && buf[q] === s) {
        q++;
      }
      if (s !== NONE) {
        ctx.fillStyle = states[s].color;
        ctx.fillRect(LABEL_W + p, y + (ROW - BAR) / 2, q - p, BAR);
      }
      p = q;
    }
    drawLifeMarks(ctx, th, y);
    drawLabel(ctx, th.name + (th.virtual ? '  (virtual)' : ''), y, false, 22);
  }

  function drawLifeMarks(ctx, th, y) {
    if (th.started >= 0 && th.started >= view.start && th.started <= view.end) {
      ctx.fillStyle = '#1a7f1a';
      ctx.beginPath();
      ctx.moveTo(xOf(th.started), y + 1);
      ctx.lineTo(xOf(th.started) + 6, y + ROW / 2);
      ctx.lineTo(xOf(th.started), y + ROW - 1);
      ctx.fill();
    }
    if (th.ended >= 0 && th.ended >= view.start && th.ended <= view.end) {
      ctx.fillStyle = '#000';
      ctx.fillRect(xOf(th.ended) - 1, y + 1, 3, ROW - 2);
    }
  }

  // A group row: per pixel, the share of its threads in each state, stacked in precedence order.
  function drawGroup(ctx, row, y, buf) {
    const counts = groupCounts(row.threads, buf);
    const image = ctx.createImageData(plotW, BAR);
    const n = row.threads.length;
    for (let p = 0; p < plotW; p++) {
      let filled = 0;
      for (let s = 0; s < states.length; s++) {
        const c = counts[p * states.length + s];
        const top = Math.round((filled + c) / n * BAR);
        for (let py = Math.round(filled / n * BAR); py < top; py++) {
          const at = ((BAR - 1 - py) * plotW + p) * 4;
          image.data.set(rgb[s], at);
          image.data[at + 3] = 255;
        }
        filled += c;
      }
    }
    ctx.fillStyle = '#eef1f6';
    ctx.fillRect(0, y, LABEL_W + plotW, ROW);
    ctx.putImageData(image, LABEL_W, Math.round(y + (ROW - BAR) / 2));
    const mark = row.group.collapsed && !filter ? '▸ ' : '▾ ';
    drawLabel(ctx, mark + row.group.name + ' (' + n + ')', y, true, 4);
  }

  function groupCounts(threads, buf) {
    const counts = new Uint32Array(plotW * states.length);
    for (const th of threads) {
      pixels(th, buf);
      for (let p = 0; p < plotW; p++) {
        if (buf[p] !== NONE) {
          counts[p * states.length + buf[p]]++;
        }
      }
    }
    return counts;
  }

  function pausesIn(from, to) {
    return data.pauses.filter(p => p.end >= from && p.start <= to);
  }

  function drawPauses(ctx, top, height) {
    const shown = pausesIn(view.start, view.end);
    ctx.fillStyle = data.pauseBand;
    for (const p of shown) {
      const x0 = Math.max(LABEL_W, xOf(p.start));
      ctx.fillRect(x0, top, Math.max(1, Math.min(LABEL_W + plotW, xOf(p.end)) - x0), height);
    }
    stats.pausesDrawn = shown.length;
  }

  function drawRuler() {
    const ctx = ruler.getContext('2d');
    ctx.clearRect(0, 0, ruler.width, ruler.height);
    const step = tickStep();
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'top';
    ctx.fillStyle = '#444';
    for (let t = Math.ceil(view.start / step) * step; t <= view.end; t += step) {
      ctx.fillRect(xOf(t), 12, 1, 12);
      ctx.fillText(formatTime(t), xOf(t) + 3, 2);
    }
    ctx.fillStyle = states[0].color;
    for (const p of pausesIn(view.start, view.end)) {
      const x0 = Math.max(LABEL_W, xOf(p.start));
      ctx.fillRect(x0, 18, Math.max(2, Math.min(LABEL_W + plotW, xOf(p.end)) - x0), 6);
    }
    ctx.fillStyle = '#222';
    ctx.fillText('time since the start', 6, 6);
  }

  // 1, 2 or 5 times a power of ten, at least 90 pixels apart.
  function tickStep() {
    const raw = (view.end - view.start) * 90 / plotW;
    const power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
    return [1, 2, 5, 10].map(m => m * power).find(s => s >= raw) || 10 * power;
  }

  function setView(start, end) {
    const length = Math.max(data.length, MIN_WINDOW);
    let width = Math.min(length, Math.max(MIN_WINDOW, end - start));
    let from = Math.min(Math.max(0, start), length - width);
    view.start = from;
    view.end = from + width;
    requestDraw();
  }

  function zoomAround(t, factor) {
    setView(t - (t - view.start) * factor, t + (view.end - t) * factor);
  }

  function pan(fraction) {
    const shift = (view.end - view.start) * fraction;
    setView(view.start + shift, view.end + shift);
  }

  function reset() {
    setView(0, data.length);
  }

  function rowAt(clientY) {
    const y = clientY - chart.getBoundingClientRect().top + scroller.scrollTop;
    return rows[Math.floor(y / ROW)] || null;
  }

  function plotX(clientX) {
    return clientX - chart.getBoundingClientRect().left;
  }

  // What the pixel under the cursor shows: the longest span there of the state the pixel was drawn in.
  function spanAt(th, x) {
    const p = Math.floor(x - LABEL_W);
    const buf = pixels(th, new Uint8Array(plotW));
    if (p < 0 || p >= plotW || buf[p] === NONE) {
      return -1;
    }
    const from = tOf(LABEL_W + p);
    const to = tOf(LABEL_W + p + 1);
    let best = -1;
    let bestOverlap = -1;
    for (let i = spanIndex(th, from); i < th.n && th.start[i] < to; i++) {
      const overlap = Math.min(to, th.end[i]) - Math.max(from, th.start[i]);
      if (th.state[i] === buf[p] && overlap > bestOverlap) {
        best = i;
        bestOverlap = overlap;
      }
    }
    return best;
  }

  function describeSpan(th, i) {
    const state = states[th.state[i]];
    const detail = data.details[th.detail[i]];
    const lines = [threadTitle(th), state.meaning + (detail ? ': ' + detail : ''),
      formatTime(th.end[i] - th.start[i]) + ', from ' + formatTime(th.start[i]) + ' to ' + formatTime(th.end[i])];
    for (const p of pausesIn(th.start[i], th.end[i])) {
      lines.push('overlaps ' + describePause(p));
    }
    const stack = data.stacks[th.stack[i]];
    stack.slice(0, 40).forEach(frame => lines.push('  at ' + frame));
    if (stack.length > 40) {
      lines.push('  … ' + (stack.length - 40) + ' more frames');
    }
    return lines.join('\n');
  }

  function threadTitle(th) {
    return th.name + '  (' + th.group.name + ', java id ' + th.javaId + (th.osId ? ', os id ' + th.osId : '')
      + (th.virtual ? ', virtual' : '') + (th.started >= 0 ? ', started at ' + formatTime(th.started) : '')
      + (th.ended >= 0 ? ', ended at ' + formatTime(th.ended) : '') + ')';
  }

  function describePause(p) {
    return p.kind + ' pause ' + formatTime(p.end - p.start) + ' at ' + formatTime(p.start)
      + (p.cause ? ': ' + p.cause : '');
  }

  function describeGroup(row, x) {
    const p = Math.floor(x - LABEL_W);
    const counts = groupCounts(row.threads, new Uint8Array(plotW));
    const lines = [row.group.name + ': ' + row.threads.length + ' threads, at ' + formatTime(tOf(x))];
    states.forEach((s, i) => {
      const c = p >= 0 && p < plotW ? counts[p * states.length + i] : 0;
      if (c > 0) {
        lines.push('  ' + c + ' ' + s.meaning);
      }
    });
    return lines.join('\n');
  }

  function describeAt(clientX, clientY) {
    const row = rowAt(clientY);
    const x = plotX(clientX);
    if (!row || x < LABEL_W) {
      return row ? (row.group ? row.group.name + ' (' + row.threads.length + ' threads)' : threadTitle(row.thread))
        : null;
    }
    if (row.group) {
      return describeGroup(row, x);
    }
    const i = spanAt(row.thread, x);
    if (i >= 0) {
      return describeSpan(row.thread, i);
    }
    const pauses = pausesIn(tOf(x), tOf(x + 1)).map(describePause);
    return [threadTitle(row.thread), 'not seen at ' + formatTime(tOf(x))].concat(pauses).join('\n');
  }

  function showTooltip(text, x, y) {
    if (text === null) {
      tooltip.hidden = true;
      return;
    }
    tooltip.textContent = text;
    tooltip.hidden = false;
    tooltip.style.left = Math.max(0, Math.min(x + 14, window.innerWidth - tooltip.offsetWidth - 4)) + 'px';
    tooltip.style.top = (y + tooltip.offsetHeight + 24 > window.innerHeight ? Math.max(0, y - tooltip.offsetHeight - 8)
      : y + 16) + 'px';
  }

  // Dragging across the chart selects a range to zoom into; a click without a drag folds a group.
  let drag = null;

  function showSelection(x0, x1) {
    const box = chart.getBoundingClientRect();
    selection.hidden = false;
    selection.style.left = (box.left + Math.min(x0, x1)) + 'px';
    selection.style.width = Math.abs(x1 - x0) + 'px';
    selection.style.top = box.top + 'px';
    selection.style.height = box.height + 'px';
  }

  chart.addEventListener('mousedown', event => {
    drag = { x: Math.max(LABEL_W, plotX(event.clientX)), clientY: event.clientY };
    event.preventDefault();
  });
  window.addEventListener('mousemove', event => {
    if (drag) {
      showSelection(drag.x, Math.max(LABEL_W, plotX(event.clientX)));
    }
  });
  window.addEventListener('mouseup', event => {
    if (!drag) {
      return;
    }
    const x = Math.max(LABEL_W, Math.min(LABEL_W + plotW, plotX(event.clientX)));
    selection.hidden = true;
    if (Math.abs(x - drag.x) > 3) {
      setView(tOf(Math.min(x, drag.x)), tOf(Math.max(x, drag.x)));
    } else {
      const row = rowAt(drag.clientY);
      if (row && row.group && !filter) {
        row.group.collapsed = !row.group.collapsed;
        buildRows();
        requestDraw();
      }
    }
    drag = null;
  });
  chart.addEventListener('mousemove', event => showTooltip(describeAt(event.clientX, event.clientY),
    event.clientX, event.clientY));
  chart.addEventListener('mouseleave', () => { tooltip.hidden = true; });
  scroller.addEventListener('scroll', requestDraw);
  scroller.addEventListener('wheel', event => {
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      zoomAround(tOf(Math.max(LABEL_W, plotX(event.clientX))), Math.pow(1.0015, event.deltaY));
    } else if (event.shiftKey) {
      event.preventDefault();
      pan((event.deltaY || event.deltaX) / plotW);
    }
  }, { passive: false });
  ruler.addEventListener('wheel', event => {
    event.preventDefault();
    zoomAround(tOf(Math.max(LABEL_W, plotX(event.clientX))), Math.pow(1.0015, event.deltaY));
  }, { passive: false });
  ruler.addEventListener('mousemove', event => {
    const t = tOf(plotX(event.clientX));
    const width = tOf(plotX(event.clientX) + 2) - t;
    const pauses = pausesIn(t - width, t + width);
    showTooltip(pauses.length ? pauses.map(describePause).join('\n') : null, event.clientX, event.clientY);
    if (event.buttons === 1 && event.movementX) {
      pan(-event.movementX / plotW);
    }
  });
  ruler.addEventListener('mouseleave', () => { tooltip.hidden = true; });
  document.getElementById('reset').addEventListener('click', reset);
  document.getElementById('expand').addEventListener('click', () => foldAll(false));
  document.getElementById('collapse').addEventListener('click', () => foldAll(true));
  document.addEventListener('keydown', event => {
    if (event.target === searchBox && event.key !== 'Escape') {
      return;
    }
    const centre = (view.start + view.end) / 2;
    const actions = {
      w: () => zoomAround(centre, 0.5), '+': () => zoomAround(centre, 0.5), '=': () => zoomAround(centre, 0.5),
      s: () => zoomAround(centre, 2), '-': () => zoomAround(centre, 2),
      a: () => pan(-0.2), ArrowLeft: () => pan(-0.2), d: () => pan(0.2), ArrowRight: () => pan(0.2),
      0: reset, Escape: reset
    };
    const action = actions[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (action && !event.ctrlKey && !event.metaKey && !event.altKey) {
      action();
      event.preventDefault();
    }
  });
  searchBox.addEventListener('input', () => search(searchBox.value));
  window.addEventListener('resize', requestDraw);

  function foldAll(collapsed) {
    groups.forEach(g => { g.collapsed = collapsed; });
    buildRows();
    requestDraw();
  }

  function search(text) {
    filter = text ? toRegExp(text) : null;
    scroller.scrollTop = 0;
    buildRows();
    requestDraw();
  }

  function legend() {
    const box = document.getElementById('legend');
    const item = (color, text, border) => {
      const span = document.createElement('span');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = color;
      if (border) {
        swatch.style.borderColor = border;
      }
      span.appendChild(swatch);
      span.appendChild(document.createTextNode(text));
      box.appendChild(span);
    };
    states.forEach(s => item(s.color, s.meaning));
    item(data.pauseBand, 'pause band (every thread stopped)');
    item('#1a7f1a', 'thread started');
    item('#000', 'thread ended');
    item('#fafafa', 'not seen', '#ccc');
  }

  // #window=FROM-TO (microseconds) and #search=REGEXP open the page as a zoom and a filter would leave it.
  const params = new URLSearchParams(location.hash.slice(1));
  const opened = (params.get('window') || '').split('-').map(Number);
  const all = groups.reduce((n, g) => n + g.threads.length, 0);
  // Many threads start folded to their group rows, so the page opens on something readable.
  groups.forEach(g => { g.collapsed = all > 200 && g.threads.length > 1; });
  legend();
  searchBox.value = params.get('search') || '';
  filter = searchBox.value ? toRegExp(searchBox.value) : null;
  buildRows();
  if (opened.length === 2 && opened.every(Number.isFinite)) {
    setView(opened[0], opened[1]);
  }
  draw();
  // What timeline-selftest.js drives; nothing else reads it.
  window.profconTimeline = {
    data: data, groups: groups, states: states, view: view, stats: stats, ROW: ROW, LABEL_W: LABEL_W,
    draw: draw, xOf: xOf, get rows() { return rows; }, get plotW() { return plotW; }
  };
}());
