// A real licence server and the real `license` command for the portal tests.
import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import net from 'node:net';
import { createRequire } from 'node:module';

const root = resolve(import.meta.dirname, '../..');
const bin = (name) => process.env[`${name.toUpperCase().replace('-', '_')}_BIN`] ?? join(root, 'target/debug', name);
export const screenshotDir = join(root, 'target/e2e-screenshots');

/** Saves a full-page screenshot as target/e2e-screenshots/<project>-<name>.png. */
export async function keep(page, testInfo, name) {
  await page.screenshot({ path: join(screenshotDir, `${testInfo.project.name}-${name}.png`), fullPage: true });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page, as `id: help (nodes)` lines. */
export async function seriousAxeViolations(page) {
  // Evaluated through the DevTools protocol: the pages' CSP forbids inline scripts.
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
}
mkdirSync(screenshotDir, { recursive: true });

async function freePort() {
  return new Promise((done) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => done(port)); });
  });
}

async function waitForPort(port) {
  for (let i = 0; i < 200; i++) {
    const open = await new Promise((done) => {
      const c = net.connect(port, '127.0.0.1', () => { c.end(); done(true); }).on('error', () => done(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server on ${port} did not start`);
}

/** A real SMTP server (crates/license-server/tests/smtp_sink.py, aiosmtpd) writing what it receives to a folder. */
export class SmtpSink {
  async start() {
    this.port = await freePort();
    this.dir = mkdtempSync(join(tmpdir(), 'smtp-sink-'));
    this.process = spawn('python3', [join(root, 'crates/license-server/tests/smtp_sink.py'), String(this.port), this.dir],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((done, fail) => {
      this.process.stdout.once('data', (line) => (String(line).trim() === 'ready' ? done() : fail(new Error(String(line)))));
      this.process.once('exit', () => fail(new Error('the SMTP sink did not start (is aiosmtpd installed? scripts/setup.sh)')));
    });
  }

  /** The plain-text parts (decoded) of the messages received so far, oldest first. */
  messages() {
    return readdirSync(this.dir).filter((f) => f.endsWith('.eml')).sort()
      .map((f) => readFileSync(join(this.dir, f.replace(/\.eml$/, '.txt')), 'utf8'));
  }

  stop() { this.process?.kill(); }
}

/**
 * A real webhook receiver (crates/license-server/tests/webhook_receiver.py): verifies every delivery with the
 * Standard Webhooks library and writes what verified to a folder.
 */
export class WebhookReceiver {
  async start() {
    this.port = await freePort();
    this.dir = mkdtempSync(join(tmpdir(), 'webhook-receiver-'));
    this.process = spawn('python3', [join(root, 'crates/license-server/tests/webhook_receiver.py'), String(this.port), this.dir],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((done, fail) => {
      this.process.stdout.once('data', (line) => (String(line).trim() === 'ready' ? done() : fail(new Error(String(line)))));
      this.process.once('exit', () => fail(new Error('the receiver did not start (is standardwebhooks installed? scripts/setup.sh)')));
    });
    this.url = `http://127.0.0.1:${this.port}/hooks`;
  }

  /** The secret (`whsec_…`) it verifies with. */
  trust(secret) { writeFileSync(join(this.dir, 'secrets'), secret); }

  /** What arrived and verified, oldest first: { id, secret, body: { type, timestamp, data } }. */
  received() {
    return readdirSync(this.dir).filter((f) => /^\d+\.json$/.test(f)).sort()
      .map((f) => JSON.parse(readFileSync(join(this.dir, f), 'utf8')));
  }

  /** Deliveries whose signature did not verify. */
  unverified() { return readdirSync(this.dir).filter((f) => f.startsWith('unverified-')); }

  stop() { this.process?.kill(); }
}

/** A licence server with SpecView, one licence (1 remote user, 25 clients) and a waiting upgrade (3 remote users). */
export class Vendor {
  constructor() {
    this.data = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
    this.cli('product', 'add', '--id', '7', '--name', 'SpecView', '--entitlement', 'remote_users:count',
      '--entitlement', 'clients:count', '--entitlement', 'historian:flag');
    this.serial = JSON.parse(this.cli('license', 'create', '--product', 'SpecView', '--email', 'it@example.com',
      '--max-installations', '20', 'remote_users=1', 'clients=25')).serial;
    this.cli('upgrade', 'queue', '--serial', this.serial, 'remote_users=3');
    this.trust = join(this.data, 'trust.json');
    writeFileSync(this.trust, this.cli('trust-file'));
    /** More `serve` flags, e.g. `--allow-origin`. */
    this.serveArgs = [];
  }

  cli(...args) {
    const out = execFileSync(bin('license-server'), ['--data', this.data, ...args], { env: { ...process.env, LICENSE_SERVER_LOG: 'warn' } }).toString();
    if (args[0] === 'license' && args[1] === 'create') {
      // The registration code goes to the contact: the customer's computers are given it at `license init`.
      const { serial, registration_code: code } = JSON.parse(out);
      (this.registrationCodes ??= {})[serial] = code;
    }
    return out;
  }

  /** Hands `message` to `license-server mail-in`, as the mail server's pipe does (needs `start({ mail: true })`). */
  mailIn(message) {
    execFileSync(bin('license-server'), ['--data', this.data, '--smtp-url', `smtp://127.0.0.1:${this.sink.port}`,
      '--mail-from', 'Licensing <licensing@vendor.example>', 'mail-in'], { input: message, env: { ...process.env, LICENSE_SERVER_LOG: 'warn' } });
  }

  /** A staff member of the console with `password` (license-server staff add --password-stdin); a reseller sells SpecView. */
  staff(email, role, password = 'correct horse battery') {
    const products = role === 'reseller' ? ['--products', 'SpecView'] : [];
    execFileSync(bin('license-server'), ['--data', this.data, 'staff', 'add', '--email', email, '--role', role, ...products, '--password-stdin'],
      { input: `${password}\n`, env: { ...process.env, LICENSE_SERVER_LOG: 'warn' } });
    return { email, password };
  }

  /**
   * Serves; with `mail`, new responses are mailed to the licence's contact through a real SMTP sink (`this.sink`);
   * `dist`: the portal build to serve (default dist/, or $PORTAL_DIST).
   */
  async start({ mail = this.mail ?? false, dist = process.env.PORTAL_DIST ?? join(root, 'dist') } = {}) {
    this.mail = mail; // a restart (after `stop({ sink: false })`) serves as before
    this.port ??= await freePort();
    this.url = `http://127.0.0.1:${this.port}`;
    const env = { ...process.env, LICENSE_SERVER_LOG: 'warn' };
    if (mail) {
      this.sink ??= new SmtpSink();
      if (!this.sink.process) await this.sink.start();
      Object.assign(env, { LICENSE_SERVER_SMTP_URL: `smtp://127.0.0.1:${this.sink.port}`, LICENSE_SERVER_MAIL_FROM: 'Licensing <licensing@vendor.example>' });
    }
    this.process = spawn(bin('license-server'), ['--data', this.data, 'serve', '--addr', `127.0.0.1:${this.port}`,
      '--static', dist, '--rate-limit-ip', '0', '--rate-limit-serial', '0', ...this.serveArgs],
      { env, stdio: 'ignore' });
    await waitForPort(this.port);
  }

  /** Stops the server, and the SMTP sink unless `sink: false` (a restart to come keeps what it received). */
  async stop({ sink = true } = {}) {
    if (sink) this.sink?.stop();
    if (!this.process) return;
    const exited = new Promise((r) => this.process.once('exit', r));
    this.process.kill('SIGTERM');
    await exited;
    this.process = undefined;
  }
}

/** One computer running the licensed program (the `license` command). */
export class Computer {
  constructor(vendor, serial = vendor.serial) {
    this.dir = mkdtempSync(join(tmpdir(), 'portal-computer-'));
    this.vendor = vendor;
    writeFileSync(join(this.dir, 'machine-id'), `machine-${Math.random()}\n`);
    const code = vendor.registrationCodes?.[serial];
    this.run('init', '--serial', serial, '--product', 'SpecView', ...(code ? ['--registration-code', code] : []));
  }

  run(...args) {
    return execFileSync(bin('license'), args, { cwd: this.dir, env: this.env() }).toString().trim();
  }

  env() {
    return { ...process.env, LICENSE_TRUST: this.vendor.trust, LICENSE_MACHINE_ID_FILE: join(this.dir, 'machine-id'), LICENSE_FILE: join(this.dir, 'license.json') };
  }

  createCode() { return this.run('create-code'); }

  /** `license create-code --portal`: the code, and what it shows on the terminal (the link and its QR code). */
  createCodeForPortal(portal) {
    const result = spawnSync(bin('license'), ['create-code', '--portal', portal], { cwd: this.dir, env: this.env(), encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`license create-code failed: ${result.stderr}`);
    return { code: result.stdout.trim(), terminal: result.stderr };
  }
  status() { return JSON.parse(this.run('status', '--json')); }
}

/** `code` with one character of group 5 changed. */
export function withTypoInGroup5(code) {
  const chars = [...code];
  const at = 4 * 7 + 2;
  chars[at] = chars[at] === 'Q' ? 'R' : 'Q';
  return chars.join('');
}

/** A serial number nobody sold (valid format). */
export function unsoldSerial() {
  return execFileSync(join(root, 'target/debug/examples/vendor'), ['serial']).toString().trim();
}

/**
 * A QR code drawn in a terminal with half blocks (each character is one module
 * wide and two high; a block is light, a space dark) as RGBA pixels for a QR
 * decoder, `scale` pixels per module.
 */
export function terminalQrToPixels(lines, scale = 4) {
  const rows = [];
  for (const line of lines) {
    const chars = [...line];
    const top = chars.map((c) => c === '█' || c === '▀');
    const bottom = chars.map((c) => c === '█' || c === '▄');
    rows.push(top, bottom);
  }
  const width = rows[0].length * scale;
  const height = rows.length * scale;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light = rows[Math.floor(y / scale)][Math.floor(x / scale)];
      data.set(light ? [255, 255, 255, 255] : [0, 0, 0, 255], (y * width + x) * 4);
    }
  }
  return { data, width, height };
}

const contentTypes = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** A plain static file host, as a CDN would be: files as they are, `dir/` serves `dir/index.html`, no rewrites. */
export class StaticHost {
  constructor(dir) {
    this.dir = resolve(dir);
    this.requests = [];
  }

  async start() {
    this.server = http.createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url, 'http://host').pathname);
      this.requests.push(path);
      let file = normalize(join(this.dir, path));
      if (!file.startsWith(this.dir)) return res.writeHead(403).end();
      try {
        if (statSync(file).isDirectory()) {
          if (!path.endsWith('/')) return res.writeHead(301, { location: `${path}/` }).end();
          file = join(file, 'index.html');
        }
        const body = readFileSync(file);
        res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    });
    await new Promise((done) => this.server.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${this.server.address().port}`;
  }

  async stop() {
    await new Promise((done) => this.server.close(done));
  }
}
