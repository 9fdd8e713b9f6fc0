// Minifies wasm-bindgen's JavaScript glue in a Trunk staging directory with
// terser (Trunk's own minifier cannot parse it), and updates the subresource
// integrity hashes Trunk wrote for it into the pages' HTML, so a preload of
// the glue still matches. Run by scripts/portal-post-build.sh in release builds.
//   node scripts/minify-glue.mjs STAGING_DIR
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/minify-glue.mjs STAGING_DIR');
  process.exit(2);
}
const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const files = readdirSync(dir);
const replaced = new Map();
for (const name of files.filter((f) => f.endsWith('.js'))) {
  const path = join(dir, name);
  const source = readFileSync(path, 'utf8');
  const { code } = await minify(source, { module: true, compress: true, mangle: true });
  writeFileSync(path, code);
  replaced.set(integrity(source), integrity(code));
}
for (const name of files.filter((f) => f.endsWith('.html'))) {
  const path = join(dir, name);
  const html = readFileSync(path, 'utf8');
  let out = html;
  for (const [before, after] of replaced) out = out.replaceAll(before, after);
  if (out !== html) writeFileSync(path, out);
}
