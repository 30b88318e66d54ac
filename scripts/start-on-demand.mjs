// Trunk post_build hook (Trunk.toml, the first one): the app starts when web/start.js decides,
// not when the page parses. Trunk writes an inline module script that imports the app's JS glue
// and fetches its wasm at once, plus a modulepreload of the glue and a preload of the wasm; an
// embed with load=lazy or load=click must fetch neither until it is on screen or clicked. This
// hook removes the three and names the two files in <meta name="podscope-app">, which
// web/start.js reads. It runs before scripts/csp.mjs, so the policy hashes no inline script.
//
//   node scripts/start-on-demand.mjs [STAGING_DIR]     (default: $TRUNK_STAGING_DIR)
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Stops the build with `message`. */
function fail(message) {
  console.error(`start-on-demand: ${message}`);
  process.exit(1);
}

/**
 * `html` without Trunk's loader for the `podscope-web` bin and its preloads, with the meta that
 * names the glue and the wasm instead. Throws when the loader is not where Trunk puts it.
 */
export function deferStart(html) {
  const loader = /<script type="module">\s*import init, \* as bindings from '(\.\/podscope-web(?:-[0-9a-f]+)?\.js)';\s*const wasm = await init\(\{ module_or_path: '(\.\/podscope-web(?:-[0-9a-f]+)?_bg\.wasm)' \}\);[\s\S]*?<\/script>\n?/;
  const found = html.match(loader);
  if (!found) throw new Error("index.html has no Trunk loader for podscope-web (did Trunk's output change?)");
  const [, glue, wasm] = found;
  const preloads = /<link rel="(?:modulepreload|preload)" href="\.\/podscope-web(?:-[0-9a-f]+)?(?:_bg\.wasm|\.js)"[^>]*>/g;
  const meta = `<meta name="podscope-app" content="${glue}" data-wasm="${wasm}">`;
  return html.replace(loader, '').replace(preloads, '')
    .replace(/<meta name="podscope-app"[^>]*>\n?/, '')
    .replace(/(<meta charset="utf-8">)/, `$1\n  ${meta}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? fail('no staging folder (run by Trunk, or pass it)');
  const file = join(dir, 'index.html');
  let html = await readFile(file, 'utf8');
  try {
    html = deferStart(html);
  } catch (e) {
    fail(e.message);
  }
  await writeFile(file, html);
  console.log(`start-on-demand: ${file}: the app starts from web/start.js`);
}
