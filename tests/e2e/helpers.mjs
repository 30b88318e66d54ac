// Shared pieces of the end-to-end tests: a real static file server over dist/ on 127.0.0.1,
// and Debian's Chromium driven by playwright-core (never a browser that Playwright downloads).
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The repository root (tests/e2e/ is two levels down). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where screenshots and other artefacts of the e2e tests go. */
export const OUT_DIR = join(ROOT, 'target', 'e2e');

/** Chromium as the project runs it everywhere (same flags as webdriver.json). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Serves `dir` (default: the release build in dist/) with `python3 -m http.server` on
 * 127.0.0.1 and a free port the OS picks. Resolves to `{ url, stop }` once it listens.
 */
export function startServer(dir = join(ROOT, 'dist')) {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`http.server did not start within 10 s; it printed: ${seen}`));
    }, 10_000);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`http.server exited with ${code} before listening; it printed: ${seen}`));
    });
    child.stderr.on('data', () => {}); // access log: drain it so the pipe never fills
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = /Serving HTTP on 127\.0\.0\.1 port (\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        const stop = () => new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        });
        resolve({ url: `http://127.0.0.1:${match[1]}/`, stop });
      }
    });
  });
}

/**
 * Serves `dir` like GitHub Pages does for a sandboxed frame: every response carries
 * `Access-Control-Allow-Origin: *` (module scripts and wasm of an opaque-origin frame are CORS
 * requests). Resolves to `{ url, stop }`.
 */
export function startCorsServer(dir = join(ROOT, 'dist')) {
  const script = `
import http.server, sys
class H(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header('Access-Control-Allow-Origin', '*')
        super().end_headers()
    def log_message(self, *a): pass
s = http.server.ThreadingHTTPServer(('127.0.0.1', 0), lambda *a, **k: H(*a, directory=sys.argv[1], **k))
print('PORT', s.server_address[1], flush=True)
s.serve_forever()
`;
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-u', '-c', script, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    child.on('error', reject);
    child.stderr.on('data', (chunk) => { said += chunk; });
    child.on('exit', (code) => reject(new Error(`CORS server exited with ${code}: ${said}`)));
    // `python3 -u` may write "PORT" and the number in separate chunks: read what has come so far.
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /PORT (\d+)\n/.exec(out);
      if (match) {
        child.stdout.removeAllListeners('data');
        child.stdout.on('data', () => {});
        resolve({
          url: `http://127.0.0.1:${match[1]}/`,
          stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); }),
        });
      }
    });
  });
}

/** Launches headless Debian Chromium through playwright-core. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Opens a page that records every request URL and every console error or uncaught exception,
 * so a test can assert on them after loading.
 */
export async function openRecordedPage(browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  // Chromium's "Failed to load resource" console line omits the URL: record it here.
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    errors.push(`request failed (${request.failure()?.errorText}): ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location()?.url;
      errors.push(`console.error: ${message.text()}${where ? ` [${where}]` : ''}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return { page, requests, errors, close: () => context.close() };
}

/** Saves a full-page screenshot as target/e2e/NAME.png and returns its path. */
export async function screenshot(page, name) {
  await mkdir(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The requests whose URL is not on `origin` (data: and blob: URLs stay in the page). */
export function foreignRequests(requests, origin) {
  return requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url));
}
