// Writes brotli (.br) and gzip (.gz) copies of the built portal's files, which
// license-server serves to browsers that accept them. Run after `trunk build`.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
for (const name of readdirSync(dist)) {
  if (!/\.(wasm|js|css|html|svg)$/.test(name)) continue;
  const path = join(dist, name);
  if (!statSync(path).isFile()) continue;
  const data = readFileSync(path);
  writeFileSync(`${path}.br`, zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }));
  writeFileSync(`${path}.gz`, zlib.gzipSync(data, { level: 9 }));
}
