// Trunk post_build hook: writes dist/engine.js, the stable entry of the JS module API.
// The build's own module and wasm carry content hashes in their names; pages that use the engine
// import `engine.js` instead and never need to know the hash.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
const files = readdirSync(dir);
const js = files.find((f) => /^journey-mapper(-[0-9a-f]+)?\.js$/.test(f));
const wasm = files.find((f) => /^journey-mapper(-[0-9a-f]+)?_bg\.wasm$/.test(f));
if (!js || !wasm) throw new Error(`post-build: no journey-mapper module in ${dir}: ${files.join(', ')}`);

writeFileSync(
  join(dir, 'engine.js'),
  `// Journey Mapper engine: the JS module API (see README). Generated at build time.
import initWasm from './${js}';
export * from './${js}';

/** Loads the engine's WebAssembly. Call (and await) once before any other function. */
export default function init(options) {
  return initWasm(options ?? { module_or_path: new URL('./${wasm}', import.meta.url) });
}
`,
);
console.log(`[post-build] engine.js -> ${js}, ${wasm}`);
