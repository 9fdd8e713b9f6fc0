// Lighthouse (npm, mobile, simulated throttling) against license-server
// serving the release build (dist/, precompressed), three runs per page;
// prints each run and the medians. A benchmark: it prints figures, it does
// not fail on them.
//   bash scripts/build-portal.sh && node scripts/compress-dist.mjs dist
//   cargo build -p license-server -p license-client
//   node scripts/bench-lighthouse.mjs [--runs N] [PATH ...]   (default /code.html)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Vendor } from '../tests/e2e/support.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
const paths = args.length ? args : ['/code.html'];
const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const vendor = new Vendor();
await vendor.start();
try {
  for (const path of paths) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const report = join(out, `run-${i}.json`);
      // Lighthouse now and then fails to record a trace (NO_NAVSTART, NO_FCP)
      // on this machine: such a run is made again, at most twice.
      for (let attempt = 1; ; attempt++) {
        try {
          execFileSync(join(root, 'node_modules/.bin/lighthouse'), [`${vendor.url}${path}`,
            '--quiet', '--output=json', `--output-path=${report}`,
            '--only-categories=performance,accessibility,best-practices',
            '--chrome-flags=--headless --no-sandbox --disable-gpu'],
          { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] });
          break;
        } catch (e) {
          if (attempt === 3) throw e;
          console.log(`${path} run ${i + 1}: Lighthouse failed (above), running it again`);
        }
      }
      const lhr = JSON.parse(readFileSync(report, 'utf8'));
      const audit = (id) => lhr.audits[id].numericValue;
      results.push({
        perf: Math.round(lhr.categories.performance.score * 100),
        fcp: audit('first-contentful-paint'),
        lcp: audit('largest-contentful-paint'),
        tbt: audit('total-blocking-time'),
        a11y: Math.round(lhr.categories.accessibility.score * 100),
        bp: Math.round(lhr.categories['best-practices'].score * 100),
        bytes: audit('total-byte-weight'),
      });
      const r = results.at(-1);
      console.log(`${path} run ${i + 1}: perf ${r.perf}, FCP ${Math.round(r.fcp)} ms, LCP ${Math.round(r.lcp)} ms, TBT ${Math.round(r.tbt)} ms, a11y ${r.a11y}, best practices ${r.bp}, ${r.bytes} bytes transferred`);
    }
    const m = (k) => median(results.map((r) => r[k]));
    console.log(`${path} median of ${runs}: perf ${m('perf')}, FCP ${Math.round(m('fcp'))} ms, LCP ${Math.round(m('lcp'))} ms, ` +
      `TBT ${Math.round(m('tbt'))} ms, a11y ${m('a11y')}, best practices ${m('bp')}, ${m('bytes')} bytes transferred`);
  }
} finally {
  await vendor.stop();
}
