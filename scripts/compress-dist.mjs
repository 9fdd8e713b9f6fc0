// Writes brotli (.br) and gzip (.gz) copies of the built portal's files, which
// license-server serves to browsers that accept them, in DIR and its folders
// (decode/, console/). Run after `trunk build`: node scripts/compress-dist.mjs [DIR]
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
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
    writeFileSync(`${path}.gz`, zlib.gzipSync(data, { level: 9 }));
  }
}
compress(dist);
