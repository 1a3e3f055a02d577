// A line plot as hand-written SVG (no plotting dependency): p99 against arrival rate, one
// line per server. The y axis is logarithmic, because a server past its capacity answers in
// seconds while one below it answers in milliseconds, and both must stay readable.
const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { left: 64, right: 170, top: 40, bottom: 52 };
const COLOURS = ['#005eb8', '#d5281b', '#007f3b', '#ffb81c'];
const DASHES = ['', '6 4', '2 3', '8 3 2 3'];

const escape = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const num = (value) => Number(value.toFixed(1));

/** 1, 2, 5, 10, 20, 50… covering [low, high]. */
function logTicks(low, high) {
  const ticks = [];
  for (let decade = 10 ** Math.floor(Math.log10(low)); decade <= high * 10; decade *= 10)
    for (const m of [1, 2, 5]) if (decade * m >= low && decade * m <= high) ticks.push(decade * m);
  return ticks;
}

function linearTicks(high, count = 5) {
  const raw = high / count;
  const step = [1, 2, 2.5, 5, 10].map((m) => m * 10 ** Math.floor(Math.log10(raw))).find((s) => s >= raw);
  return Array.from({ length: Math.floor(high / step) + 1 }, (_, i) => i * step);
}

/**
 * series: [{ label, points: [{ x, y }] }] (points with a null y are skipped). Returns the SVG
 * text, with a <title> and <desc> so it reads out as well as it shows.
 */
export function linePlot({ title, description, xLabel, yLabel, series }) {
  const points = series.flatMap((s) => s.points).filter((p) => p.y !== null && p.y > 0);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="t d" font-family="Arial, sans-serif" font-size="12">`,
    `<title id="t">${escape(title)}</title>`,
    `<desc id="d">${escape(description)}</desc>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="14" font-weight="bold">${escape(title)}</text>`,
  ];
  if (!points.length) {
    out.push(`<text x="${MARGIN.left}" y="${HEIGHT / 2}">No open-loop figures in this run.</text>`, '</svg>');
    return out.join('\n');
  }
  const xMax = Math.max(...points.map((p) => p.x)) * 1.05;
  const yLow = 10 ** Math.floor(Math.log10(Math.min(...points.map((p) => p.y))));
  const yHigh = 10 ** Math.ceil(Math.log10(Math.max(...points.map((p) => p.y))));
  const xAt = (x) => MARGIN.left + (x / xMax) * plotW;
  const yAt = (y) =>
    MARGIN.top + plotH - ((Math.log10(y) - Math.log10(yLow)) / (Math.log10(yHigh) - Math.log10(yLow) || 1)) * plotH;

  for (const tick of logTicks(yLow, yHigh)) {
    const y = num(yAt(tick));
    out.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${y}" y2="${y}" stroke="#e8edee"/>`,
      `<text x="${MARGIN.left - 6}" y="${y + 4}" text-anchor="end">${tick}</text>`,
    );
  }
  for (const tick of linearTicks(xMax)) {
    const x = num(xAt(tick));
    out.push(
      `<line x1="${x}" x2="${x}" y1="${MARGIN.top}" y2="${MARGIN.top + plotH}" stroke="#e8edee"/>`,
      `<text x="${x}" y="${MARGIN.top + plotH + 16}" text-anchor="middle">${tick}</text>`,
    );
  }
  out.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#425563"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle">${escape(xLabel)}</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escape(yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const dash = DASHES[i % DASHES.length];
    const shown = s.points.filter((p) => p.y !== null && p.y > 0);
    if (shown.length > 1)
      out.push(
        `<polyline fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${shown.map((p) => `${num(xAt(p.x))},${num(yAt(p.y))}`).join(' ')}"/>`,
      );
    for (const p of shown)
      out.push(
        `<circle cx="${num(xAt(p.x))}" cy="${num(yAt(p.y))}" r="3.5" fill="${colour}"><title>${escape(`${s.label}: ${p.y} ms at ${p.x} req/s`)}</title></circle>`,
      );
    const ly = MARGIN.top + 10 + i * 20;
    const lx = MARGIN.left + plotW + 14;
    out.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      `<text x="${lx + 30}" y="${ly + 4}">${escape(s.label)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
