// Trunk post_build hook (Trunk.toml): fills the app's Content-Security-Policy in the built
// index.html with the sha256 of every inline <script> that exists at build time (Trunk's wasm
// loader, and whatever else index.html carries), so the policy never needs 'unsafe-inline' for
// scripts and stays right when someone adds or edits an inline script.
//
//   node scripts/csp.mjs [FILE…]   default: every page ($TRUNK_STAGING_DIR/*.html)
//
// The source index.html holds the policy with the placeholder INLINE_SCRIPT_HASHES in its
// script-src; a page built without this hook keeps the placeholder, which browsers ignore as an
// unknown source, so the loader is refused and the mistake is loud rather than a weaker policy.
// The build fails when the placeholder is missing, when the policy would allow 'unsafe-inline'
// or 'unsafe-eval' scripts, or when the page has inline event-handler attributes (onclick=…),
// which a hash cannot allow.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PLACEHOLDER = 'INLINE_SCRIPT_HASHES';

/** Stops the build with `message`. */
function fail(message) {
  console.error(`csp: ${message}`);
  process.exit(1);
}

/** The CSP source for `text`: 'sha256-BASE64' of its UTF-8 bytes, as browsers hash a script. */
export function hashSource(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The bodies of the inline scripts in `html` (a <script> without src), in document order. */
export function inlineScripts(html) {
  const bodies = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1])) bodies.push(m[2]);
  }
  return bodies;
}

/** `html` with the policy's placeholder replaced by the hashes of its inline scripts. */
export function fillPolicy(html) {
  const meta = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i);
  if (!meta) fail('index.html has no <meta http-equiv="Content-Security-Policy" content="…">');
  const policy = meta[1];
  if (!policy.includes(PLACEHOLDER)) fail(`the policy has no ${PLACEHOLDER} placeholder: ${policy}`);
  const scriptSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
  if (!scriptSrc || /'unsafe-inline'|'unsafe-eval'|\*|https?:/.test(scriptSrc)) {
    fail(`script-src must allow only 'self', 'wasm-unsafe-eval' and hashes: ${scriptSrc}`);
  }
  const handler = html.match(/<[a-z][^>]*\son[a-z]+\s*=/i);
  if (handler) fail(`inline event handlers cannot be allowed by a hash: ${handler[0]}`);
  const hashes = [...new Set(inlineScripts(html).map(hashSource))];
  const filled = policy.replace(PLACEHOLDER, hashes.join(' '));
  return html.replace(meta[0], meta[0].replace(policy, filled.replace(/\s+;/g, ';')));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.TRUNK_STAGING_DIR;
  const files = process.argv.length > 2 ? process.argv.slice(2)
    : dir ? readdirSync(dir).filter((name) => name.endsWith('.html')).map((name) => join(dir, name))
      : fail('TRUNK_STAGING_DIR is not set');
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    writeFileSync(file, fillPolicy(html));
    const n = inlineScripts(html).length;
    console.log(`csp: ${file}: ${n} inline script${n === 1 ? '' : 's'} hashed`);
  }
}
