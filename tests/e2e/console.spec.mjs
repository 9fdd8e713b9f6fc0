// The support console end to end: staff sign in, find what a customer sent,
// answer it, queue upgrades; against the release build and a real server.
import { test, expect } from '@playwright/test';
import { Vendor, Computer, WebhookReceiver, keep as keepPage, seriousAxeViolations, withTypoInGroup5 } from './support.mjs';

let vendor;
test.beforeAll(async () => {
  vendor = new Vendor();
  vendor.serveArgs.push('--webhook-allow-private'); // the test's receiver is on this machine
  await vendor.start({ mail: true });
});
test.afterAll(async () => vendor?.stop());

const keep = (page, testInfo, name) => keepPage(page, testInfo, `console-${name}`);

async function noSeriousAxeViolations(page) {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** A staff member of `role` unique to this test and project, signed in. */
async function signIn(page, testInfo, role) {
  const { email, password } = vendor.staff(`${role}-${testInfo.project.name}-${testInfo.title.length}-${Date.now()}@vendor.example`, role);
  await page.goto(`${vendor.url}/console/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.console-bar .who')).toHaveText(`${email} (${role})`);
  return email;
}

async function find(page, text) {
  await page.locator('#find').fill(text);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
}

test('a support agent answers a request code a customer sent by email; the program applies it', async ({ page }, testInfo) => {
  const computer = new Computer(vendor);
  const code = computer.createCode();
  const email = await signIn(page, testInfo, 'support');
  await keep(page, testInfo, 'signed-in');
  await noSeriousAxeViolations(page);

  // Pasted as it came in a reply, quoted and in lower case.
  await find(page, `> ${code.toLowerCase().replaceAll('-', ' ')}`);
  const summary = page.locator('section.summary');
  await expect(summary).toContainText('Not bound to this licence yet');
  await expect(summary).toContainText('Holds nothing yet (update 0)');
  await expect(summary).toContainText('Update 2 is waiting for it.');
  await expect(summary).toContainText('Submitting it would give update 2: Remote users: 0 → 3, Clients: 0 → 25.');
  await expect(page.locator('section.license h2')).toHaveText(`SpecView licence ${vendor.serial}`);
  await keep(page, testInfo, 'request-found');
  await noSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Answer this code for the customer' }).click();
  const response = page.locator('#response-code');
  await expect(response).toBeVisible();
  await expect(page.getByText('Signed by the vendor (key 1) and checked on this device.')).toBeVisible();
  await expect(page.locator('.qr-image svg')).toBeVisible();
  const responseCode = (await response.innerText()).trim().split(/\s+/).join('-');
  await expect(page.locator('#mailed-to')).toContainText('i***@example.com');
  // The view is current: it speaks to staff, says what was given, offers no second answer.
  await expect(page.locator('#response-heading')).toHaveText('The response code for the customer');
  await expect(summary).toContainText('Answered: the response below gives update 2 (Remote users: 0 → 3, Clients: 0 → 25).');
  await expect(summary).toContainText('The code was made holding update 0; update 2 has been sent to this installation since.');
  await expect(summary).not.toContainText('It was answered before');
  await expect(page.getByRole('button', { name: 'Answer this code for the customer' })).toHaveCount(0);
  await keep(page, testInfo, 'answered');
  expect(computer.run('enter-code', responseCode)).toContain('remote_users: 0 -> 3');
  const copies = () => vendor.sink.messages().filter((m) => m.split(/\r?\n/).includes(responseCode)).length;
  await expect.poll(copies).toBe(1);

  // The history says who answered it, and through which channel.
  await find(page, responseCode);
  await expect(page.locator('section.summary')).toContainText(`through the console by ${email}`);
  await expect(page.locator('section.summary')).toContainText('It is still the newest response for that installation.');
  const audit = page.locator('table.audit');
  await expect(audit.locator('tr', { hasText: 'response.issue' }).first()).toContainText(email);

  // The customer says the mail never came: Send to contact, recorded in the audit log.
  const row = page.locator('section.license tr', { hasText: responseCode });
  await row.getByRole('button', { name: 'Send to contact: the response for update 2' }).click();
  await expect(page.locator('.notice')).toHaveText('The response for update 2 is on its way to it@example.com.');
  await expect.poll(copies).toBe(2);
  await expect(audit.locator('tr', { hasText: 'mail.resend' }).first()).toContainText(email);
  await keep(page, testInfo, 'sent-to-contact');
});

test('without mail on the server, Send to contact is disabled with the reason', async ({ page }, testInfo) => {
  const quiet = new Vendor();
  await quiet.start();
  try {
    new Computer(quiet).run('get-it-now', '--server', quiet.url);
    const { email, password } = quiet.staff('desk@vendor.example', 'support');
    await page.goto(`${quiet.url}/console/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await find(page, quiet.serial);
    await expect(page.locator('#mail-off-note')).toContainText('does not send mail');
    await expect(page.getByRole('button', { name: 'Send to contact: the response for update 2' })).toBeDisabled();
    await keep(page, testInfo, 'mail-off');
  } finally {
    await quiet.stop();
  }
});

test('an admin queues an upgrade; the customer\'s next submission on the page gets it', async ({ page, browser }, testInfo) => {
  const computer = new Computer(vendor);
  computer.run('get-it-now', '--server', vendor.url);
  const admin = await signIn(page, testInfo, 'admin');
  await find(page, vendor.serial);
  await page.locator('summary', { hasText: 'Queue an upgrade' }).click();
  const remote = page.locator('#upgrade-remote_users');
  const current = Number(await remote.inputValue());
  await remote.fill(String(current + 2));
  await page.getByLabel(/^Note/).fill('PO 4711');
  await page.getByRole('button', { name: 'Queue upgrade' }).click();
  await expect(page.locator('.notice')).toHaveText(/^Update \d+ is queued/);
  await expect(page.locator('.timeline li').last()).toContainText('(PO 4711)');
  await expect(page.locator('.timeline li').last()).toContainText(`by ${admin}`);
  await keep(page, testInfo, 'upgrade-queued');
  await noSeriousAxeViolations(page);

  // The customer, on their own device.
  const customer = await browser.newPage();
  await customer.goto(`${vendor.url}/code.html`);
  await customer.getByLabel('Request code', { exact: true }).fill(computer.createCode());
  await customer.getByRole('button', { name: 'Submit code' }).click();
  await expect(customer.locator('.changes')).toContainText(`Remote users: ${current} → ${current + 2}`);
  const responseCode = (await customer.locator('#response-code').innerText()).trim().split(/\s+/).join('-');
  expect(computer.run('enter-code', responseCode)).toContain(`remote_users: ${current} -> ${current + 2}`);
  await customer.close();

  await find(page, vendor.serial);
  await expect(page.locator('table.audit tr', { hasText: 'upgrade.queue' }).first()).toContainText(admin);
});

test('a support agent sees admin actions disabled with the reason, and signs out', async ({ page }, testInfo) => {
  new Computer(vendor).run('get-it-now', '--server', vendor.url);
  await signIn(page, testInfo, 'support');
  await find(page, vendor.serial);
  await page.locator('summary', { hasText: 'Queue an upgrade' }).click();
  await expect(page.getByText('Only admins can queue an upgrade.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Queue upgrade' })).toBeDisabled();
  await expect(page.getByText('Only admins can release an installation.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Release / }).first()).toBeDisabled();
  await keep(page, testInfo, 'support-disabled');
  await noSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const after = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
  expect(after).toBe(401);
  await keep(page, testInfo, 'signed-out');
});

test('a wrong password is explained without saying whether the account exists', async ({ page }, testInfo) => {
  await page.goto(`${vendor.url}/console/`);
  await page.getByLabel('Email').fill('nobody@vendor.example');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The email address or the password is wrong.');
  await keep(page, testInfo, 'sign-in-refused');
  await noSeriousAxeViolations(page);
});

test.describe('a staff member whose browser is in German', () => {
  test.use({ locale: 'de-DE' });

  test('the console in German: signing in, a typo named in Find, a request code found and answered, dates in German', async ({ page }, testInfo) => {
    const computer = new Computer(vendor);
    const code = computer.createCode();
    const { email, password } = vendor.staff(`de-${testInfo.project.name}-${Date.now()}@vendor.example`, 'support');
    await page.goto(`${vendor.url}/console/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page).toHaveTitle('Lizenzkonsole');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lizenzkonsole');
    await keep(page, testInfo, 'de-sign-in');
    await noSeriousAxeViolations(page);
    await page.getByLabel('E-Mail').fill(email);
    await page.getByLabel('Passwort').fill(password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.locator('.console-bar .who')).toHaveText(`${email} (support)`);
    await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();

    const field = page.locator('#find');
    await field.fill(withTypoInGroup5(code));
    await expect(page.locator('#find-status')).toContainText(/^Gruppe 5 enthält einen Tippfehler\./);
    await field.fill(code);
    await expect(page.locator('#find-status')).toHaveText('Ein vollständiger Anforderungscode: Klicken Sie auf Suchen.');
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    const summary = page.locator('section.summary');
    await expect(summary).toContainText('Noch nicht an diese Lizenz gebunden');
    await expect(summary).toContainText('Hat noch nichts (Update 0).');
    await expect(summary).toContainText('Das Einreichen ergäbe Update ');
    await expect(page.locator('section.license h2')).toHaveText(`SpecView-Lizenz ${vendor.serial}`);
    // Intl's German form of the date and time ("24.11.2026, 09:12").
    await expect(page.locator('dl.facts dd').last()).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    await expect(page.getByText('Nur Administratoren können eine Installation freigeben.')).toBeVisible();
    await keep(page, testInfo, 'de-request-found');
    await noSeriousAxeViolations(page);

    await page.getByRole('button', { name: 'Diesen Code für den Kunden beantworten' }).click();
    await expect(page.getByText('Vom Hersteller signiert (Schlüssel 1) und auf diesem Gerät geprüft.')).toBeVisible();
    const responseCode = (await page.locator('#response-code').innerText()).trim().split(/\s+/).join('-');
    expect(computer.run('enter-code', responseCode)).toContain('remote_users:');
    await page.locator('#find').fill(responseCode);
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await expect(summary).toContainText(`über die Konsole von ${email}`);
    await expect(summary).toContainText('Es ist weiterhin die neueste Antwort für diese Installation.');
    await keep(page, testInfo, 'de-answered');
    await noSeriousAxeViolations(page);
  });
});

test.describe('a staff member whose browser is in French', () => {
  test.use({ locale: 'fr-FR' });

  test('a wrong password is explained in French; English chosen on the page is remembered', async ({ page }, testInfo) => {
    await page.goto(`${vendor.url}/console/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Console des licences');
    await page.getByLabel('Adresse e-mail').fill('nobody@vendor.example');
    await page.getByLabel('Mot de passe').fill('not the password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert')).toContainText("L'adresse e-mail ou le mot de passe est incorrect.");
    await keep(page, testInfo, 'fr-sign-in-refused');
    await noSeriousAxeViolations(page);

    await page.getByLabel('Langue').selectOption('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Licence console');
    await expect(page.getByRole('alert')).toContainText('The email address or the password is wrong.');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page).toHaveTitle('Licence console');
  });
});

test('switched to German, the console keeps what it found and what is typed; an admin sets the contact\'s mail language', async ({ page }, testInfo) => {
  new Computer(vendor).run('get-it-now', '--server', vendor.url);
  await signIn(page, testInfo, 'admin');
  await find(page, vendor.serial);
  await expect(page.locator('section.license h2')).toHaveText(`SpecView licence ${vendor.serial}`);
  await page.locator('#find').fill('it@example');

  await page.locator('.console-bar').getByLabel('Language').selectOption('de');
  await expect(page.locator('section.license h2')).toHaveText(`SpecView-Lizenz ${vendor.serial}`);
  await expect(page.locator('#find')).toHaveValue('it@example');
  await expect(page.locator('#find-status')).toHaveText('Eine E-Mail-Adresse: Klicken Sie auf Suchen, um die Lizenzen dieses Kontakts aufzulisten.');
  await expect(page.locator('#tools-heading')).toHaveText('Administration');
  await expect(page).toHaveTitle('Lizenzkonsole');

  const mailLanguage = page.locator('#mail-language');
  await mailLanguage.selectOption('fr');
  await page.getByRole('button', { name: 'Sprache speichern' }).click();
  await expect(page.locator('.notice')).toHaveText('E-Mails an it@example.com sind jetzt auf Französisch.');
  await keep(page, testInfo, 'switched-to-de');
  await noSeriousAxeViolations(page);
  // Back as the other tests expect it.
  await page.locator('#mail-language').selectOption('en');
  await page.getByRole('button', { name: 'Sprache speichern' }).click();
  await expect(page.locator('.notice')).toHaveText('E-Mails an it@example.com sind jetzt auf Englisch.');
});

test('an admin corrects a mistyped contact address: the licence shows it, the audit log keeps both', async ({ page }, testInfo) => {
  const serial = JSON.parse(vendor.cli('license', 'create', '--product', 'SpecView', '--email', 'it@exmaple.com', 'remote_users=1')).serial;
  await signIn(page, testInfo, 'admin');
  await find(page, serial);
  const contact = page.locator('#contact-email');
  await expect(contact).toHaveValue('it@exmaple.com');
  await contact.fill('it@example.com');
  await page.getByRole('button', { name: 'Save address' }).click();
  await expect(page.locator('.notice')).toHaveText('Mail for this licence now goes to it@example.com.');
  await expect(page.locator('dl.facts')).toContainText('it@example.com');
  await expect(page.locator('#contact-email')).toHaveValue('it@example.com');
  await expect(page.locator('section.license')).toContainText('license.contact_email');
  await keep(page, testInfo, 'contact-corrected');
  await noSeriousAxeViolations(page);
});

test('an admin adds a webhook: events arrive signed, the deliveries show, one is sent again; the secret rotates', async ({ page }, testInfo) => {
  const receiver = new WebhookReceiver();
  await receiver.start();
  try {
    await signIn(page, testInfo, 'admin');
    await page.locator('#webhooks summary').click();
    await page.locator('#webhook-url').fill(receiver.url);
    await page.getByRole('checkbox', { name: 'license.created' }).check();
    await page.getByRole('checkbox', { name: 'upgrade.queued' }).check();
    await page.locator('#webhook-description').fill(`CRM (${testInfo.project.name})`);
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = page.locator('#webhook-secret');
    await expect(secret).toHaveText(/^whsec_/);
    receiver.trust(await secret.textContent());
    await keep(page, testInfo, 'webhook-added');

    const serial = JSON.parse(vendor.cli('license', 'create', '--product', 'SpecView', '--email', 'crm@customer.example', '--no-notify', 'remote_users=1')).serial;
    await expect.poll(() => receiver.received().filter((r) => r.body.data.serial === serial).length, { timeout: 20000 }).toBe(1);
    const first = receiver.received().find((r) => r.body.data.serial === serial);
    expect(first.body.type).toBe('license.created');

    const card = page.locator('li.card', { hasText: receiver.url });
    await card.getByRole('button', { name: 'Deliveries' }).click();
    const delivery = page.locator('ul.deliveries li.card').first();
    await expect(delivery).toContainText('license.created');
    await expect(delivery).toContainText('delivered');
    await keep(page, testInfo, 'webhook-deliveries');
    await delivery.getByRole('button', { name: 'Send again' }).click();
    await expect(page.getByText(/is sent again now/)).toBeVisible();
    await expect.poll(() => receiver.received().filter((r) => r.id === first.id).length, { timeout: 20000 }).toBe(2);

    // A new secret signs what follows.
    const before = await secret.textContent();
    await card.getByRole('button', { name: 'New secret' }).click();
    await expect(page.getByText(/has a new secret/)).toBeVisible();
    await expect(secret).not.toHaveText(before);
    const rotated = await secret.textContent();
    receiver.trust(rotated);
    vendor.cli('upgrade', 'queue', '--serial', serial, 'remote_users=2');
    await expect.poll(() => receiver.received().filter((r) => r.body.type === 'upgrade.queued' && r.body.data.serial === serial).length, { timeout: 20000 }).toBe(1);
    expect(receiver.unverified()).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await noSeriousAxeViolations(page);

    page.once('dialog', (dialog) => dialog.accept());
    await card.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText(/is removed/)).toBeVisible();
  } finally {
    receiver.stop();
  }
});

test('the mail panel shows what mail-in dropped and why; Remind now mails the contact', async ({ page }, testInfo) => {
  const serial = JSON.parse(vendor.cli('license', 'create', '--product', 'SpecView', '--email', 'remind@customer.example', '--no-notify', 'remote_users=1')).serial;
  vendor.cli('upgrade', 'queue', '--serial', serial, 'remote_users=4');
  await signIn(page, testInfo, 'admin');
  await find(page, serial);
  await page.getByRole('button', { name: 'Remind now', exact: true }).click();
  await expect(page.locator('.notice')).toHaveText('A reminder is on its way to remind@customer.example.');
  await expect.poll(() => vendor.sink.messages().some((m) => m.includes(serial) && /reminder|still waiting/i.test(m)), { timeout: 20000 }).toBe(true);
  await keep(page, testInfo, 'reminded');

  // An automatic reply that names the serial: dropped, and the console says why.
  const message = `From: Auto Reply <auto@customer.example>\r\nTo: licensing@vendor.example\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <ooo-${testInfo.project.name}@customer.example>\r\n\r\nI am away. ${serial}\r\n`;
  vendor.mailIn(message);
  await page.locator('#mail summary').click();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.locator('#mail-dropped')).toContainText('auto@customer.example');
  await keep(page, testInfo, 'mail-dropped');
  await noSeriousAxeViolations(page);
});

/** Where the page or a table would have to scroll sideways to show an action: the offenders. */
async function hiddenActions(page) {
  return page.evaluate(() => {
    const problems = [];
    if (document.documentElement.scrollWidth > window.innerWidth) {
      const wide = [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1
        && !e.closest('.scroll') && ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1));
      const names = wide.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}#${e.id}`).join(', ');
      problems.push(`the page scrolls sideways by ${document.documentElement.scrollWidth - window.innerWidth} px (${names})`);
    }
    for (const button of document.querySelectorAll('main button, main select')) {
      const box = button.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // in a closed panel
      const scroller = button.closest('.scroll');
      const frame = scroller ? scroller.getBoundingClientRect() : { left: 0, right: window.innerWidth };
      if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.right > window.innerWidth + 1) {
        problems.push(`${button.tagName.toLowerCase()} "${button.textContent.trim().slice(0, 30)}" is out of view`);
      }
    }
    return problems;
  });
}

test('Find takes a code quoted in a mail, says when an address has no licences, clears the old result; loading the console logs no error', async ({ page }, testInfo) => {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${vendor.url}/console/`);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await signIn(page, testInfo, 'support');
  // Signed in, a reload asks who is signed in and gets it: still no error.
  await page.reload();
  await expect(page.locator('#find')).toBeVisible();

  // The customer's reply, as it came: words around the code.
  const code = new Computer(vendor).createCode();
  await find(page, `> Hello, here is our code: ${code}\n> Best regards, Anna (it@example.com)`);
  await expect(page.locator('#find-status')).toHaveText(`Found a request code in the text: ${code}. Press Find to look it up.`);
  await expect(page.locator('section.summary h2')).toHaveText(/^Request code from installation/);
  await expect(page.locator('section.license h2')).toHaveText(`SpecView licence ${vendor.serial}`);

  // An address is shown as typed (not upper case); one with no licences says so, and the old licence is gone.
  await page.locator('#find').fill('Nobody@Customer.example');
  expect(await page.locator('#find').evaluate((e) => getComputedStyle(e).textTransform)).toBe('none');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(page.locator('#no-licences')).toHaveText(/^No licence has Nobody@Customer.example as its contact\./);
  await expect(page.locator('section.license')).toHaveCount(0);
  await keep(page, testInfo, 'no-licences');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the dashboard: issuances and installations as charts with their numbers, upgrades waiting with Remind now, licences near their limit; in German too', async ({ page }, testInfo) => {
  const serial = JSON.parse(vendor.cli('license', 'create', '--product', 'SpecView', '--email', 'full@customer.example',
    '--no-notify', '--max-installations', '2', 'remote_users=1')).serial;
  for (let i = 0; i < 2; i++) new Computer(vendor, serial).run('get-it-now', '--server', vendor.url);
  vendor.cli('upgrade', 'queue', '--serial', serial, 'remote_users=2');
  await signIn(page, testInfo, 'admin');

  const issued = page.locator('#chart-issuances');
  await expect(issued.locator('figcaption')).toHaveText('Responses issued per day, by channel');
  await expect(issued.locator('svg[role="img"]')).toHaveAttribute('aria-label', /Last 30 days: portal: \d+, online: \d+, mail: \d+, console: \d+/);
  // Every series has a pattern of its own (readable without colour) and its total in the legend.
  const fills = await issued.locator('ul.legend rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
  expect(new Set(fills).size).toBe(4);
  const online = Number(await issued.locator('ul.legend li', { hasText: 'online' }).locator('strong').innerText());
  expect(online).toBeGreaterThanOrEqual(2);
  expect(await issued.locator('svg rect.bar').count()).toBeGreaterThan(0);
  // The numbers, as a table: today's row (the last) holds the online answers.
  await issued.locator('summary', { hasText: 'The numbers as a table' }).click();
  const today = issued.locator('tbody tr').last();
  expect(await issued.locator('tbody tr').count()).toBe(30);
  expect(Number(await today.locator('td').nth(1).innerText())).toBe(online);
  const installed = page.locator('#chart-installations');
  await expect(installed.locator('ul.legend li', { hasText: 'bound' })).toBeVisible();

  const waitingRow = page.locator('#waiting-upgrades tr', { hasText: serial });
  await expect(waitingRow).toContainText('full@customer.example');
  await expect(waitingRow).toContainText('Update 2 (installations hold 1)');
  await expect(page.locator('#near-limit tr', { hasText: serial })).toContainText('2 of 2');
  await noSeriousAxeViolations(page);
  await keep(page, testInfo, 'dashboard');

  await waitingRow.getByRole('button', { name: `Remind now: the contact of ${serial}` }).click();
  await expect(page.locator('.notice')).toHaveText('A reminder is on its way to full@customer.example.');
  await expect.poll(() => vendor.sink.messages().some((m) => m.includes(serial) && /reminder|still waiting/i.test(m)), { timeout: 20000 }).toBe(true);

  // A year is drawn by week; the period is kept when the language changes.
  await page.getByLabel('Last 365 days').check();
  await expect(issued.locator('figcaption')).toHaveText('Responses issued per week, by channel');
  await page.locator('.console-bar').getByLabel('Language').selectOption('de');
  await expect(issued.locator('figcaption')).toHaveText('Ausgestellte Antworten pro Woche, nach Kanal');
  await expect(page.locator('#dashboard-heading')).toHaveText('Übersicht');
  await expect(page.locator('#near-limit tr', { hasText: serial })).toContainText('2 von 2');
  await noSeriousAxeViolations(page);
  await keep(page, testInfo, 'dashboard-de');
  await page.locator('.console-bar').getByLabel('Sprache').selectOption('en');

  // A serial number in a list opens the licence in Find.
  await page.locator('#near-limit').getByRole('button', { name: serial }).click();
  await expect(page.locator('section.license h2')).toHaveText(`SpecView licence ${serial}`);
});

test('a reseller sells a licence, serves it, and sees nothing of another reseller\'s', async ({ page }, testInfo) => {
  // Another reseller's licence, with an upgrade waiting.
  const other = vendor.staff(`beta-${testInfo.project.name}-${Date.now()}@reseller.example`, 'reseller');
  const theirs = JSON.parse(vendor.cli('license', 'create', '--product', 'SpecView', '--email', 'hidden@beta-customer.example',
    '--reseller', other.email, 'remote_users=1')).serial;
  vendor.cli('upgrade', 'queue', '--serial', theirs, 'remote_users=2');

  const email = await signIn(page, testInfo, 'reseller');
  // The vendor's own tools are not a reseller's.
  for (const panel of ['Staff', 'Webhooks', 'Mail']) {
    await expect(page.locator('summary', { hasText: new RegExp(`^${panel}$`) })).toHaveCount(0);
  }
  await page.locator('summary', { hasText: 'Create a licence' }).click();
  await expect(page.locator('#new-product option')).toHaveText(['SpecView (7)']);
  await page.locator('#new-email').fill('it@alpha-customer.example');
  await page.locator('#new-remote_users').fill('2');
  await page.getByRole('button', { name: 'Create licence' }).click();
  await expect(page.locator('.notice')).toContainText('is created');
  await expect(page.locator('#licence-reseller')).toHaveText(email);
  const ours = (await page.locator('section.license h2').innerText()).split(' ').pop();
  await expect(page.locator('#reseller')).toHaveCount(0); // moving licences is an admin's
  await page.locator('summary', { hasText: 'Queue an upgrade' }).click();
  await page.locator('#upgrade-remote_users').fill('5');
  await page.getByLabel(/^Note/).fill('order A-17');
  await page.getByRole('button', { name: 'Queue upgrade' }).click();
  await expect(page.locator('.notice')).toHaveText(/^Update 2 is queued/);
  await noSeriousAxeViolations(page);
  await keep(page, testInfo, 'reseller-own-licence');

  // The dashboard counts its own; another reseller's licence is not found, as if it were never sold.
  await page.reload();
  await expect(page.locator('#waiting-upgrades')).toContainText(ours);
  await expect(page.locator('#waiting-upgrades')).not.toContainText(theirs);
  await find(page, theirs);
  await expect(page.locator('.found [role="alert"]')).toContainText(`Licence ${theirs} was not found.`);
  await expect(page.locator('section.license')).toHaveCount(0);
  await find(page, 'hidden@beta-customer.example');
  await expect(page.locator('#no-licences')).toBeVisible();
  await noSeriousAxeViolations(page);
  await keep(page, testInfo, 'reseller-other-not-found');
});

for (const [name, viewport] of [['360 px phone', { width: 360, height: 780 }], ['1366 px desktop', { width: 1366, height: 768 }]]) {
  test(`every console view at ${name}: nothing scrolls sideways, every action in view`, async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'sizes set here');
    await page.setViewportSize(viewport);
    const tag = viewport.width;
    await page.goto(`${vendor.url}/console/`);
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(await hiddenActions(page)).toEqual([]);
    await keep(page, testInfo, `sweep-${tag}-sign-in`);

    // A licence with a long contact address, installations and responses.
    const serial = JSON.parse(vendor.cli('license', 'create', '--product', 'SpecView', '--email',
      'technical.contact.of.the.customer.department@a-rather-long-customer-domain.example', '--max-installations', '3', 'remote_users=1')).serial;
    for (let i = 0; i < 2; i++) new Computer(vendor, serial).run('get-it-now', '--server', vendor.url);
    vendor.cli('upgrade', 'queue', '--serial', serial, 'remote_users=2');
    await signIn(page, testInfo, 'admin');
    await find(page, serial);
    await expect(page.locator('section.license')).toBeVisible();
    for (const panel of ['Create a licence', 'Staff', 'Webhooks', 'Mail']) {
      await page.locator('summary', { hasText: panel }).first().click();
    }
    await expect(page.locator('#mail-dropped')).toBeVisible();
    expect(await hiddenActions(page)).toEqual([]);
    await keep(page, testInfo, `sweep-${tag}-licence-and-tools`);

    // Find with a request code, and the answer.
    await find(page, new Computer(vendor, serial).createCode());
    await expect(page.getByRole('button', { name: /Answer/ }).first()).toBeVisible();
    expect(await hiddenActions(page)).toEqual([]);
    await keep(page, testInfo, `sweep-${tag}-request-found`);
  });
}
