'use strict';
// The timeline's self-test, run only with #selftest: real mouse, wheel, key and input events through
// the same handlers a user triggers, with what happened written into #selftest for a headless
// browser's DOM dump (TraceTimelineBrowserIT).
(function () {
  const params = new URLSearchParams(location.hash.slice(1));
  if (!params.has('selftest')) {
    return;
  }
  const page = window.profconTimeline;
  const { data, groups, states, view, stats, ROW, LABEL_W, draw, xOf } = page;
  const chart = document.getElementById('chart');
  const ruler = document.getElementById('ruler');
  const scroller = document.getElementById('scroller');
  const tooltip = document.getElementById('tooltip');
  const searchBox = document.getElementById('search');
  const shownLabel = document.getElementById('shown');
  const windowLabel = document.getElementById('window');

  function selfTest(params) {
    const results = [];
    const report = (key, value) => results.push(key + '=' + value);
    report('threads', groups.reduce((n, g) => n + g.threads.length, 0));
    report('groups', groups.map(g => g.name).join(','));
    report('rows', page.rows.length);
    report('drawMs', Math.round(stats.drawMs));
    if (params.has('expand')) {
      document.getElementById('expand').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      draw();
      report('expandedRows', page.rows.length);
    }
    probeTest(params, report);
    hoverTest(params, report);
    zoomTest(params, report);
    pauseTest(report);
    searchTest(params, report);
    report('errors', document.getElementById('errors').textContent.split('\n').filter(Boolean).length);
    report('selftest', 'done');
    document.getElementById('selftest').textContent = results.join('\n');
  }

  function mouse(target, type, x, y, extra) {
    const box = chart.getBoundingClientRect();
    target.dispatchEvent(new MouseEvent(type, Object.assign({ bubbles: true, cancelable: true, view: window,
      clientX: box.left + x, clientY: box.top + y }, extra || {})));
  }

  // #probe=THREAD@MICROS: the colour drawn for that thread at that time, at the opening zoom.
  function probeTest(params, report) {
    const [name, at] = (params.get('probe') || '').split('@');
    const r = page.rows.findIndex(row => row.thread && row.thread.name === name);
    if (r < 0) {
      return;
    }
    scroller.scrollTop = Math.max(0, r * ROW - ROW);
    draw();
    const pixel = chart.getContext('2d').getImageData(Math.floor(xOf(Number(at))), r * ROW - scroller.scrollTop
      + ROW / 2, 1, 1).data;
    report('probe', hex(pixel));
    scroller.scrollTop = 0;
    draw();
  }

  function hex(pixel) {
    return '#' + [0, 1, 2].map(i => pixel[i].toString(16).padStart(2, '0')).join('');
  }

  // Hovers the middle of the longest span of the state asked for (#hover=STATE, LOCK by default).
  function hoverTest(params, report) {
    const wanted = states.findIndex(s => s.name === (params.get('hover') || 'LOCK'));
    let best = null;
    page.rows.forEach((row, r) => {
      const th = row.thread;
      for (let i = 0; th && i < th.n; i++) {
        if (th.state[i] === wanted && (!best || th.end[i] - th.start[i] > best.length)) {
          best = { r: r, th: th, i: i, length: th.end[i] - th.start[i] };
        }
      }
    });
    if (!best) {
      report('hovered', 'none');
      return;
    }
    scroller.scrollTop = Math.max(0, best.r * ROW - ROW);
    draw();
    const x = xOf((best.th.start[best.i] + best.th.end[best.i]) / 2);
    mouse(chart, 'mousemove', x, best.r * ROW - scroller.scrollTop + ROW / 2);
    report('hovered', best.th.name);
    report('tooltipShown', !tooltip.hidden);
    report('tooltip', tooltip.textContent.split('\n').join(' | '));
    mouse(chart, 'mouseleave', 0, 0);
    scroller.scrollTop = 0;
    draw();
  }

  // Drags across #zoom=FROM-TO (microseconds; the second quarter by default), then wheels, keys and resets.
  function zoomTest(params, report) {
    const asked = (params.get('zoom') || '').split('-').map(Number);
    const from = asked.length === 2 ? asked[0] : data.length / 4;
    const to = asked.length === 2 ? asked[1] : data.length / 2;
    const y = ROW / 2;
    mouse(chart, 'mousedown', xOf(from), y, { buttons: 1 });
    mouse(window, 'mousemove', (xOf(from) + xOf(to)) / 2, y, { buttons: 1 });
    mouse(window, 'mouseup', xOf(to), y);
    draw();
    report('dragged', Math.round(from) + '-' + Math.round(to));
    report('window', Math.round(view.start) + '-' + Math.round(view.end));
    report('pixelUs', Math.ceil((to - from) / page.plotW));
    report('windowText', windowLabel.textContent);
    const before = view.end - view.start;
    const box = chart.getBoundingClientRect();
    scroller.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey: true, deltaY: -200,
      clientX: box.left + LABEL_W + page.plotW / 2, clientY: box.top + y }));
    draw();
    report('wheelNarrower', view.end - view.start < before);
    const start = view.start;
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'd', bubbles: true, cancelable: true }));
    draw();
    report('keyPannedRight', view.start > start);
    document.getElementById('reset').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    draw();
    report('afterReset', Math.round(view.start) + '-' + Math.round(view.end));
  }

  // The longest pause: its band counted, its mark on the time axis read back from the canvas.
  function pauseTest(report) {
    report('pausesDrawn', stats.pausesDrawn);
    const longest = data.pauses.reduce((a, p) => (!a || p.end - p.start > a.end - a.start ? p : a), null);
    if (!longest) {
      return;
    }
    const x = Math.round(xOf((longest.start + longest.end) / 2));
    const pixel = ruler.getContext('2d').getImageData(x, 21, 1, 1).data;
    report('pauseMark', hex(pixel));
    // The top pixel of a thread row is the gap above its bar: only a band paints it.
    const r = page.rows.findIndex(row => row.thread);
    const band = chart.getContext('2d').getImageData(x, r * ROW, 1, 1).data;
    report('pauseBandAlpha', r < 0 ? 'no thread row' : band[3]);
  }

  // Types #find=REGEXP (the first thread's name by default) into the filter box.
  function searchTest(params, report) {
    const find = params.get('find') || groups[0].threads[0].name;
    searchBox.value = find;
    searchBox.dispatchEvent(new Event('input', { bubbles: true }));
    draw();
    report('find', find);
    report('shown', shownLabel.textContent);
    report('filteredRows', page.rows.map(r => (r.group ? '[' + r.group.name + ']' : r.thread.name)).join(','));
    searchBox.value = '';
    searchBox.dispatchEvent(new Event('input', { bubbles: true }));
    draw();
    report('unfilteredRows', page.rows.length);
  }

  selfTest(params);
}());
