// Where the bytes of a .wasm go: code per crate (from the "name" section's function names),
// data segments, and the rest. Measures what `make bench` reports as first load.
//
//   node scripts/wasm-attribution.mjs FILE.wasm [TOP]
//
// FILE.wasm must keep its name section: e.g. target/wasm32-unknown-unknown/release/*.wasm
// after `wasm-opt -Oz -g` (the dist/ file has none). TOP (default 25) largest functions are listed.
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/wasm-attribution.mjs FILE.wasm [TOP]');
  process.exit(2);
}
const buf = readFileSync(file);
let pos = 8;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return result;
  }
};
const name = () => { const n = u32(); const s = buf.toString('utf8', pos, pos + n); pos += n; return s; };

let importedFuncs = 0;
const bodies = [];
const names = new Map();
const sections = {};
while (pos < buf.length) {
  const id = buf[pos++];
  const size = u32();
  const start = pos;
  const end = pos + size;
  let label = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id] ?? `id${id}`;
  if (id === 0) {
    const custom = name();
    label = `custom:${custom}`;
    if (custom === 'name') {
      while (pos < end) {
        const sub = buf[pos++];
        const subSize = u32();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const count = u32();
          for (let i = 0; i < count; i++) { const idx = u32(); names.set(idx, name()); }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    const count = u32();
    for (let i = 0; i < count; i++) {
      name(); name();
      const kind = buf[pos++];
      if (kind === 0) { u32(); importedFuncs++; } else if (kind === 1) { pos++; const f = buf[pos++]; u32(); if (f & 1) u32(); } else if (kind === 2) { const f = buf[pos++]; u32(); if (f & 1) u32(); } else if (kind === 3) { pos += 2; }
    }
  } else if (id === 10) {
    const count = u32();
    for (let i = 0; i < count; i++) { const n = u32(); bodies.push(n); pos += n; }
  }
  sections[label] = (sections[label] ?? 0) + size;
  pos = end;
}

/** The crate a (legacy-mangled or plain) Rust symbol belongs to. */
function crateOf(sym) {
  const m = /^_ZN(.*)E$/.exec(sym);
  // v0 mangling (the standard library): the first crate root `C<disambiguator>_<len><name>`.
  const v0 = /^_R.*?C[a-zA-Z0-9]*?_?(\d+)([a-zA-Z_][a-zA-Z0-9_]*)/.exec(sym);
  if (!m && v0) return v0[2].slice(0, Number(v0[1]));
  if (!m && sym.includes('::')) return crateOfDemangled(sym);
  if (!m) return sym.startsWith('__') || /^[a-z_]+$/.test(sym) ? '(runtime / js glue)' : '(unmangled)';
  let s = m[1];
  const segs = [];
  while (s.length) {
    const l = /^(\d+)/.exec(s);
    if (!l) break;
    const n = Number(l[1]);
    segs.push(s.slice(l[1].length, l[1].length + n));
    s = s.slice(l[1].length + n);
  }
  let first = segs[0] ?? '?';
  // `<serde_saphyr::de::X as core::...>`: the implementing type's crate.
  first = first.replace(/^_\$LT\$/, '').replace(/^_/, '');
  const crate = first.split(/\.\.|\$/)[0];
  if (crate === 'podscope' && segs[1]) return `podscope::${segs[1]}${segs[2] && segs[1] === 'sim' ? '::' + segs[2] : ''}`;
  return crate;
}

/**
 * The crate of a demangled symbol (wasm-bindgen's --keep-debug demangles the name section):
 * `a::b::c`, `<a::B as c::D>::e` (the implementing type's crate), `a::b[hash]::c`.
 */
function crateOfDemangled(sym) {
  const path = sym.replace(/^<+/, '').replace(/^(impl |dyn |&(mut )?)+/, '');
  const segs = path.split('::').map((seg) => seg.replace(/\[[0-9a-f]+\]$/, ''));
  const crate = segs[0].split(/[<> ]/)[0] || '?';
  if (crate === 'podscope' && segs[1]) {
    const sub = segs[1] === 'sim' || segs[1] === 'ui' ? `::${segs[2].split(/[<> ]/)[0]}` : '';
    return `podscope::${segs[1]}${sub}`;
  }
  return crate;
}

const perCrate = new Map();
const funcs = [];
bodies.forEach((size, i) => {
  const sym = names.get(importedFuncs + i) ?? `func${importedFuncs + i}`;
  const crate = crateOf(sym);
  perCrate.set(crate, (perCrate.get(crate) ?? 0) + size);
  funcs.push([size, sym]);
});
const total = buf.length;
const pct = (n) => `${((100 * n) / total).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${total} bytes, ${bodies.length} functions (${names.size} named)`);
console.log('\nsections:');
for (const [k, v] of Object.entries(sections).sort((a, b) => b[1] - a[1])) console.log(`${String(v).padStart(9)} ${pct(v)}  ${k}`);
console.log('\ncode by crate:');
for (const [k, v] of [...perCrate].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${String(v).padStart(9)} ${pct(v)}  ${k}`);
console.log(`\nlargest ${topArg ?? 25} functions:`);
for (const [size, sym] of funcs.sort((a, b) => b[0] - a[0]).slice(0, Number(topArg ?? 25))) console.log(`${String(size).padStart(9)}  ${sym.slice(0, 140)}`);
