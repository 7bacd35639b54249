// The browser benchmark page: three contestants do the same work on the same CSV bytes — parse the
// event log, classify every contact by bench/browser/workload.json, count contacts per stage.
//
//   engine     our Rust engine compiled to wasm, through its JS module API (/dist/engine.js)
//   papaparse  Papa.parse on the decoded text, then a plain JS loop
//   duckdb     DuckDB-wasm: registerFileBuffer + typed read_csv in one SQL query + a count of rejects
//
// scripts/bench-browser.mjs drives this page with Playwright through `window.bench`; opened by hand
// (served as the driver does) it runs everything once and prints a table into the page.
//
// Paths are absolute from the served root, which holds dist/, bench/ and node_modules/.

const DUCKDB_DIST = '/node_modules/@duckdb/duckdb-wasm/dist/';

/** The input, fetched once per page and shared by every run (not part of any timing). */
let csvBytes = null;
/** The parsed workload.json. */
let workload = null;

/** Result shape every contestant returns: counts only, so the driver can compare them. */
function result(rows, badRows, stageCounts) {
  const stages = {};
  for (const id of workload.stage_order) stages[id] = stageCounts.get(id) ?? 0;
  for (const [id, n] of stageCounts) if (!(id in stages)) stages[id] = n; // unknown ids show up as a mismatch
  return { rows, badRows, stages };
}

/**
 * Our rules-text translation of the workload, for contestant (a): one `engage` rule per scored
 * event type, the won type as the first stage rule, the thresholds in order, then everyone else.
 *
 * One difference from the workload's definition: our importer keeps a row whose value is not a
 * number (reported, value left empty) instead of skipping it. The generated benchmark file has no
 * such rows (only bad times), so the counts agree there; the `--check` file has one, on purpose.
 */
export function ourRulesText(workload) {
  const lines = Object.entries(workload.points).map(([type, n]) => `engage +${n} per ${JSON.stringify(type)}`);
  lines.push(`stage ${workload.customer_stage} when count ${JSON.stringify(workload.won_type)} >= 1`);
  for (const [id, min] of workload.thresholds) lines.push(`stage ${id} when score >= ${min}`);
  lines.push(`stage ${workload.default_stage} when count any >= 1`);
  return lines.join('\n');
}

/** The stage a contact lands in, by the workload's rules (shared by the plain JS contestant). */
function stageOf(score, won, w) {
  if (won) return w.customer_stage;
  for (const [id, min] of w.thresholds) if (score >= min) return id;
  return w.default_stage;
}

const contestants = {
  engine: {
    label: 'ours (Rust → wasm)',
    mod: null,
    wasm: null,
    async available() {
      const r = await fetch('/dist/engine.js', { method: 'HEAD' });
      return r.ok ? true : 'skipped: engine.js not built (no /dist/engine.js)';
    },
    async init() {
      this.mod = await import('/dist/engine.js');
      this.wasm = await this.mod.default();
    },
    run(bytes, w) {
      const r = this.mod.classifyCsv(bytes, { rules: ourRulesText(w), contacts: false });
      return result(r.rows, r.badRowCount, new Map(r.stages.map((s) => [s.id, s.contacts])));
    },
    /** Bytes of the engine's WebAssembly.Memory (it only grows, so after a run it is the peak). */
    wasmBytes() {
      const mem = this.wasm?.memory ?? this.mod?.memory;
      return mem?.buffer?.byteLength ?? null;
    },
  },

  papaparse: {
    label: 'PapaParse + JS',
    async available() {
      return typeof globalThis.Papa?.parse === 'function' ? true : 'skipped: papaparse.min.js not loaded';
    },
    async init() {},
    // The fastest honest way measured on the 1M-row file (see bench/README.md): decode once,
    // parse into arrays (header objects were ~2× slower) and consume the rows in 256 KiB chunks
    // (faster than one full parse, 4 MiB chunks or a per-row step callback, and the parsed rows
    // never all sit in memory at once). The input has quoted fields, so Papa's quote-free
    // fastMode does not apply. Time check: Date.parse (beat a regex + Date.UTC).
    run(bytes, w) {
      const text = new TextDecoder().decode(bytes);
      const points = new Map(Object.entries(w.points));
      const contacts = new Map(); // contact → { score, won }
      let col = null;
      let rows = 0;
      let badRows = 0;
      const width = w.columns.length;
      const onRows = (data) => {
        let i = 0;
        if (col === null) {
          const header = data[0];
          col = Object.fromEntries(w.columns.map((c) => [c, header.indexOf(c)]));
          for (const c of w.columns) if (col[c] < 0) throw new Error(`column ${c} missing`);
          i = 1;
        }
        const cContact = col.contact, cTime = col.time, cType = col.type, cValue = col.value;
        for (; i < data.length; i++) {
          const f = data[i];
          rows++;
          const contact = f[cContact];
          const value = f[cValue];
          if (
            f.length !== width ||
            contact === '' ||
            Number.isNaN(Date.parse(f[cTime])) ||
            (value !== '' && Number.isNaN(Number(value)))
          ) {
            badRows++;
            continue;
          }
          let s = contacts.get(contact);
          if (s === undefined) {
            s = { score: 0, won: false };
            contacts.set(contact, s);
          }
          const type = f[cType];
          s.score += points.get(type) ?? 0;
          if (type === w.won_type) s.won = true;
        }
      };
      Papa.parse(text, {
        header: false,
        skipEmptyLines: true,
        chunkSize: 1 << 18,
        chunk: (res) => onRows(res.data),
      });
      const counts = new Map();
      for (const { score, won } of contacts.values()) {
        const id = stageOf(score, won, w);
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return result(rows, badRows, counts);
    },
    wasmBytes: () => null,
  },

  duckdb: {
    label: 'DuckDB-wasm',
    db: null,
    conn: null,
    bundle: null,
    pending: null,
    async available() {
      const r = await fetch(`${DUCKDB_DIST}duckdb-browser.mjs`, { method: 'HEAD' });
      return r.ok ? true : 'skipped: @duckdb/duckdb-wasm not installed';
    },
    async init() {
      const duckdb = await import(`${DUCKDB_DIST}duckdb-browser.mjs`);
      // Manual bundles from local files: nothing is fetched from a CDN.
      this.bundle = await duckdb.selectBundle({
        mvp: {
          mainModule: `${DUCKDB_DIST}duckdb-mvp.wasm`,
          mainWorker: `${DUCKDB_DIST}duckdb-browser-mvp.worker.js`,
        },
        eh: {
          mainModule: `${DUCKDB_DIST}duckdb-eh.wasm`,
          mainWorker: `${DUCKDB_DIST}duckdb-browser-eh.worker.js`,
        },
      });
      const worker = new Worker(this.bundle.mainWorker);
      this.db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
      await this.db.instantiate(this.bundle.mainModule, this.bundle.pthreadWorker);
      this.conn = await this.db.connect();
      this.label += this.bundle.mainModule.includes('-eh.') ? ' (eh)' : ' (mvp)';
    },
    // registerFileBuffer transfers the buffer to DuckDB's worker (detaching it here), so each run
    // gets its own copy, made before the clock starts: a real page would hand over the file's
    // own ArrayBuffer without copying.
    // It also drops the previous run's reject tables.
    async prepare(bytes) {
      this.pending = bytes.slice();
      await this.conn.query('DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans');
    },
    async run(_bytes, w) {
      const buf = this.pending;
      this.pending = null;
      await this.db.registerFileBuffer('events.csv', buf);
      try {
        const table = await this.conn.query(duckdbSql(w));
        // Rows the CSV reader rejected (a time or value that does not cast, a wrong field count).
        const rejected = await this.conn.query('SELECT COUNT(DISTINCT line) AS n FROM reject_errors');
        const counts = new Map();
        let rows = Number(rejected.toArray()[0].n);
        let badRows = rows;
        for (const r of table.toArray()) {
          rows += Number(r.n_rows);
          badRows += Number(r.n_bad);
          if (r.stage !== null && Number(r.contacts) > 0) counts.set(r.stage, Number(r.contacts));
        }
        return result(rows, badRows, counts);
      } finally {
        await this.db.dropFile('events.csv');
      }
    },
    wasmBytes: () => null, // DuckDB's memory lives in its worker, out of this page's reach
  },
};

function sqlString(s) {
  return `'${String(s).replaceAll("'", "''")}'`;
}

/** DuckDB column types; the other columns are read as VARCHAR. */
const DUCKDB_TYPES = { time: 'TIMESTAMP', value: 'DOUBLE' };

/**
 * The workload as one DuckDB query: one scan of the CSV with typed columns, one GROUP BY contact,
 * one GROUP BY stage. The reader rejects rows whose time or value does not cast (or with a wrong
 * field count) into the reject_errors table (store_rejects), which the caller counts; empty
 * cells arrive as NULL and make the row bad here. Rows with an empty contact form one group with
 * no good rows, counted in rows and badRows only.
 *
 * Typed reading was ~1.7× faster than reading every column as VARCHAR and TRY_CAST-ing in SQL.
 */
export function duckdbSql(w) {
  const cols = w.columns.map((c) => `${sqlString(c)}: ${sqlString(DUCKDB_TYPES[c] ?? 'VARCHAR')}`).join(', ');
  const points = Object.entries(w.points)
    .map(([t, p]) => `(${sqlString(t)}, ${Number(p)})`)
    .join(', ');
  const stage = [
    `WHEN won THEN ${sqlString(w.customer_stage)}`,
    ...w.thresholds.map(([id, min]) => `WHEN score >= ${Number(min)} THEN ${sqlString(id)}`),
    `ELSE ${sqlString(w.default_stage)}`,
  ].join(' ');
  return `
WITH ev AS (
  SELECT contact, type,
         COALESCE(contact, '') <> '' AND time IS NOT NULL
           -- names value so that the reader casts it (an unused column is skipped, and a bad
           -- value would go unnoticed)
           AND (value IS NULL OR value = value) AS good
  FROM read_csv('events.csv', header = true, delim = ',', quote = '"', escape = '"',
                store_rejects = true, columns = {${cols}})
),
points(type, p) AS (VALUES ${points}),
per_contact AS (
  SELECT contact,
         COUNT(*) AS n_rows,
         COUNT(*) FILTER (WHERE NOT good) AS n_bad,
         COUNT(*) FILTER (WHERE good) AS n_good,
         COALESCE(SUM(COALESCE(points.p, 0)) FILTER (WHERE good), 0) AS score,
         COALESCE(BOOL_OR(ev.type = ${sqlString(w.won_type)}) FILTER (WHERE good), false) AS won
  FROM ev LEFT JOIN points ON ev.type = points.type
  GROUP BY contact
)
SELECT CASE WHEN n_good = 0 THEN NULL ELSE CASE ${stage} END END AS stage,
       COUNT(*) FILTER (WHERE n_good > 0) AS contacts,
       SUM(n_rows) AS n_rows,
       SUM(n_bad) AS n_bad
FROM per_contact
GROUP BY 1`;
}

/** Fetches the CSV and the workload into this page. Returns the CSV's size in bytes. */
export async function load(csvUrl = '/data.csv', workloadUrl = '/bench/browser/workload.json') {
  workload = await (await fetch(workloadUrl)).json();
  const r = await fetch(csvUrl);
  if (!r.ok) throw new Error(`${csvUrl}: HTTP ${r.status}`);
  csvBytes = new Uint8Array(await r.arrayBuffer());
  return csvBytes.length;
}

/** `true` when the contestant can run here, else the line to print instead. */
export async function available(name) {
  return contestants[name].available();
}

/** Loads and initialises a contestant (wasm compile, worker start); returns the time it took. */
export async function init(name) {
  const t0 = performance.now();
  await contestants[name].init();
  return performance.now() - t0;
}

/** Untimed per-run set-up (only DuckDB needs one: its own copy of the bytes, clean reject tables). */
export async function prepare(name) {
  await contestants[name].prepare?.(csvBytes);
}

/**
 * One timed run: the counts, the wall time, and the size of the contestant's WebAssembly.Memory
 * afterwards when this page can see it (the driver measures the rest from outside).
 */
export async function run(name) {
  const c = contestants[name];
  const t0 = performance.now();
  const out = await c.run(csvBytes, workload);
  const ms = performance.now() - t0;
  return { ...out, ms, bytes: csvBytes.length, wasmBytes: c.wasmBytes() };
}

export const names = Object.keys(contestants);

/** The contestant's display name (DuckDB's gains the bundle it picked once initialised). */
export function label(name) {
  return contestants[name].label;
}

/** Runs everything once and prints a table into the page (for a person opening the page). */
export async function runInPage(out) {
  const size = await load();
  const lines = [`CSV: ${(size / 1e6).toFixed(1)} MB`];
  for (const name of names) {
    const ok = await available(name);
    if (ok !== true) {
      lines.push(`${label(name)}: ${ok}`);
      out.textContent = lines.join('\n');
      continue;
    }
    const initMs = await init(name);
    await prepare(name);
    const r = await run(name);
    lines.push(
      `${label(name)}: ${r.ms.toFixed(0)} ms (init ${initMs.toFixed(0)} ms), rows ${r.rows}, bad ${r.badRows}, ` +
        Object.entries(r.stages)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
    );
    out.textContent = lines.join('\n');
  }
}
