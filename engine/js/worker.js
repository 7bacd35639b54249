// Journey Mapper's import worker: reads a CSV file with the engine off the page's main thread, so
// the page never freezes on a large file. The page (src/ui/worker.rs) starts one worker per
// import with the file (a Blob) and the import options, shows the progress messages, and ends
// the worker to cancel. scripts/post-build.mjs copies this file into the build as
// engine-worker-<hash>.js with ENGINE_MODULE and ENGINE_WASM replaced by the engine's hashed file names.
//
// Messages to the page: { progress: { bytes, total, rows } } (at most every 50 ms, and at the
// end), then one of { dataset: Uint8Array, report: string } (the dataset's buffer is
// transferred), { error: string } (the import's error, JSON) or { crash: string }.
import init, { ImportJob } from './ENGINE_MODULE';

const CHUNK = 1 << 20;
const ready = init({ module_or_path: new URL('./ENGINE_WASM', import.meta.url) });

self.onmessage = async ({ data }) => {
  try {
    await ready;
    const { file, options } = data;
    const job = new ImportJob(options);
    const total = file.size;
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
    job.free();
    self.postMessage(out, out.dataset ? [out.dataset.buffer] : []);
  } catch (e) {
    self.postMessage({ crash: String(e?.stack ?? e) });
  }
};
