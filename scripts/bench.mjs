// `make bench`: podscope's release build beside a bare Yew counter (the floor, benches/floor/),
// both served gzip -9 from 127.0.0.1 and loaded in Debian's headless Chromium on two profiles:
// desktop (no throttling, 1280x800) and phone (360x740, CDP CPU throttling 4x, 1.6 Mbit/s down,
// 750 kbit/s up, 150 ms round trip). Every figure is the median of RUNS fresh loads (new browser
// context, empty cache). Prints one table: figure, podscope, floor, ratio, goal.
//
//   node scripts/bench.mjs PODSCOPE_DIST FLOOR_DIST [ROUNDTRIP_LINE]
//
// ROUNDTRIP_LINE is the native bench's output line (benches/roundtrip.rs), added to the table.
// Figures per load:
//   first load   gzip -9 bytes of every response until the app is interactive (what a
//                browser downloads for the first screen; lazily loaded modules are not in it)
//   FCP          first-contentful-paint from the Paint Timing API
//   interactive  the live app's controls are in the DOM: podscope's pod diagram and a terminal
//                input outside the pre-rendered first screen; the floor's button
//   CLS          the sum of layout-shift entries (PerformanceObserver) until 500 ms after that
//   swap shift   the largest move, in CSS px, of a landmark box (header, diagram, terminals)
//                between the pre-rendered first screen (wasm blocked) and the live app
import { createServer } from 'node:http';
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, ROOT } from '../tests/e2e/helpers.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const [podscopeDir, floorDir, roundtripLine = ''] = process.argv.slice(2);
if (!podscopeDir || !floorDir) {
  console.error('usage: node scripts/bench.mjs PODSCOPE_DIST FLOOR_DIST [ROUNDTRIP_LINE]');
  process.exit(2);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png',
};

/** A static server over `dir` that answers gzip -9 and counts the bytes it sent. */
function serve(folder) {
  const dir = resolve(folder);
  const cache = new Map();
  const counter = { bytes: 0, files: [] };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      if (!cache.has(file)) cache.set(file, gzipSync(await readFile(file), { level: 9 }));
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    const body = cache.get(file);
    counter.bytes += body.length;
    counter.files.push(`${path} ${body.length}`);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-encoding': 'gzip',
      'cache-control': 'no-store',
    });
    res.end(body);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({
    url: `http://127.0.0.1:${server.address().port}/`,
    counter,
    close: () => new Promise((closed) => server.close(closed)),
  })));
}

const PROFILES = {
  desktop: { viewport: { width: 1280, height: 800 }, cpu: 1, network: null },
  phone: {
    viewport: { width: 360, height: 740 },
    cpu: 4,
    network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  },
};

/** Installed before any page script: records when the live app is ready, and layout shifts. */
function probe(readySelectors) {
  window.__bench = { ready: null, cls: 0, shifted: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__bench.cls += e.value;
      for (const src of e.sources ?? []) {
        const n = src.node;
        window.__bench.shifted.push(`${e.value.toFixed(3)} ${n?.nodeName ?? '?'}.${n?.className?.baseVal ?? n?.className ?? ''}`);
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const live = (sel) => [...document.querySelectorAll(sel)].some((el) => !el.closest('[data-prerender]'));
  const check = () => {
    if (window.__bench.ready === null && readySelectors.every(live)) {
      window.__bench.ready = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

const TARGETS = {
  podscope: ['[data-testid="pod-diagram"]', '[data-testid^="terminal-input-"]'],
  floor: ['[data-testid="floor-button"]'],
};

async function load(browser, server, target, profileName) {
  const profile = PROFILES[profileName];
  const context = await browser.newContext({ viewport: profile.viewport });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (profile.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
  }
  await page.addInitScript(probe, TARGETS[target]);
  server.counter.bytes = 0;
  server.counter.files = [];
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.ready !== null, null, { timeout: 60_000, polling: 50 });
  await page.waitForTimeout(500);
  const m = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    ready: window.__bench.ready,
    cls: window.__bench.cls,
    shifted: window.__bench.shifted,
  }));
  m.bytes = server.counter.bytes;
  m.files = [...server.counter.files];
  await context.close();
  return m;
}

/** Landmark boxes of the pre-rendered first screen (wasm never arrives) and of the live app. */
async function swapShift(browser, server, profileName) {
  const boxes = async (blockWasm) => {
    const context = await browser.newContext({ viewport: PROFILES[profileName].viewport });
    const page = await context.newPage();
    if (blockWasm) await page.route(/\.wasm$/, (route) => route.abort());
    await page.addInitScript(probe, TARGETS.podscope);
    await page.goto(server.url, { waitUntil: 'load' });
    if (!blockWasm) await page.waitForFunction(() => window.__bench?.ready !== null, null, { timeout: 60_000 });
    await page.waitForTimeout(300);
    const found = await page.evaluate(() => {
      const picks = ['.masthead', '.top-bar', '.workspace', '.left-column', '.right-column',
        '.pod-diagram, [data-testid="pod-diagram"]', '.terminal-panel', '.info-panel'];
      const out = {};
      for (const sel of picks) {
        const el = [...document.querySelectorAll(sel)].find((e) => e.getClientRects().length > 0);
        if (el) { const r = el.getBoundingClientRect(); out[sel] = [r.x, r.y, r.width, r.height]; }
      }
      return out;
    });
    await context.close();
    return found;
  };
  const before = await boxes(true);
  const after = await boxes(false);
  let worst = 0;
  let missing = 0;
  for (const [sel, b] of Object.entries(after)) {
    const a = before[sel];
    if (!a) { missing += 1; continue; }
    worst = Math.max(worst, ...a.map((v, i) => Math.abs(v - b[i])));
  }
  return { worst, missing, landmarks: Object.keys(after).length };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const browser = await launchBrowser();
const servers = { podscope: await serve(podscopeDir), floor: await serve(floorDir) };
const results = {};
for (const profile of Object.keys(PROFILES)) {
  const runs = { podscope: [], floor: [] };
  // One warm-up load each (contexts are fresh, so no page cache: it warms the server's gzip
  // cache and Chromium itself), then RUNS measured loads, podscope and floor taking turns so
  // that whatever else the machine does weighs on both alike.
  for (const target of Object.keys(TARGETS)) await load(browser, servers[target], target, profile);
  for (let i = 0; i < RUNS; i++) {
    for (const target of Object.keys(TARGETS)) runs[target].push(await load(browser, servers[target], target, profile));
  }
  for (const [target, list] of Object.entries(runs)) {
    const runs = list;
    results[`${target}/${profile}`] = {
      fcp: median(runs.map((r) => r.fcp)),
      ready: median(runs.map((r) => r.ready)),
      cls: Math.max(...runs.map((r) => r.cls)),
      bytes: median(runs.map((r) => r.bytes)),
      files: runs[0].files,
      runs,
    };
  }
}
const shift = {};
for (const profile of Object.keys(PROFILES)) shift[profile] = await swapShift(browser, servers.podscope, profile);
await browser.close();
for (const s of Object.values(servers)) await s.close();

const kb = (b) => `${(b / 1024).toFixed(0)} KiB`;
const ms = (t) => `${t.toFixed(0)} ms`;
const rows = [];
const mark = (ok) => (ok ? ' ✓' : ' ✗');
const row = (figure, p, f, fmt, goal, ok) => rows.push([figure, fmt(p), fmt(f), `${(p / f).toFixed(2)}×`, goal + mark(ok)]);
const r = (k) => results[k];
const ratio = (k, fig) => r(`podscope/${k}`)[fig] / r(`floor/${k}`)[fig];
row('first load, gzip -9', r('podscope/desktop').bytes, r('floor/desktop').bytes, kb, '≤ 300 KiB (stretch 150)', r('podscope/desktop').bytes <= 300 * 1024);
row('first contentful paint, desktop', r('podscope/desktop').fcp, r('floor/desktop').fcp, ms, '≤ 1.5× floor', ratio('desktop', 'fcp') <= 1.5);
row('first contentful paint, phone', r('podscope/phone').fcp, r('floor/phone').fcp, ms, '≤ 1.5× floor', ratio('phone', 'fcp') <= 1.5);
row('interactive, desktop', r('podscope/desktop').ready, r('floor/desktop').ready, ms, '≤ 2× floor', ratio('desktop', 'ready') <= 2);
row('interactive, phone', r('podscope/phone').ready, r('floor/phone').ready, ms, '≤ 3× floor', ratio('phone', 'ready') <= 3);
const worstCls = Math.max(r('podscope/desktop').cls, r('podscope/phone').cls);
rows.push(['layout shift (CLS, worst run), desktop / phone',
  `${r('podscope/desktop').cls.toFixed(3)} / ${r('podscope/phone').cls.toFixed(3)}`,
  `${r('floor/desktop').cls.toFixed(3)} / ${r('floor/phone').cls.toFixed(3)}`, '', `0${mark(worstCls === 0)}`]);
rows.push(['swap: largest landmark move, desktop / phone',
  `${shift.desktop.worst.toFixed(0)} px / ${shift.phone.worst.toFixed(0)} px` +
  (shift.desktop.missing + shift.phone.missing ? ` (${shift.desktop.missing}+${shift.phone.missing} landmarks not pre-rendered)` : ''),
  '', '', `0 px${mark(shift.desktop.worst === 0 && shift.phone.worst === 0 && !shift.desktop.missing && !shift.phone.missing)}`]);
const rt = /in ([\d.]+) s: (\d+) round trips\/s/.exec(roundtripLine);
if (rt) rows.push(['native curl round trips/s (20,000)', rt[2], '', '', `≥ 20,000${mark(Number(rt[2]) >= 20000)}`]);

const header = ['figure', 'podscope', 'floor', 'ratio', 'goal'];
const table = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
console.log(`\npodscope vs bare Yew, medians of ${RUNS} loads, ${new Date().toISOString().slice(0, 10)}:\n`);
console.log(table);
console.log('\nfirst-load files (podscope, desktop):', r('podscope/desktop').files.join(', '));
const shifts = [...r('podscope/desktop').runs, ...r('podscope/phone').runs].flatMap((x) => x.shifted);
if (shifts.length) console.log('layout shifts seen (value, node):', [...new Set(shifts)].join('; '));
await mkdir(join(ROOT, 'target', 'bench'), { recursive: true });
await writeFile(join(ROOT, 'target', 'bench', 'result.json'), JSON.stringify({ results, shift, table }, null, 2));
