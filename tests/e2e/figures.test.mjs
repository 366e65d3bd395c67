// The policy officer's figures in a real browser: from the menu to the page, a neighbourhood chosen, small counts
// shown as "<5", no link to a resident; checked with axe on a desktop and on a phone (no sideways scrolling).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../http/lib.mjs';
import { launch, newPage, login, axeViolations, screenshot, PHONE } from './lib.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser.close(); await srv.stop(); });

test('the policy officer opens the figures from the menu and narrows them to a neighbourhood', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, 'policy');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cijfers' }).click();
  await page.waitForURL(/\/figures$/);
  assert.equal(await page.locator('h1').innerText(), 'Cijfers');
  assert.deepEqual(await axeViolations(page), [], 'figures page');
  const cases = page.getByRole('table', { name: 'Casussen', exact: true });
  assert.match(await cases.innerText(), /Totaal/);
  assert.ok((await page.locator('td', { hasText: /^<5$/ }).count()) > 0, 'small counts read <5');
  assert.equal(await page.locator('main a[href^="/households/"], main a[href^="/cases/"]').count(), 0);
  await screenshot(page, 'figures');

  const select = page.getByRole('combobox', { name: 'Buurt' });
  const options = await select.locator('option').allInnerTexts();
  assert.ok(options.length >= 2);
  await select.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Toon' }).click();
  await page.waitForURL(/neighbourhood=/);
  assert.match(await page.locator('main').innerText(), new RegExp(`Cijfers van .*${options[1]}`));
  assert.equal(await page.getByRole('table', { name: 'Open casussen per buurt', exact: true }).locator('tbody tr').count(), 2,
    'the neighbourhood and the total');
  assert.deepEqual(await axeViolations(page), [], 'figures of a neighbourhood');
  assert.deepEqual(page.jsErrors, []);
});

test('the figures on a phone, without sideways scrolling', async () => {
  const page = await newPage(browser, PHONE);
  await login(page, srv.base, 'teamleader');
  await page.goto(`${srv.base}/figures`);
  assert.equal(await page.locator('h1').innerText(), 'Cijfers');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `no sideways scrolling (${width})`);
  assert.deepEqual(await axeViolations(page), [], 'figures on a phone');
  await screenshot(page, 'figures-phone');
});
