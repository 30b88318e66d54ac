// The one Trunk post_build hook (Trunk.toml). Trunk starts every hook of a stage at the same
// time, and these five each rewrite the staged pages, so they run here one after another:
//   1. start-on-demand.mjs  takes Trunk's inline loader out (web/start.js starts the app);
//   2. prerender.mjs        names the YAML module and (release) pre-renders the first screens,
//                           then writes the other pages from index.html (scripts/pages.mjs);
//   3. oembed.mjs           (release) oembed/<scenario>.json, and the discovery link's address
//                           when PODSCOPE_SITE_URL is set;
//   4. bundle.mjs           joins every page's stylesheets into one file and its head scripts
//                           into another, so the first paint waits on two requests;
//   5. csp.mjs              fills every page's Content-Security-Policy with the hashes of its
//                           inline scripts (today there are none) and fails the build if the
//                           policy would allow 'unsafe-inline' scripts.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

//   node scripts/post-build.mjs [STAGING_DIR]     (default: $TRUNK_STAGING_DIR)
const here = dirname(fileURLToPath(import.meta.url));
const env = { ...process.env, TRUNK_STAGING_DIR: process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? '' };
for (const step of ['start-on-demand.mjs', 'prerender.mjs', 'oembed.mjs', 'bundle.mjs', 'csp.mjs']) {
  const run = spawnSync(process.execPath, [join(here, step)], { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(`post-build: ${step} failed (${run.status ?? run.signal})`);
    process.exit(1);
  }
}
