// Lists cycles between the source files of src/ (each file a module): a file that names another
// through `crate::…`, `super::…` or a child module, and back. A parent's `pub use` of its
// children and a child's use of what its parent re-exports are not counted as a cycle through
// the parent: only the file that defines the name is. Exit code 1 when a cycle is found.
//
//   node scripts/module-cycles.mjs [src]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2] ?? 'src';
const files = [];
(function walk(dir) {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.rs')) files.push(p);
  }
})(root);

// Module path of each file: src/domain/metrics/mod.rs -> domain::metrics.
const modOf = (p) => {
  const parts = relative(root, p).replace(/\.rs$/, '').split('/');
  if (parts.at(-1) === 'mod' || parts.at(-1) === 'lib') parts.pop();
  return parts.join('::');
};
const byMod = new Map(files.map((f) => [modOf(f), f]));
const text = new Map(files.map((f) => [modOf(f), readFileSync(f, 'utf8')
  .replace(/\/\/.*$/gm, '')                       // comments (doc links name modules too)
  .replace(/#\[cfg\(test\)\]\s*mod\s+\w+\s*\{[\s\S]*$/m, '')   // inline tests: may use anything
  .replace(/#\[cfg\(test\)\]\s*mod\s+\w+\s*;/g, '')]));     // test files are their own modules

// What a module defines at its top (so a re-export through a parent resolves to the definer).
const definer = (mod, name) => {
  const t = text.get(mod);
  if (!t) return null;
  if (byMod.has(mod ? `${mod}::${name}` : name)) return mod ? `${mod}::${name}` : name;
  const re = new RegExp(`pub(\\([^)]*\\))?\\s+use\\s+([\\w:]+)::\\{?[^;]*\\b${name}\\b`);
  const m = t.match(re);
  if (m) return resolve(mod, m[2].split('::'));
  return mod;
};
// Resolves a path as seen from `mod` to the deepest existing module (following re-exports one
// level).
function resolve(from, segs) {
  let base;
  if (segs[0] === 'crate') base = [];
  else if (segs[0] === 'super') {
    base = from.split('::');
    while (segs[0] === 'super') { base.pop(); segs = segs.slice(1); }
    segs = ['x', ...segs];
  } else if (segs[0] === 'self') base = from.split('::').filter(Boolean);
  else if (byMod.has(from ? `${from}::${segs[0]}` : segs[0])) {
    // A path from a child module (`pub use settings::X` in a mod.rs).
    base = from.split('::').filter(Boolean);
    segs = ['x', ...segs];
  } else return null;
  let cur = base.filter(Boolean);
  for (const s of segs.slice(1)) {
    const next = [...cur, s].join('::');
    if (byMod.has(next)) cur = [...cur, s];
    else return definer(cur.join('::'), s) ?? cur.join('::');
  }
  return cur.join('::');
}

const edges = new Map([...byMod.keys()].map((m) => [m, new Set()]));
for (const [mod, t] of text) {
  for (const m of t.matchAll(/\b((?:crate|super|self)(?:::\w+)+)/g)) {
    const to = resolve(mod, m[1].split('::'));
    if (to && to !== mod && byMod.has(to) && !mod.startsWith(`${to}::`) && !to.startsWith(`${mod}::`)) edges.get(mod).add(to);
  }
  // `use super::{a, b::C}` and `use crate::x::{a, b}` lists.
  for (const m of t.matchAll(/use\s+((?:crate|super|self)(?:::\w+)*)::\{([^}]*)\}/g)) {
    for (const item of m[2].split(',').map((s) => s.trim().split(/\s|::/)[0]).filter(Boolean)) {
      const to = resolve(mod, [...m[1].split('::'), item]);
      if (to && to !== mod && byMod.has(to) && !mod.startsWith(`${to}::`) && !to.startsWith(`${mod}::`)) edges.get(mod).add(to);
    }
  }
}

// Strongly connected components (Tarjan).
let index = 0;
const idx = new Map(); const low = new Map(); const stack = []; const on = new Set(); const sccs = [];
function strong(v) {
  idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
  for (const w of edges.get(v)) {
    if (!idx.has(w)) { strong(w); low.set(v, Math.min(low.get(v), low.get(w))); }
    else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const c = [];
    let w;
    do { w = stack.pop(); on.delete(w); c.push(w); } while (w !== v);
    if (c.length > 1) sccs.push(c.sort());
  }
}
for (const v of edges.keys()) if (!idx.has(v)) strong(v);
if (sccs.length === 0) {
  console.log(`no module cycle among ${byMod.size} files of ${root}/`);
} else {
  for (const c of sccs) {
    console.log(`cycle: ${c.join(' <-> ')}`);
    for (const a of c) for (const b of edges.get(a)) if (c.includes(b)) console.log(`    ${a} -> ${b}`);
  }
  process.exitCode = 1;
}
