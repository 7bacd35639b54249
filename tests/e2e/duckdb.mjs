// DuckDB (the wasm build in the dev dependencies, run in Node: no browser, no network) for the
// tests that run the SQL the engine exports.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const DIST = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

/** A DuckDB connection; `files` ({ name: text }) are registered under those names. */
export async function duckDb(files = {}) {
  const bundles = {
    mvp: { mainModule: `${DIST}/duckdb-mvp.wasm`, mainWorker: `${DIST}/duckdb-node-mvp.worker.cjs` },
    eh: { mainModule: `${DIST}/duckdb-eh.wasm`, mainWorker: `${DIST}/duckdb-node-eh.worker.cjs` },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  for (const [name, text] of Object.entries(files)) await db.registerFileText(name, text);
  const conn = db.connect();
  return {
    db,
    /** The rows of a query as plain objects (BigInt counts as numbers). */
    query(sql) {
      return conn.query(sql).toArray().map((row) => {
        const o = row.toJSON();
        for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
        return o;
      });
    },
    registerFileText: (name, text) => db.registerFileText(name, text),
  };
}
