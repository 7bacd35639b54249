// Journey Mapper's data worker: reads a CSV file with the engine off the page's main thread, then
// keeps the data and works out the metrics' analysis (classification and stage histories) for
// each set of rules, so the page never freezes on a large file. The page (src/ui/worker.rs)
// starts one worker per import, shows its progress, and ends it to cancel or when the data is
// replaced. scripts/post-build.mjs copies this file into the build as engine-worker-<hash>.js,
// with ENGINE_MODULE and ENGINE_WASM replaced by the engine's hashed file names.
//
// From the page: { op: 'import', file: Blob, options: string } once, then any number of
// { op: 'analyse', seq, map: string, now: number } and { op: 'segments', seq, map, now, field, max }.
// To the page: { progress: { bytes, total, rows } } (at most every 50 ms, and at the end), then one
// of { dataset: Uint8Array, events: Uint8Array, report: string } (the buffers are transferred),
// { error: string } (the import's error, JSON) or { crash: string }; for each analyse,
// { seq, analysis: Uint8Array, report: string } or { seq, crash: string }; for each segments,
// { seq, segments: string } (JSON) or { seq, crash: string }.
import init, { ImportJob } from './ENGINE_MODULE';

const CHUNK = 1 << 20;
const ready = init({ module_or_path: new URL('./ENGINE_WASM', import.meta.url) });
let job = null;

async function importFile({ file, options }) {
  job = new ImportJob(options);
  const total = file.size;
  job.expectBytes(total);
  let done = 0;
  let shown = 0;
  while (done < total) {
    const end = Math.min(done + CHUNK, total);
    const error = job.push(new Uint8Array(await file.slice(done, end).arrayBuffer()));
    if (error !== undefined) {
      self.postMessage({ error });
      return;
    }
    done = end;
    const now = performance.now();
    if (now - shown >= 50) {
      shown = now;
      self.postMessage({ progress: { bytes: done, total, rows: job.rowsRead() } });
    }
  }
  self.postMessage({ progress: { bytes: total, total, rows: job.rowsRead() } });
  const out = job.finish();
  self.postMessage(out, out.dataset ? [out.dataset.buffer, out.events.buffer] : []);
}

self.onmessage = async ({ data }) => {
  if (data.op === 'segments') {
    try {
      self.postMessage({ seq: data.seq, segments: job.segments(data.map, data.now, data.field, data.max) });
    } catch (e) {
      self.postMessage({ seq: data.seq, crash: String(e?.stack ?? e) });
    }
    return;
  }
  if (data.op === 'analyse') {
    try {
      const { analysis, report } = job.analyse(data.map, data.now);
      self.postMessage({ seq: data.seq, analysis, report }, [analysis.buffer]);
    } catch (e) {
      self.postMessage({ seq: data.seq, crash: String(e?.stack ?? e) });
    }
    return;
  }
  try {
    await ready;
    await importFile(data);
  } catch (e) {
    self.postMessage({ crash: String(e?.stack ?? e) });
  }
};
