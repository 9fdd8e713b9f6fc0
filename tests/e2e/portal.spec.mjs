// The portal end to end, as a customer and a support agent use it.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { Vendor, Computer, keep, seriousAxeViolations, unsoldSerial, terminalQrToPixels } from './support.mjs';

let vendor;
test.beforeAll(async () => {
  vendor = new Vendor();
  await vendor.start({ mail: true });
});
test.afterAll(async () => vendor?.stop());

/** Types a code the way a person does: group by group, lower case, with spaces. */
async function typeLikeAPerson(page, code) {
  const field = page.getByLabel('Request code', { exact: true });
  await field.click();
  await field.pressSequentially(code.toLowerCase().replaceAll('-', ' '), { delay: 5 });
}

function noHorizontalScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test('the SpecView story: type the code, submit, apply the response; the QR code reads back', async ({ page }, testInfo) => {
  const computer = new Computer(vendor);
  const code = computer.createCode();
  await page.goto(`${vendor.url}/code.html`);
  const submit = page.getByRole('button', { name: 'Submit code' });
  await expect(submit).toBeDisabled();
  await typeLikeAPerson(page, code);
  await expect(page.locator('#request-code-status')).toHaveText(/complete and correct/);
  await expect(page.locator('.group.good')).toHaveCount(8);
  await submit.click();

  const response = page.locator('#response-code');
  await expect(response).toBeVisible();
  await expect(page.getByText('Signed by the vendor (key 1) and checked on this device.')).toBeVisible();
  await expect(page.locator('.changes')).toContainText('Remote users: 0 → 3');
  await expect(page.locator('.changes')).toContainText('Clients: 0 → 25');
  await expect(page.locator('#mailed-to')).toHaveText('A copy went by email to the technical contact on file, i***@example.com.');
  const responseCode = (await response.innerText()).trim().split(/\s+/).join('-');
  expect(await noHorizontalScroll(page)).toBe(true);
  await keep(page, testInfo, 'specview-response');
  // The copy arrives, with the same code on a line of its own.
  await expect.poll(() => vendor.sink.messages().filter((m) => m.split(/\r?\n/).includes(responseCode)).length).toBe(1);

  // The program enters the code read from the page.
  const applied = computer.run('enter-code', responseCode);
  expect(applied).toContain('remote_users: 0 -> 3');
  expect(computer.status().entitlements.remote_users).toBe(3);

  // A real QR decoder reads the same code from the QR image.
  const png = PNG.sync.read(await page.locator('.qr-image svg').screenshot());
  const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(qr?.data).toBe(responseCode);

  // Submitting again returns the same response, marked as already issued.
  await page.reload();
  await typeLikeAPerson(page, code);
  await submit.click();
  await expect(page.getByText(/Already issued on \d{1,2} [A-Z][a-z]+ \d{4}/)).toBeVisible();
  expect((await response.innerText()).trim().split(/\s+/).join('-')).toBe(responseCode);
  // Not a new issuance: no new copy, and the page says none.
  await expect(page.locator('#mailed-to')).toHaveCount(0);
});

test('the program reads the response from the page\'s QR code: license enter-code --image of a screenshot', async ({ page }) => {
  const computer = new Computer(vendor);
  await page.goto(`${vendor.url}/code.html`);
  await page.getByLabel('Request code', { exact: true }).fill(computer.createCode());
  await page.getByRole('button', { name: 'Submit code' }).click();
  await expect(page.locator('#response-code')).toBeVisible();
  // The QR code as Chromium shows it (the whole answer, code and text around it).
  const picture = join(computer.dir, 'response-qr.png');
  await page.locator('.qr-image').screenshot({ path: picture });
  const applied = computer.run('enter-code', '--image', picture);
  expect(applied).toContain('remote_users: 0 -> 3');
  expect(computer.status().entitlements.remote_users).toBe(3);
});

test('without mail on the server, the page says nothing of a copy', async ({ page }) => {
  const quiet = new Vendor();
  await quiet.start();
  try {
    await page.goto(`${quiet.url}/code.html`);
    await page.getByLabel('Request code', { exact: true }).fill(new Computer(quiet).createCode());
    await page.getByRole('button', { name: 'Submit code' }).click();
    await expect(page.locator('#response-code')).toBeVisible();
    await expect(page.locator('#mailed-to')).toHaveCount(0);
  } finally {
    await quiet.stop();
  }
});

test('Step_1_Code.TXT chosen, dropped or pasted from an email fills the field; the response is copied and saved', async ({ page, context }, testInfo) => {
  const computer = new Computer(vendor);
  const code = computer.run('create-code', '--save', 'Step_1_Code.TXT');
  const fileText = readFileSync(join(computer.dir, 'Step_1_Code.TXT'), 'utf8');
  const asInField = fileText.replaceAll('\r\n', '\n'); // a textarea's value has plain line breaks
  await page.goto(`${vendor.url}/code.html`);
  const field = page.getByLabel('Request code', { exact: true });
  const status = page.locator('#request-code-status');

  // Chosen with the file button.
  await page.locator('input[type=file]').setInputFiles(join(computer.dir, 'Step_1_Code.TXT'));
  await expect(field).toHaveValue(asInField);
  await expect(status).toHaveText(/complete and correct/);

  // Dropped onto the field.
  await field.fill('');
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'Step_1_Code.TXT', { type: 'text/plain' }));
    return transfer;
  }, fileText);
  await field.dispatchEvent('dragover', { dataTransfer });
  await field.dispatchEvent('drop', { dataTransfer });
  await expect(field).toHaveValue(asInField);
  await expect(status).toHaveText(/complete and correct/);

  // A photo chosen by mistake is refused with a reason; the code stays.
  await page.locator('input[type=file]').setInputFiles({ name: 'IMG_0001.JPG', mimeType: 'image/jpeg', buffer: Buffer.alloc(300_000) });
  await expect(status).toContainText('IMG_0001.JPG is 293 KB, too large to be a request code file');
  await expect(field).toHaveValue(asInField);
  await keep(page, testInfo, 'photo-chosen');

  // Pasted from a quoted email reply: lower case, broken over lines.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: vendor.url });
  const groups = code.toLowerCase().split('-');
  const quoted = `> ${groups.slice(0, 4).join(' ')}\n>  ${groups.slice(4).join('-')}\n`;
  await page.evaluate((text) => navigator.clipboard.writeText(text), quoted);
  await field.fill('');
  await field.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(field).toHaveValue(quoted);
  await expect(status).toHaveText(/complete and correct/); // the refusal went with the edit

  await page.getByRole('button', { name: 'Submit code' }).click();
  const responseCode = (await page.locator('#response-code').innerText()).trim().split(/\s+/).join('-');
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.locator('#response-notice')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(responseCode);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save to file' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Step_2_Response_Code.TXT');
  const savedPath = join(computer.dir, 'Step_2_Response_Code.TXT');
  await saved.saveAs(savedPath);
  expect(readFileSync(savedPath, 'utf8')).toBe(`${responseCode}\r\n`);
  await expect(page.locator('#response-notice')).toContainText('Saved as Step_2_Response_Code.TXT');

  // The program reads the saved file.
  expect(computer.run('enter-code', '--file', savedPath)).toContain('remote_users: 0 -> 3');
  await keep(page, testInfo, 'file-copied-saved');
});

test('a typo in one group is marked and named, and the code cannot be sent', async ({ page }, testInfo) => {
  const code = new Computer(vendor).createCode();
  const chars = [...code];
  const at = 3 * 7 + 2; // group 4
  chars[at] = chars[at] === 'Q' ? 'R' : 'Q';
  await page.goto(`${vendor.url}/code.html`);
  await typeLikeAPerson(page, chars.join(''));
  await expect(page.locator('.group.wrong')).toHaveCount(1);
  await expect(page.locator('.group.wrong')).toHaveAttribute('data-group', '4');
  await expect(page.locator('#request-code-status')).toContainText('Group 4 has a typo');
  await expect(page.getByLabel('Request code', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Submit code' })).toBeDisabled();
  await keep(page, testInfo, 'typo');
});

test('a response code pasted by mistake is recognised and explained', async ({ page }, testInfo) => {
  const computer = new Computer(vendor);
  const answer = await (await fetch(`${vendor.url}/api/v1/activations`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ request_code: computer.createCode() }),
  })).json();
  await page.goto(`${vendor.url}/code.html`);
  await page.getByLabel('Request code', { exact: true }).fill(`> ${answer.response_code}`);
  await expect(page.locator('#request-code-status')).toContainText('This is a response code, not a request code');
  await expect(page.locator('#request-code-status')).toContainText('enter it into the program');
  await expect(page.locator('.group.wrong')).toHaveCount(0); // its groups are fine: it is just another kind
  await expect(page.locator('.group.good')).toHaveCount(answer.response_code.split('-').length);
  await expect(page.getByRole('button', { name: 'Submit code' })).toBeDisabled();
  await keep(page, testInfo, 'response-pasted');
});

test('an unknown serial number gets its own message and next step', async ({ page }, testInfo) => {
  const computer = new Computer(vendor, unsoldSerial());
  const code = computer.createCode();
  await page.goto(`${vendor.url}/code.html#${code}`);
  await expect(page.locator('#request-code-status')).toHaveText(/complete and correct/);
  await page.getByRole('button', { name: 'Submit code' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Unknown serial number');
  await expect(alert).toContainText('purchase confirmation email');
  await expect(page.getByLabel('Request code', { exact: true })).toHaveValue(code);
  await keep(page, testInfo, 'unknown-serial');
});

test('with the server down the page says so, keeps the code, and a retry works', async ({ page }, testInfo) => {
  const computer = new Computer(vendor);
  const code = computer.createCode();
  await page.goto(`${vendor.url}/code.html`);
  await expect(page.locator('#request-code-status')).toContainText('Type or paste');
  await page.waitForLoadState('networkidle'); // the vendor keys are loaded
  await vendor.stop({ sink: false });
  try {
    await typeLikeAPerson(page, code);
    await page.getByRole('button', { name: 'Submit code' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('No connection to the licence server');
    await expect(page.getByLabel('Request code', { exact: true })).toHaveValue(code.toLowerCase().replaceAll('-', ' '));
    await keep(page, testInfo, 'server-down');
  } finally {
    await vendor.start();
  }
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('#response-code')).toBeVisible();
});

test('the button is busy while the code is sent; keys that failed to load are fetched again on Try again', async ({ page }, testInfo) => {
  const code = new Computer(vendor).createCode();
  // The first request for the vendor keys fails as a dropped connection does.
  let keysRequests = 0;
  await page.route('**/api/v1/keys', (route) => (++keysRequests === 1 ? route.abort('connectionreset') : route.continue()));
  // The activation reaches the real server only once the busy state was seen.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/api/v1/activations', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${vendor.url}/code.html`);
  await typeLikeAPerson(page, code);
  await page.getByRole('button', { name: 'Submit code' }).click();
  const busy = page.getByRole('button', { name: 'Sending…' });
  await expect(busy).toBeDisabled();
  await expect(busy).toHaveAttribute('aria-busy', 'true');
  release();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The response could not be checked');
  await expect(page.locator('#response-code')).toHaveCount(0);
  await keep(page, testInfo, 'keys-not-loaded');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('Signed by the vendor (key 1) and checked on this device.')).toBeVisible();
  await expect(page.locator('#response-code')).toBeVisible();
  expect(keysRequests).toBe(2);
});

test('a response that fails its signature check is not shown as valid', async ({ page }, testInfo) => {
  // The page is told of another vendor key under the same id, as if the
  // response had been made with a key that is not the vendor's.
  const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  const otherHex = Buffer.from(other.x, 'base64url').toString('hex');
  await page.route('**/api/v1/keys', async (route) => {
    const answer = await (await route.fetch()).json();
    answer.keys = answer.keys.map((k) => ({ ...k, public_key: otherHex }));
    await route.fulfill({ json: answer });
  });
  await page.goto(`${vendor.url}/code.html`);
  await typeLikeAPerson(page, new Computer(vendor).createCode());
  await page.getByRole('button', { name: 'Submit code' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The response failed its signature check');
  await expect(alert).toContainText('Do not enter it');
  await expect(page.locator('#response-code')).toHaveCount(0);
  await expect(page.locator('.qr-image')).toHaveCount(0);
  await expect(page.getByText(/checked on this device/)).toHaveCount(0);
  await keep(page, testInfo, 'signature-failed');
});

test('the link and QR code that `license create-code --portal` shows open the page with the code filled in', async ({ page }) => {
  const { code, terminal } = new Computer(vendor).createCodeForPortal(vendor.url);
  const link = `${vendor.url}/code.html#${code}`;
  const lines = terminal.split('\n');
  expect(lines).toContain(link);
  // A real QR decoder reads the terminal's QR code as the same link.
  const qrLines = lines.filter((l) => /^[█▀▄ ]+$/.test(l) && l.length > 20);
  const { data, width, height } = terminalQrToPixels(qrLines);
  expect(jsQR(data, width, height)?.data).toBe(link);

  await page.goto(link);
  await expect(page.getByLabel('Request code', { exact: true })).toHaveValue(code);
  await expect(page.getByRole('button', { name: 'Submit code' })).toBeEnabled();
});

test('the keyboard alone is enough', async ({ page }) => {
  const code = new Computer(vendor).createCode();
  await page.goto(`${vendor.url}/code.html`);
  await expect(page.getByLabel('Request code', { exact: true })).toBeVisible(); // the app has mounted
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Request code', { exact: true })).toBeFocused();
  await page.keyboard.type(code);
  // Submit code is disabled (out of the Tab order) until the code is checked.
  await expect(page.getByRole('button', { name: 'Submit code' })).toBeEnabled();
  await page.keyboard.press('Tab'); // the file button
  await page.keyboard.press('Tab'); // Submit code
  await expect(page.getByRole('button', { name: 'Submit code' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#response-code')).toBeVisible();
});

test('the decode page shows every field, and checks a response signature', async ({ page }, testInfo) => {
  const computer = new Computer(vendor);
  const code = computer.createCode();
  const answer = await (await fetch(`${vendor.url}/api/v1/activations`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ request_code: code }),
  })).json();
  await page.goto(`${vendor.url}/decode`);
  await page.getByLabel('Code', { exact: true }).fill(code);
  await expect(page.locator('tr[data-field="product"] td')).toHaveText('SpecView (7)');
  await expect(page.locator('tr[data-field="serial"] td')).toHaveText(vendor.serial);
  await expect(page.locator('tr[data-field="counter"] td')).toHaveText('0');

  await page.getByLabel('Code', { exact: true }).fill(answer.response_code);
  await expect(page.locator('tr[data-field="signature"] td')).toContainText('paste the request code');
  await page.getByLabel(/The request code it answers/).fill(code);
  await expect(page.locator('tr[data-field="signature"] td')).toContainText(`Verified for serial ${vendor.serial}`);
  await expect(page.locator('tr[data-field="signing_key"] td')).toHaveText('vendor key 1 (trusted)');
  await expect(page.locator('tr[data-field="counters"] td')).toHaveText('0 → 2');
  await expect(page.locator('table.fields')).toContainText('Remote users');
  expect(await noHorizontalScroll(page)).toBe(true);
  await keep(page, testInfo, 'decode-response');

  const broken = answer.response_code.slice(0, 15) + (answer.response_code[15] === 'A' ? 'B' : 'A') + answer.response_code.slice(16); // group 3
  await page.getByLabel('Code', { exact: true }).fill(broken);
  await expect(page.getByRole('alert')).toContainText('Group 3 has a typo');
  await expect(page.locator('.decoded .group.wrong')).toHaveAttribute('data-group', '3');
});

for (const path of ['/code.html', '/decode']) {
  test(`no serious accessibility violations on ${path}`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ ...testInfo.project.use });
    const page = await context.newPage();
    await page.goto(`${vendor.url}${path}`);
    await page.locator('textarea').first().fill(path === '/decode' ? vendor.serial : new Computer(vendor).createCode());
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
}

test('moving to a new computer: the limit explains releasing, the release code frees the place on the page', async ({ page }, testInfo) => {
  const serial = JSON.parse(vendor.cli('license', 'create', '--product', 'SpecView', '--email', 'it@example.com',
    '--max-installations', '1', 'remote_users=1')).serial;
  const oldComputer = new Computer(vendor, serial);
  oldComputer.run('get-it-now', '--server', vendor.url);
  const newComputer = new Computer(vendor, serial);
  const submit = page.getByRole('button', { name: 'Submit code' });

  // The new computer is refused, and told how to move the licence.
  await page.goto(`${vendor.url}/code.html`);
  await page.getByLabel('Request code', { exact: true }).fill(newComputer.createCode());
  await submit.click();
  await expect(page.getByRole('alert')).toContainText('Installation limit reached');
  await expect(page.getByRole('alert')).toContainText('on the old one, use the program\'s Release licence');

  // The old computer gives its place back; its release code is typed on the phone.
  const release = oldComputer.run('release');
  await page.reload();
  await typeLikeAPerson(page, release.slice(0, 20));
  await expect(page.locator('#request-code-status')).toContainText('A release code: 3 of 9 groups complete');
  await expect(page.locator('.group.wrong')).toHaveCount(0);
  await page.getByLabel('Request code', { exact: true }).fill(release);
  await expect(page.locator('#request-code-status')).toContainText('frees the place of the computer the program ran on');
  await submit.click();
  await expect(page.locator('#released-heading')).toHaveText('Licence released');
  await expect(page.locator('.released')).toContainText(`licence ${serial} of SpecView now uses 0 of 1 installation`);
  await expect(page.locator('.released')).toContainText('On the new computer: install SpecView');
  expect(await noHorizontalScroll(page)).toBe(true);
  await keep(page, testInfo, 'released');

  // The new computer activates, on the same page.
  await page.getByLabel('Request code', { exact: true }).fill(newComputer.createCode());
  await submit.click();
  const response = (await page.locator('#response-code').innerText()).trim().split(/\s+/).join('-');
  expect(newComputer.run('enter-code', response)).toContain('remote_users: 0 -> 1');

  // /decode shows a release code's fields.
  await page.goto(`${vendor.url}/decode`);
  await page.getByLabel('Code', { exact: true }).fill(release);
  await expect(page.locator('tr[data-field="kind"] td')).toHaveText('Release code (format 1)');
  await expect(page.locator('tr[data-field="serial"] td')).toHaveText(serial);
});

test('lost your serial number? the page asks for the address and the serial numbers go to it by mail', async ({ page }, testInfo) => {
  const email = `lost-${testInfo.project.name}@customer.example`;
  const serial = JSON.parse(vendor.cli('license', 'create', '--product', 'SpecView', '--email', email, '--no-notify', 'remote_users=1')).serial;
  await page.goto(`${vendor.url}/code.html`);
  const before = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
  expect(before.filter((n) => n.includes('lost'))).toEqual([]); // nothing of the form in the first load
  await page.getByRole('link', { name: 'Lost your serial number?' }).click();
  await expect(page).toHaveURL(/\/lost\.html$/);
  await expect(page.getByRole('heading', { name: 'Lost your serial number?' })).toBeVisible();
  const field = page.getByLabel('Email address');
  const send = page.getByRole('button', { name: 'Send my serial numbers' });
  await field.fill('not an address');
  await send.click();
  await expect(page.getByRole('status')).toHaveText(/This is not an email address/);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await keep(page, testInfo, 'lost-not-an-address');
  await field.fill(email);
  await send.click();
  await expect(page.getByRole('status')).toHaveText(`If ${email} is the technical contact of licences, their serial numbers are on their way to it. Look in that mailbox, and in its spam folder, in a few minutes.`);
  expect(await noHorizontalScroll(page)).toBe(true);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await keep(page, testInfo, 'lost-sent');
  await expect.poll(() => vendor.sink.messages().some((m) => m.includes(`SpecView: ${serial}`)), { timeout: 20000 }).toBe(true);

  // In French, as chosen on the customer's page.
  await page.evaluate(() => localStorage.setItem('lang', 'fr'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Numéro de série perdu ?' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await keep(page, testInfo, 'lost-fr');
  await page.evaluate(() => localStorage.removeItem('lang'));
});
