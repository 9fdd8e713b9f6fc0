// The page before and without its wasm: the first view painted from the
// HTML, text typed before the wasm runs, opening and checking offline, a
// second link in the same tab, and a new deployment picked up.
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Vendor, Computer, keep, seriousAxeViolations } from './support.mjs';

let vendor;
test.beforeAll(async () => {
  vendor = new Vendor();
  await vendor.start();
});
test.afterAll(async () => vendor?.stop());

/** Holds every wasm request until the returned function is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Waits until the service worker controls the page (it takes over on its first visit). */
async function serviceWorkerInControl(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
}

test('with JavaScript off, the first view is there and says that checking needs JavaScript', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ ...testInfo.project.use, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${vendor.url}/code.html`);
  await expect(page.getByRole('heading', { name: 'Get your licence upgrade' })).toBeVisible();
  await expect(page.getByLabel('Request code', { exact: true })).toBeVisible();
  await expect(page.getByText('Open Step_1_Code.TXT')).toBeVisible();
  // (Playwright's text locators skip <noscript>, which the browser shows here.)
  await expect(page.locator('p.noscript')).toBeVisible();
  await expect(page.locator('p.noscript')).toContainText('Checking and sending your code needs JavaScript');
  await expect(page.getByRole('button', { name: 'Submit code' })).toBeDisabled();
  await keep(page, testInfo, 'first-view-no-javascript');
  await page.goto(`${vendor.url}/decode/`);
  await expect(page.getByRole('heading', { name: 'Decode a code' })).toBeVisible();
  await expect(page).toHaveTitle('Decode a licence code');
  await context.close();
});

test('before the wasm arrives: the first view is painted and accessible; what was typed is kept and checked', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ ...testInfo.project.use, serviceWorkers: 'block' });
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.goto(`${vendor.url}/code.html`, { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('heading', { name: 'Get your licence upgrade' })).toBeVisible();
  await expect(page.locator('#first-view')).toHaveCount(1);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await keep(page, testInfo, 'first-view-before-wasm');

  const code = new Computer(vendor).createCode();
  const field = page.getByLabel('Request code', { exact: true });
  await field.click();
  await field.pressSequentially(code.slice(0, 20), { delay: 5 });
  const before = await page.locator('#request-code').boundingBox();
  // The static header is kept as it is (the largest paint stays the first one).
  await page.locator('p.lead').evaluate((lead) => { lead.dataset.painted = 'first'; });
  release();
  // The running page has taken over: one field, the same text, checked.
  await expect(page.locator('#first-view')).toHaveCount(0);
  await expect(page.locator('p.lead[data-painted=first]')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('#request-code')).toHaveCount(1);
  await expect(page.locator('#request-code')).toHaveValue(code.slice(0, 20));
  await expect(page.locator('#request-code-status')).toHaveText(/groups complete/);
  // In the same place, with the focus and caret where they were: typing goes on.
  expect(await page.locator('#request-code').boundingBox()).toEqual(before);
  await page.keyboard.type(code.slice(20));
  await expect(page.locator('#request-code-status')).toHaveText(/complete and correct/);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await context.close();
});

test('a file chosen before the wasm arrives is read when it runs', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ ...testInfo.project.use, serviceWorkers: 'block' });
  const page = await context.newPage();
  const release = await holdWasm(page);
  const computer = new Computer(vendor);
  const code = computer.run('create-code', '--save', 'Step_1_Code.TXT');
  await page.goto(`${vendor.url}/code.html`, { waitUntil: 'domcontentloaded' });
  await page.locator('input[type=file]').setInputFiles(join(computer.dir, 'Step_1_Code.TXT'));
  release();
  await expect(page.locator('#first-view')).toHaveCount(0);
  await expect(page.locator('#request-code-status')).toHaveText(/complete and correct/);
  expect((await page.locator('#request-code').inputValue()).replace(/\s+/g, '')).toBe(code.replace(/\s+/g, ''));
  await context.close();
});

test('the decode page keeps what was pasted before its wasm arrives', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ ...testInfo.project.use, serviceWorkers: 'block' });
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.goto(`${vendor.url}/decode/`, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Code', { exact: true }).fill(vendor.serial);
  release();
  await expect(page.locator('.decoded table')).toContainText('Serial number');
  await context.close();
});

test('a second link opened in the same tab replaces the code', async ({ page }) => {
  const first = new Computer(vendor).createCode();
  const second = new Computer(vendor).createCode();
  await page.goto(`${vendor.url}/code.html#${first}`);
  await expect(page.locator('#request-code')).toHaveValue(first);
  await page.goto(`${vendor.url}/code.html#${second}`);
  await expect(page.locator('#request-code')).toHaveValue(second);
  await expect(page.locator('#request-code-status')).toHaveText(/complete and correct/);
});

test('offline after a first visit: the page opens, checks, says it is offline, and sends the code when back online', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ ...testInfo.project.use });
  const page = await context.newPage();
  await page.goto(`${vendor.url}/code.html`);
  await serviceWorkerInControl(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Get your licence upgrade' })).toBeVisible();
  const code = new Computer(vendor).createCode();
  await page.getByLabel('Request code', { exact: true }).fill(code);
  await expect(page.locator('#request-code-status')).toHaveText(/complete and correct/);
  await page.getByRole('button', { name: 'Submit code' }).click();
  await expect(page.getByRole('alert')).toContainText('You are offline');
  await expect(page.getByRole('alert')).toContainText('sent by itself');
  await expect(page.locator('#request-code')).toHaveValue(code);
  await keep(page, testInfo, 'offline-submit');

  await context.setOffline(false);
  await expect(page.locator('#response-code')).toBeVisible();
  await expect(page.getByText('Signed by the vendor (key 1) and checked on this device.')).toBeVisible();
  await context.close();
});

test('a new deployment is served on the next visit, and the old one leaves the cache', async ({ browser }, testInfo) => {
  // A deployment of its own: a copy of the build, served by a second server.
  const dist = mkdtempSync(join(tmpdir(), 'portal-deploy-'));
  cpSync(resolve(import.meta.dirname, '../../dist'), dist, { recursive: true });
  const deployed = new Vendor();
  await deployed.start({ dist });
  try {
    const context = await browser.newContext({ ...testInfo.project.use });
    const page = await context.newPage();
    await page.goto(`${deployed.url}/code.html`);
    await serviceWorkerInControl(page);
    const caches = () => page.evaluate(() => caches.keys());
    const [oldCache] = await caches();

    // Deploy: a changed page, so a new service worker version.
    for (const name of readdirSync(dist, { recursive: true })) {
      if (/\.(br|gz)$/.test(name)) rmSync(join(dist, name));
    }
    for (const name of ['index.html', 'code.html']) {
      const html = readFileSync(join(dist, name), 'utf8');
      writeFileSync(join(dist, name), html.replace('Licence upgrade: enter your request code', 'Licence upgrade (new build)'));
    }
    const worker = readFileSync(join(dist, 'sw.js'), 'utf8');
    writeFileSync(join(dist, 'sw.js'), worker.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = 'new$1'"));
    // A real deployment comes later than the first visit; its files are newer
    // by more than Last-Modified's one-second steps.
    const later = new Date(Date.now() + 5000);
    for (const name of ['index.html', 'code.html', 'sw.js']) utimesSync(join(dist, name), later, later);

    await page.reload();
    await expect(page).toHaveTitle('Licence upgrade (new build)');
    await expect.poll(caches, { timeout: 20_000 }).toEqual([oldCache.replace('license-portal-', 'license-portal-new')]);
    // And it still works offline, from the new cache.
    await context.setOffline(true);
    await page.reload();
    await expect(page).toHaveTitle('Licence upgrade (new build)');
    await page.getByLabel('Request code', { exact: true }).fill(new Computer(deployed).createCode());
    await expect(page.locator('#request-code-status')).toHaveText(/complete and correct/);
    await context.close();
  } finally {
    await deployed.stop();
    rmSync(dist, { recursive: true, force: true });
  }
});
