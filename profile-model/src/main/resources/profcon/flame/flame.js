'use strict';
// profcon's flame graph: draws the call tree in #flame-data as rows of frames (root on top),
// zooms on click, highlights search matches, and explains a frame on hover. No dependencies.
(function () {
  const ROW = 18;
  // Frames narrower than this share of the zoomed frame would be under a pixel: not drawn.
  const MIN_FRACTION = 0.0005;
  const CHAR_WIDTH = 6.7; // of the 11px monospace font of frames, with a little to spare
  const UNITS = {
    time: [[1, 'ns'], [1e3, 'us'], [1e6, 'ms'], [1e9, 's'], [3600e9, 'hrs']],
    bytes: [[1, 'B'], [1024, 'kB'], [1048576, 'MB'], [1073741824, 'GB'], [1099511627776, 'TB'],
      [1125899906842624, 'PB']]
  };

  const data = JSON.parse(document.getElementById('flame-data').textContent);
  const chart = document.getElementById('chart');
  const tooltip = document.getElementById('tooltip');
  const searchBox = document.getElementById('search');
  const matchedLabel = document.getElementById('matched');
  const root = data.root;
  const nodes = [];
  let zoomed = root;

  // Pre-order: parents come before their children, which search() relies on.
  function index(node, parent, depth) {
    node.id = nodes.length;
    node.parent = parent;
    node.depth = depth;
    node.children = node.children || [];
    nodes.push(node);
    node.children.forEach(child => index(child, node, depth + 1));
  }

  function widthOf(node) {
    return node.width === undefined ? node.total : node.width;
  }

  // pprof's "auto" unit: the largest unit in which the value is at least 1, two decimals, ".00" dropped.
  function format(value) {
    const x = value * data.unit.factor;
    const units = UNITS[data.unit.family] || [[1, '']];
    let unit = units[0];
    for (const u of units) {
      if (Math.abs(x) / u[0] >= 1) {
        unit = u;
      }
    }
    const text = (x / unit[0]).toFixed(2).replace(/\.00$/, '');
    return text === '0' || text === '-0' ? '0' : text + unit[1];
  }

  // pprof's percentage: "100%", two decimals from 1%, two significant digits below.
  function percent(value) {
    const p = data.total === 0 ? 0 : Math.abs(value) / data.total * 100;
    if (p >= 99.95 && p <= 100.05) {
      return '100%';
    }
    return (p >= 1 ? p.toFixed(2) : String(Number(p.toPrecision(2)))) + '%';
  }

  function amount(value) {
    return format(value) + ' (' + percent(value) + ')';
  }

  function describe(node) {
    const lines = [node.name, 'flat: ' + amount(node.self), 'cum:  ' + amount(node.total)];
    if (data.diff && !data.mean) {
      const width = widthOf(node);
      lines.push('new:  ' + format((width + node.total) / 2) + ', base: ' + format((width - node.total) / 2));
    }
    return lines.join('\n');
  }

  // The full name when it fits, else without its package (Attr.visitMethodDef): the class tells more.
  function label(name, pixels) {
    return name.length * CHAR_WIDTH <= pixels ? name : name.replace(/^([a-z0-9_]+[./])+(?=[^./])/, '');
  }

  function frameElement(node, left, fraction, kind) {
    const el = document.createElement('div');
    el.className = 'frame' + (kind ? ' ' + kind : '') + (node.match ? ' match' : '');
    el.dataset.id = node.id;
    el.style.left = (left * 100) + '%';
    el.style.width = (fraction * 100) + '%';
    el.style.top = (node.depth * ROW) + 'px';
    el.style.background = node.color;
    el.dataset.name = node.name;
    el.textContent = label(node.name, fraction * chart.clientWidth);
    return el;
  }

  // Places node and its callees at [left, left + fraction) of the chart; returns the deepest row drawn.
  function place(node, left, fraction, into) {
    if (fraction < MIN_FRACTION) {
      return 0;
    }
    into.appendChild(frameElement(node, left, fraction, node === zoomed ? 'zoomed' : ''));
    const width = widthOf(node);
    let x = left;
    let deepest = node.depth;
    for (const child of node.children) {
      const share = width === 0 ? 0 : fraction * widthOf(child) / width;
      deepest = Math.max(deepest, place(child, x, share, into));
      x += share;
    }
    return deepest;
  }

  function render() {
    const frames = document.createDocumentFragment();
    for (let a = zoomed.parent; a; a = a.parent) {
      frames.appendChild(frameElement(a, 0, 1, 'ancestor'));
    }
    const deepest = place(zoomed, 0, 1, frames);
    chart.textContent = '';
    chart.appendChild(frames);
    chart.style.height = ((deepest + 1) * ROW) + 'px';
  }

  function zoom(node) {
    zoomed = node;
    render();
  }

  function toRegExp(text) {
    try {
      return new RegExp(text);
    } catch (notARegExp) {
      return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    }
  }

  // Marks matching frames; the matched share counts a frame once even when a caller matched too.
  function search(text) {
    const pattern = text ? toRegExp(text) : null;
    let matched = 0;
    for (const node of nodes) {
      node.match = pattern !== null && pattern.test(node.name);
      node.covered = node.parent !== null && (node.parent.match || node.parent.covered);
      if (node.match && !node.covered) {
        matched += node.total;
      }
    }
    matchedLabel.textContent = pattern ? 'Matched: ' + amount(matched) : '';
    render();
  }

  // The widest frame with this exact name (the first in tree order on a tie).
  function findFrame(name) {
    let best = null;
    for (const node of nodes) {
      if (node.name === name && (best === null || widthOf(node) > widthOf(best))) {
        best = node;
      }
    }
    return best;
  }

  function nodeAt(target) {
    const el = target.closest ? target.closest('.frame') : null;
    return el ? nodes[Number(el.dataset.id)] : null;
  }

  function showTooltip(node, x, y) {
    tooltip.textContent = describe(node);
    tooltip.hidden = false;
    tooltip.style.left = Math.max(0, Math.min(x + 14, window.innerWidth - tooltip.offsetWidth - 4)) + 'px';
    tooltip.style.top = (y + tooltip.offsetHeight + 24 > window.innerHeight ? y - tooltip.offsetHeight - 8 : y + 16)
      + 'px';
  }

  chart.addEventListener('click', event => {
    const node = nodeAt(event.target);
    if (node) {
      zoom(node);
    }
  });
  chart.addEventListener('mousemove', event => {
    const node = nodeAt(event.target);
    if (node) {
      showTooltip(node, event.clientX, event.clientY);
    } else {
      tooltip.hidden = true;
    }
  });
  chart.addEventListener('mouseleave', () => { tooltip.hidden = true; });
  document.getElementById('reset').addEventListener('click', () => zoom(root));
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape') {
      zoom(root);
    }
  });
  searchBox.addEventListener('input', () => search(searchBox.value));
  // Labels are cut to the frames' pixel widths: a new window width needs new labels.
  window.addEventListener('resize', render);

  // The self-test behind #selftest: real clicks and typing through the same handlers a user
  // triggers, with what happened written into #selftest for a headless browser's DOM dump.
  function selfTest(params) {
    const results = [];
    const report = (key, value) => results.push(key + '=' + value);
    const click = node => chart.querySelector('.frame[data-id="' + node.id + '"]')
      .dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
    report('frames', chart.querySelectorAll('.frame').length);
    report('top', topByFlat(5).join(','));
    const target = findFrame(params.get('click') || '') ||
      root.children.reduce((a, b) => (a === null || widthOf(b) > widthOf(a) ? b : a), null);
    if (target) {
      click(target);
      const zoomedBox = chart.querySelector('.zoomed').getBoundingClientRect();
      const chartBox = chart.getBoundingClientRect();
      report('clicked', target.name);
      report('zoomed', zoomed.name);
      report('zoomedWidth', Math.round(zoomedBox.width));
      report('chartWidth', Math.round(chartBox.width));
      report('fullWidth', Math.abs(zoomedBox.width - chartBox.width) <= 1);
      searchBox.value = params.get('find') || target.name;
      searchBox.dispatchEvent(new Event('input', { bubbles: true }));
      report('matched', matchedLabel.textContent);
      report('highlighted', chart.querySelectorAll('.frame.match').length);
      report('tooltip', describe(target).split('\n').join(' | '));
      click(root);
      report('afterRootClick', zoomed.name);
    }
    report('errors', document.getElementById('errors').textContent.split('\n').filter(Boolean).length);
    report('selftest', 'done');
    document.getElementById('selftest').textContent = results.join('\n');
  }

  function topByFlat(count) {
    const flat = new Map();
    nodes.forEach(node => flat.set(node.name, (flat.get(node.name) || 0) + node.self));
    return [...flat.entries()].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, count).map(e => e[0]);
  }

  // #zoom=NAME and #search=REGEXP open the page as a click and a search would leave it.
  const params = new URLSearchParams(location.hash.slice(1));
  index(root, null, 0);
  zoomed = findFrame(params.get('zoom') || '') || root;
  searchBox.value = params.get('search') || '';
  search(searchBox.value);
  if (params.has('selftest')) {
    selfTest(params);
  }
}());
