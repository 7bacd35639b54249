// Prints what a first visit downloads (wasm + JS + CSS), raw and gzip-compressed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
let raw = 0, gz = 0;
const parts = [];
for (const f of readdirSync(dir)) {
  if (!/\.(wasm|js|css|html)$/.test(f)) continue;
  const b = readFileSync(join(dir, f));
  const z = gzipSync(b, { level: 9 }).length;
  raw += b.length; gz += z;
  parts.push(`${f.replace(/-[0-9a-f]{8,}/, '')} ${(z / 1024).toFixed(1)} KB`);
}
console.log(`${(gz / 1024).toFixed(1)} KB gzip (${(raw / 1024).toFixed(1)} KB raw): ${parts.join(', ')}`);
