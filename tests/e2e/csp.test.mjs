// The app's own Content-Security-Policy (index.html, filled by scripts/csp.mjs): present in
// dist/index.html with script-src limited to the origin, 'wasm-unsafe-eval' and hashes; the app
// loads under it with no violation; an injected inline script is refused (the browser fires
// securitypolicyviolation and the script never runs); the browser preview still shows a page
// that styles itself; and nothing forbids framing (embedding is a feature).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, screenshot } from './helpers.mjs';
import { byTestId, runLine, servedApp } from './app.mjs';

/** The directives of the policy in `html`, as a map from name to its list of sources. */
function policyOf(html) {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  assert.ok(meta, 'dist/index.html carries a CSP meta element');
  return new Map(meta[1].split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name, sources];
  }));
}

describe('Content-Security-Policy', () => {
  const app = servedApp();

  test('dist/index.html allows script only from its origin, wasm and hashes', async () => {
    const html = await readFile(join(ROOT, 'dist', 'index.html'), 'utf8');
    const policy = policyOf(html);
    const scripts = policy.get('script-src');
    assert.ok(scripts, 'a script-src directive');
    for (const source of scripts) {
      assert.match(source, /^('self'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/]+=*')$/, `script source ${source}`);
    }
    assert.ok(scripts.includes("'self'") && scripts.includes("'wasm-unsafe-eval'"));
    // Every inline script the page carries is one of the hashes, and nothing is left unfilled.
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\bsrc=/.test(m[1]));
    // Trunk's inline loader is taken out (scripts/start-on-demand.mjs): web/start.js starts the app.
    assert.equal(inline.length, 0, 'no inline script: the app starts from web/start.js');
    assert.match(html, /<meta name="podscope-app" content="\.\/podscope-web-[0-9a-f]+\.js" data-wasm="\.\/podscope-web-[0-9a-f]+_bg\.wasm">/);
    assert.equal(scripts.filter((s) => s.startsWith("'sha256-")).length, new Set(inline.map((m) => m[2])).size);
    assert.ok(!scripts.includes('INLINE_SCRIPT_HASHES'), 'the placeholder was filled');
    assert.deepEqual(policy.get('object-src'), ["'none'"]);
    assert.deepEqual(policy.get('base-uri'), ["'none'"]);
    assert.deepEqual(policy.get('script-src-attr'), ["'none'"]);
    assert.equal(policy.get('frame-ancestors'), undefined, 'framing stays allowed');
    for (const [name, sources] of policy) {
      for (const source of sources) {
        assert.doesNotMatch(source, /^(https?:|\*|[a-z0-9.-]+\.[a-z]{2,})/i, `${name} names no other origin: ${source}`);
      }
    }
  });

  test('the app runs under it, refuses an injected inline script, and the preview still styles', async () => {
    const session = await app.open('?scenario=shared-volume');
    const { page, errors } = session;
    // Loading raised no violation: the app works under its own policy.
    assert.deepEqual(errors, []);
    const refused = await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        ran: Boolean(window.injectedRan),
      }), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.injectedRan = true;';
      document.body.append(s);
    }));
    assert.equal(refused.directive, 'script-src-elem');
    assert.equal(refused.blocked, 'inline');
    assert.equal(await page.evaluate(() => Boolean(window.injectedRan)), false, 'the injected script never ran');
    // An inline handler attribute is refused too.
    const handler = await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.injectedRan = true');
      img.src = 'data:,';
      document.body.append(img);
    }));
    assert.equal(handler, 'script-src-attr');
    assert.equal(await page.evaluate(() => Boolean(window.injectedRan)), false);

    // The sandboxed preview of what nginx serves keeps its own inline style under the policy.
    await runLine(page, 'debian-container', `echo '<h1 style="color: rgb(200, 0, 0)">styled</h1><style>h1 { font-size: 40px }</style>' > /pod-data/index.html`);
    await byTestId(page, 'tab-browser').click();
    const frame = page.frameLocator('[data-testid="browser-preview"] iframe');
    const heading = frame.locator('h1');
    await heading.waitFor({ state: 'visible' });
    const style = await heading.evaluate((h) => ({ color: getComputedStyle(h).color, size: getComputedStyle(h).fontSize }));
    assert.deepEqual(style, { color: 'rgb(200, 0, 0)', size: '40px' });
    await screenshot(page, 'csp-preview');
    // The violations above were the injected ones only.
    assert.ok(errors.every((e) => /Content Security Policy|injectedRan/.test(e)), errors.join('\n'));
  });
});
