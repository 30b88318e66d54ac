// The one Trunk post_build hook (Trunk.toml). Trunk starts every hook of a stage at the same
// time, and these four each rewrite the staged index.html, so they run here one after another:
//   1. start-on-demand.mjs  takes Trunk's inline loader out (web/start.js starts the app);
//   2. csp.mjs              fills the Content-Security-Policy with the inline scripts' hashes;
//   3. prerender.mjs        names the YAML module and (release) pre-renders the first screens,
//                           loading the page under that policy;
//   4. oembed.mjs           (release) oembed/<scenario>.json, and the discovery link's address
//                           when PODSCOPE_SITE_URL is set.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

//   node scripts/post-build.mjs [STAGING_DIR]     (default: $TRUNK_STAGING_DIR)
const here = dirname(fileURLToPath(import.meta.url));
const env = { ...process.env, TRUNK_STAGING_DIR: process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? '' };
for (const step of ['start-on-demand.mjs', 'csp.mjs', 'prerender.mjs', 'oembed.mjs']) {
  const run = spawnSync(process.execPath, [join(here, step)], { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(`post-build: ${step} failed (${run.status ?? run.signal})`);
    process.exit(1);
  }
}
