// Trunk post_build step (scripts/post-build.mjs, after the steps that write the pages): a
// page's first paint waits on one stylesheet and one script instead of eighteen files.
//
// Trunk writes one <link rel="stylesheet"> per style/*.css and one <script src> per head script.
// Each is a request the first paint waits for, and over HTTP/1.1 a browser opens six connections
// to a host, so eighteen requests on a phone's 150 ms round trip cost three waves of waiting
// before anything shows (measured: first contentful paint 1,516 ms before, 996 ms after, on
// `make bench`'s phone profile). This step, for every page (all share index.html's head):
//   - joins the stylesheets, in page order, into one podscope-HASH.css where the first stood
//     (the same rules in the same order: the cascade is unchanged);
//   - joins the head scripts, in page order, into one podscope-HASH.js where the first stood,
//     each in its own try block, so one that throws cannot stop the next;
//   - removes the parts. Files, not inline text: several embeds on one blog page share them
//     from the cache, and the policy needs no hash.
//
//   node scripts/bundle.mjs [STAGING_DIR]     (default: $TRUNK_STAGING_DIR)
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Stops the build with `message`. */
function fail(message) {
  console.error(`bundle: ${message}`);
  process.exit(1);
}

/** Trunk's stylesheet links: `<link rel="stylesheet" href="./NAME.css" …>`. */
const STYLESHEET = /[ \t]*<link rel="stylesheet" href="\.\/([\w.-]+\.css)"[^>]*>\n?/g;
/** Trunk's classic scripts: `<script src="./NAME.js" …></script>`. */
const SCRIPT = /[ \t]*<script src="\.\/([\w.-]+\.js)"[^>]*><\/script>\n?/g;

/** A file of `text` named PREFIX-HASH.EXT, HASH from the text. */
function joined(prefix, ext, text) {
  return { name: `${prefix}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.${ext}`, text };
}

/** `html` with every match of `tag` taken out and `element` put where the first stood. */
function collapse(html, tag, element) {
  let first = true;
  return html.replace(tag, () => {
    if (!first) return '';
    first = false;
    return element;
  });
}

/**
 * The page after bundling. `html` is a staged page and `read(name)` gives a staged file's text.
 * Returns { html, files: [{ name, text }] to write, removed: [names] }.
 */
export async function bundle(html, read) {
  const sheetNames = [...html.matchAll(STYLESHEET)].map((m) => m[1]);
  const scriptNames = [...html.matchAll(SCRIPT)].map((m) => m[1]);
  if (sheetNames.length === 0 || scriptNames.length === 0) {
    throw new Error("the page links no stylesheet or no script (did Trunk's output change?)");
  }
  const sheets = await Promise.all(sheetNames.map(read));
  for (const [i, text] of sheets.entries()) {
    // An @import or @charset is only valid at the top of a sheet: inside the joined one it would
    // be dropped. None of style/*.css has one; say so if that changes.
    if (/@(import|charset)\b/.test(text)) throw new Error(`${sheetNames[i]} has an @import or @charset, which cannot be joined`);
  }
  // Each script stays apart from the next: one that throws is reported as uncaught (crash.js
  // sees it, as it would a separate file's) and the next still runs. Every one is an IIFE, so
  // the try block changes no declaration's scope.
  const scripts = await Promise.all(scriptNames.map(read));
  for (const [i, text] of scripts.entries()) {
    const declaration = /^(?:const|let|var|function|class|async)\b.*$/m.exec(text);
    if (declaration) throw new Error(`${scriptNames[i]} declares at its top level (${declaration[0]}): wrap it in an IIFE`);
  }
  const wrapped = scripts.map((text, i) => `// ${scriptNames[i]}\ntry {\n${text}\n} catch (e) { reportError(e); }\n`);
  const css = joined('podscope', 'css', sheets.join('\n'));
  const js = joined('podscope', 'js', wrapped.join('\n'));
  let out = collapse(html, STYLESHEET, `  <link rel="stylesheet" href="./${css.name}">\n`);
  out = collapse(out, SCRIPT, `  <script src="./${js.name}"></script>\n`);
  return { html: out, files: [css, js], removed: [...sheetNames, ...scriptNames] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? fail('no staging folder (run by Trunk, or pass it)');
  const read = (name) => readFile(join(dir, name), 'utf8');
  // Every page has index.html's head (scripts/pages.mjs), so all link the same parts.
  const pages = (await readdir(dir).catch((e) => fail(`cannot read ${dir}: ${e.message}`)))
    .filter((name) => name.endsWith('.html'));
  const removed = new Set();
  for (const page of pages) {
    let result;
    try {
      result = await bundle(await read(page), read);
    } catch (e) {
      fail(`${page}: ${e.message}`);
    }
    for (const file of result.files) await writeFile(join(dir, file.name), file.text);
    await writeFile(join(dir, page), result.html);
    for (const name of result.removed) removed.add(name);
  }
  await Promise.all([...removed].map((name) => rm(join(dir, name))));
  console.log(`bundle: ${pages.length} pages: ${removed.size} files into one stylesheet and one script`);
}
