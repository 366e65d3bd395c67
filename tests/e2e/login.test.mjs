// The login page in a real browser: accessible, works on a phone, errors shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../http/lib.mjs';
import { launch, newPage, login, axeViolations, screenshot, PHONE } from './lib.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser.close(); await srv.stop(); });

test('login page has no accessibility violations and shows a wrong password clearly', async () => {
  const page = await newPage(browser, PHONE);
  await page.goto(`${srv.base}/login`);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel('Gebruikersnaam').fill('sanne');
  await page.getByLabel('Wachtwoord').fill('not-the-password');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await assert.doesNotReject(page.getByRole('alert').filter({ hasText: 'klopt niet' }).waitFor());
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'login-phone');
  assert.deepEqual(page.jsErrors, []);
});

test('a worker logs in and out', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, 'worker');
  assert.match(await page.locator('h1').innerText(), /Welkom|Werkvoorraad|Start/);
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForURL(/\/login/);
  assert.match(await page.getByRole('status').innerText(), /uitgelogd/);
});
