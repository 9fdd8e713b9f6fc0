// The portal as plain static files on a host of its own (a CDN in production)
// talking to the licence server on another origin: the API base URL was fixed
// when it was built (LICENSE_PORTAL_API_BASE) and the server allows the
// portal's origin (--allow-origin). scripts/test.sh makes that build and runs
// this file with PORTAL_STATIC_HOST_DIST and PORTAL_STATIC_HOST_API_PORT.
import { test, expect } from '@playwright/test';
import { Vendor, Computer, StaticHost } from './support.mjs';

const dist = process.env.PORTAL_STATIC_HOST_DIST;
const apiPort = Number(process.env.PORTAL_STATIC_HOST_API_PORT);
test.skip(!dist || !apiPort, 'needs the static-host build that scripts/test.sh makes');

let host;
let vendor;
test.beforeAll(async () => {
  host = new StaticHost(dist);
  await host.start();
  vendor = new Vendor();
  vendor.port = apiPort;
  vendor.serveArgs = ['--allow-origin', host.url];
  await vendor.start({ mail: true });
});
test.afterAll(async () => {
  await vendor?.stop();
  await host?.stop();
});

test('from a static host, the code goes to the API origin set at build time and the response applies', async ({ page }) => {
  const apiCalls = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/')) apiCalls.push(request.url());
  });
  const computer = new Computer(vendor);
  const code = computer.createCode();
  await page.goto(`${host.url}/code.html`);
  await page.getByLabel('Request code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Submit code' }).click();
  await expect(page.getByText('Signed by the vendor (key 1) and checked on this device.')).toBeVisible();
  const responseCode = (await page.locator('#response-code').innerText()).trim().split(/\s+/).join('-');
  expect(computer.run('enter-code', responseCode)).toContain('remote_users: 0 -> 3');

  expect(apiCalls.length).toBeGreaterThanOrEqual(2); // keys and the activation
  expect(apiCalls.every((url) => url.startsWith(`${vendor.url}/api/v1/`))).toBe(true);
  expect(host.requests.some((path) => path.startsWith('/api/'))).toBe(false);

  // The support page is a file of its own on the static host, and reads the
  // product names from the API origin.
  await page.getByRole('link', { name: 'Support: decode a code' }).click();
  await expect(page).toHaveURL(`${host.url}/decode/`);
  await page.getByLabel('Code', { exact: true }).fill(code);
  await expect(page.locator('tr[data-field="product"] td')).toHaveText('SpecView (7)');
});

test('from a static host, "Lost your serial number?" asks the API origin set at build time', async ({ page }) => {
  const apiCalls = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/')) apiCalls.push(request.url());
  });
  await page.goto(`${host.url}/code.html`);
  await page.getByRole('link', { name: 'Lost your serial number?' }).click();
  await expect(page).toHaveURL(`${host.url}/lost.html`);
  await page.getByLabel('Email address').fill('it@example.com');
  await page.getByRole('button', { name: 'Send my serial numbers' }).click();
  await expect(page.getByRole('status')).toHaveText(/are on their way to it/);
  expect(apiCalls).toContain(`${vendor.url}/api/v1/serials/lookup`);
  expect(host.requests.some((path) => path.startsWith('/api/'))).toBe(false);
});
