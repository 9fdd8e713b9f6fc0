// Writes brotli (.br) and gzip (.gz) copies of the built portal's files, which
// license-server serves to browsers that accept them, in DIR and its folders
// (decode/, console/). Run after `trunk build`: node scripts/compress-dist.mjs [DIR]
// The gzip copies are made with zopfli when it is installed (Debian's
// `zopfli`, scripts/portal-tools.sh): the same gzip format every browser
// reads, about 5 % smaller than zlib's level 9 (the customer's wasm 121,185
// → 114,260 bytes), for the browsers that do not take brotli.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
let zopfli = true;
try {
  execFileSync('zopfli', ['-h'], { stdio: 'ignore' });
} catch {
  zopfli = false;
  console.warn('compress-dist: zopfli is not installed, so the .gz copies are zlib level 9 (about 5 % larger); install it with: apt-get install zopfli');
}
function gzip(path, data) {
  if (!zopfli) return zlib.gzipSync(data, { level: 9 });
  const out = execFileSync('zopfli', ['-c', path], { maxBuffer: 64 * 1024 * 1024 });
  // Another program's output: served only if it reads back as the file.
  if (!zlib.gunzipSync(out).equals(data)) throw new Error(`zopfli's gzip of ${path} does not read back as the file`);
  return out;
}
function compress(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      compress(path);
      continue;
    }
    if (!/\.(wasm|js|css|html|svg|webmanifest|txt)$/.test(name)) continue;
    const data = readFileSync(path);
    writeFileSync(`${path}.br`, zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }));
    writeFileSync(`${path}.gz`, gzip(path, data));
  }
}
compress(dist);
