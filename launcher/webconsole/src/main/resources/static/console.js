// The register page: re-reads the register table every second while "live" is ticked, from the block's
// plain URL (data-live), which never reads a register whose read has side effects.
(function () {
  const table = document.querySelector('table.registers[data-live]');
  const live = document.getElementById('live');
  if (!table || !live) { return; }
  function refresh() {
    if (!live.checked) { setTimeout(refresh, 1000); return; }
    fetch(table.getAttribute('data-live'), {cache: 'no-store'}).then(r => r.text()).then(html => {
      const fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('table.registers');
      const current = document.querySelector('table.registers');
      if (fresh && current) { current.replaceWith(fresh); }
      setTimeout(refresh, 1000);
    }).catch(() => setTimeout(refresh, 2000));
  }
  setTimeout(refresh, 1000);
})();

// The run page: polls the console's run state and redraws the loss curve and the bring-up timeline
// while a run goes on (a poll every 250 ms; slower, 2 s, once nothing changes).
(function () {
  const url = window.halcyonRun;
  if (!url) { return; }
  const svgNs = 'http://www.w3.org/2000/svg';
  function el(name, attrs, text) {
    const e = document.createElementNS(svgNs, name);
    for (const k in attrs) { e.setAttribute(k, attrs[k]); }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function clear(svg) { while (svg.firstChild) { svg.removeChild(svg.firstChild); } }

  function drawLoss(svg, run) {
    clear(svg);
    const W = 640, H = 240, L = 60, R = 10, T = 10, B = 30;
    svg.appendChild(el('line', {x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: '#333'}));
    svg.appendChild(el('line', {x1: L, y1: T, x2: L, y2: H - B, stroke: '#333'}));
    const pts = run.loss;
    svg.setAttribute('data-points', pts.length);
    svg.setAttribute('data-steps', run.steps);
    if (pts.length === 0) { svg.appendChild(el('text', {x: L + 10, y: H / 2}, 'no training run yet')); return; }
    // Log scale: the loss falls by two orders of magnitude.
    const ys = pts.map(p => Math.log10(Math.max(p[1], 1e-12)));
    const yMax = Math.max(...ys), yMin = Math.min(...ys), span = Math.max(yMax - yMin, 1e-9);
    const steps = Math.max(run.steps, 1);
    const xy = pts.map((p, i) => [L + (W - L - R) * p[0] / steps, T + (H - T - B) * (yMax - ys[i]) / span]);
    svg.appendChild(el('polyline', {id: 'loss-line', points: xy.map(p => p[0].toFixed(1) + ',' + p[1].toFixed(1)).join(' '),
      fill: 'none', stroke: '#1d3557', 'stroke-width': 2}));
    const first = pts[0][1], last = pts[pts.length - 1][1];
    svg.setAttribute('data-initial-loss', first);
    svg.setAttribute('data-final-loss', last);
    svg.appendChild(el('text', {x: L - 5, y: T + 10, 'text-anchor': 'end', 'font-size': 10}, Math.pow(10, yMax).toPrecision(3)));
    svg.appendChild(el('text', {x: L - 5, y: H - B, 'text-anchor': 'end', 'font-size': 10}, Math.pow(10, yMin).toPrecision(3)));
    svg.appendChild(el('text', {x: W - R, y: H - 8, 'text-anchor': 'end', 'font-size': 11},
      'step ' + pts[pts.length - 1][0] + ' of ' + run.steps + ', loss ' + last.toPrecision(4)));
  }

  function drawBringUp(svg, run) {
    clear(svg);
    const steps = run.bringup;
    svg.setAttribute('data-steps', steps.length);
    svg.setAttribute('data-bringups', run.bringups);
    if (steps.length === 0) { svg.appendChild(el('text', {x: 20, y: 120}, run.bringups ? 'bring-up starting' : 'no bring-up since the host started')); return; }
    const W = 640, L = 150, R = 10, row = Math.min(24, 220 / steps.length);
    const total = Math.max(1, steps.reduce((s, x) => s + x.deviceTime, 0));
    let t = 0;
    steps.forEach((s, i) => {
      const y = 10 + i * row;
      const x = L + (W - L - R) * t / total, w = Math.max(1, (W - L - R) * s.deviceTime / total);
      svg.appendChild(el('text', {x: L - 5, y: y + row * 0.7, 'text-anchor': 'end', 'font-size': 11}, s.step));
      const bar = el('rect', {x: x, y: y + 2, width: w, height: row - 4, fill: s.alreadyDone ? '#9bb' : '#457b9d', 'class': 'bringup-step'});
      bar.appendChild(el('title', {}, s.step + ': ' + (s.alreadyDone ? 'already' : 'done') + ', ' + s.deviceTime + ' ns device, ' + s.wallMs + ' ms wall'));
      svg.appendChild(bar);
      t += s.deviceTime;
    });
  }

  let lastText = '';
  function poll() {
    fetch(url, {cache: 'no-store'}).then(r => r.json()).then(run => {
      const text = JSON.stringify(run);
      if (text !== lastText) {
        lastText = text;
        document.getElementById('run-state').textContent = run.state + (run.runs ? ' (training runs seen: ' + run.runs + ')' : '');
        document.getElementById('bringup-state').textContent = run.bringupState + ', ' + run.bringup.length + ' of ' + run.bringupPlanned
          + ' steps' + (run.bringups ? ' (bring-ups seen: ' + run.bringups + ')' : '');
        drawLoss(document.getElementById('loss-chart'), run);
        drawBringUp(document.getElementById('bringup-chart'), run);
        setTimeout(poll, 250);
      } else {
        setTimeout(poll, run.state === 'running' || run.state === 'starting' || run.bringupState === 'running' ? 250 : 2000);
      }
    }).catch(() => setTimeout(poll, 2000));
  }
  poll();
})();
