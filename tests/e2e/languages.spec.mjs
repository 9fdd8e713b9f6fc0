// The customer's page and the decode page in French and German: chosen from
// the browser's languages, switchable on the page, remembered, with no
// English flash before the page runs in the language.
import { test, expect } from '@playwright/test';
import { Vendor, Computer, keep, seriousAxeViolations, unsoldSerial, withTypoInGroup5 } from './support.mjs';

let vendor;
test.beforeAll(async () => {
  vendor = new Vendor();
  await vendor.start({ mail: true });
});
test.afterAll(async () => vendor?.stop());

const LANGUAGES = {
  'fr-FR': {
    lang: 'fr',
    title: 'Mise à niveau de licence\u00a0: saisissez votre code de demande',
    heading: 'Obtenez votre mise à niveau de licence',
    label: 'Code de demande',
    submit: 'Soumettre le code',
    typo: /^Groupe 5 contient une faute de frappe\./,
    valid: 'Le code est complet et correct. Vous pouvez le soumettre.',
    responseHeading: 'Votre code de réponse',
    verified: "Signé par l'éditeur (clé 1) et vérifié sur cet appareil.",
    unknownSerial: 'Numéro de série inconnu',
    unknownSerialNext: "e-mail de confirmation de votre achat",
    decodeHeading: 'Décoder un code',
    serial: 'Numéro de série',
  },
  'de-DE': {
    lang: 'de',
    title: 'Lizenz-Upgrade: Anforderungscode eingeben',
    heading: 'Ihr Lizenz-Upgrade abholen',
    label: 'Anforderungscode',
    submit: 'Code senden',
    typo: /^Gruppe 5 enthält einen Tippfehler\./,
    valid: 'Der Code ist vollständig und korrekt. Sie können ihn senden.',
    responseHeading: 'Ihr Antwortcode',
    verified: 'Vom Hersteller signiert (Schlüssel 1) und auf diesem Gerät geprüft.',
    unknownSerial: 'Unbekannte Seriennummer',
    unknownSerialNext: 'Bestätigungs-E-Mail Ihres Kaufs',
    decodeHeading: 'Einen Code dekodieren',
    serial: 'Seriennummer',
  },
};

for (const [locale, words] of Object.entries(LANGUAGES)) {
  test.describe(`a phone in ${locale}`, () => {
    test.use({ locale });

    test('the SpecView story in the browser\'s language: a typo named, the response verified and applied', async ({ page }, testInfo) => {
      const computer = new Computer(vendor);
      const code = computer.createCode();
      await page.goto(`${vendor.url}/code.html`);
      await expect(page.locator('html')).toHaveAttribute('lang', words.lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.heading);
      await expect(page).toHaveTitle(words.title);
      const field = page.getByLabel(words.label, { exact: true });
      await field.fill(withTypoInGroup5(code));
      await expect(page.locator('#request-code-status')).toHaveText(words.typo);
      await expect(page.locator('.group.wrong')).toHaveAttribute('data-group', '5');
      await keep(page, testInfo, `${words.lang}-typo`);

      await field.fill(code);
      await expect(page.locator('#request-code-status')).toHaveText(words.valid);
      await page.getByRole('button', { name: words.submit }).click();
      await expect(page.getByRole('heading', { name: words.responseHeading })).toBeVisible();
      await expect(page.getByText(words.verified)).toBeVisible();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await keep(page, testInfo, `${words.lang}-response`);
      const responseCode = (await page.locator('#response-code').innerText()).trim().split(/\s+/).join('-');
      expect(computer.run('enter-code', responseCode)).toContain('remote_users: 0 -> 3');
    });

    test('a refusal from the server is explained in the language', async ({ page }, testInfo) => {
      const code = new Computer(vendor, unsoldSerial()).createCode();
      await page.goto(`${vendor.url}/code.html#${code}`);
      await expect(page.locator('#request-code-status')).toHaveText(words.valid);
      await page.getByRole('button', { name: words.submit }).click();
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(words.unknownSerial);
      await expect(alert).toContainText(words.unknownSerialNext);
      await keep(page, testInfo, `${words.lang}-unknown-serial`);
    });

    test('no English first view flashes while the page starts in the language', async ({ page }) => {
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
      await page.goto(`${vendor.url}/code.html`);
      // The first view is painted but hidden until it shows the language.
      await expect(page.locator('main')).toBeHidden();
      release();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.heading);
      await expect(page.locator('main')).toBeVisible();
    });

    test('the decode page speaks the language too', async ({ page }, testInfo) => {
      await page.goto(`${vendor.url}/decode/`);
      await expect(page.locator('html')).toHaveAttribute('lang', words.lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.decodeHeading);
      await page.locator('#code').fill(vendor.serial);
      await expect(page.locator('tr[data-field=serial] th')).toHaveText(words.serial);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await keep(page, testInfo, `${words.lang}-decode`);
    });
  });
}

test.describe('an English browser', () => {
  test.use({ locale: 'en-GB' });

  test('the language switch changes the page at once, keeps what was typed, and is remembered', async ({ page }, testInfo) => {
    const code = new Computer(vendor).createCode();
    await page.goto(`${vendor.url}/code.html`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const field = page.getByLabel('Request code', { exact: true });
    await field.fill(withTypoInGroup5(code));
    await expect(page.locator('#request-code-status')).toContainText('Group 5 has a typo');

    await page.getByLabel('Language').selectOption('fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(LANGUAGES['fr-FR'].heading);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page).toHaveTitle(LANGUAGES['fr-FR'].title);
    await expect(page.locator('#request-code-status')).toHaveText(LANGUAGES['fr-FR'].typo);
    await expect(page.getByLabel(LANGUAGES['fr-FR'].label, { exact: true })).toHaveValue(withTypoInGroup5(code));
    await keep(page, testInfo, 'switched-to-fr');

    // Remembered on the next visit, whatever the browser says.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(LANGUAGES['fr-FR'].heading);
    await page.getByLabel('Langue').selectOption('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get your licence upgrade');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get your licence upgrade');
  });

  test('a language chosen before the page runs is not lost', async ({ page }) => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(`${vendor.url}/code.html`);
    await page.getByLabel('Language').selectOption('de');
    release();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(LANGUAGES['de-DE'].heading);
    await expect(page.getByLabel('Sprache')).toHaveValue('de');
  });

  test('a date is written as the language writes it', async ({ page }) => {
    const computer = new Computer(vendor);
    const code = computer.createCode();
    // Issued once, so that the page's answer is a repeat, with its date.
    await fetch(`${vendor.url}/api/v1/activations`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ request_code: code }),
    });
    await page.goto(`${vendor.url}/code.html#${code}`);
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('button', { name: 'Code senden' }).click();
    await expect(page.locator('#already-issued')).toHaveText(/^Bereits am \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4} ausgestellt/);
  });
});
