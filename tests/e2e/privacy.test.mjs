// The resident's rights in Chromium, as the team leader does it: from the household to the rights page
// of a member, download his file (a PDF with his name and data in its text), then erase another member
// on his request. Every page is checked with axe, on a desktop and on a phone (no sideways scrolling).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startServer, apiAs, cli } from '../http/lib.mjs';
import { launch, newPage, login, axeViolations, screenshot, PHONE, DESKTOP } from './lib.mjs';

let srv, browser;
before(async () => { srv = await startServer({ residents: 150 }); browser = await launch(); });
after(async () => { await browser.close(); await srv.stop(); });

async function accessible(page, what) {
  assert.deepEqual(await axeViolations(page), [], `accessibility of ${what}`);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(wide, false, `${what} scrolls sideways`);
}

async function household(family) {
  const api = await apiAs(srv.base, 'worker');
  const r = await api.post('/api/v1/households', {
    name: `Huishouden ${family}`,
    address: { postcode: '8925 AB', house_number: String(200 + Math.floor(Math.random() * 700)), street: 'Heechterp', town: 'Leeuwarden' },
    members: [{ given_name: 'Fenna', family_name: family, birth_date: '1979-08-21', phone: '06-12345678' },
      { given_name: 'Jelle', family_name: family, birth_date: '2009-02-03' }],
  });
  assert.equal(r.status, 201, r.text);
  const c = await api.post('/api/v1/cases', { household_id: r.json.id, reason: 'Eenzaamheid en schulden' });
  assert.equal(c.status, 201, c.text);
  return r.json.id;
}

for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`the team leader downloads a resident's file and erases on request (${size})`, async () => {
    const family = size === 'phone' ? 'Wiersma' : 'Dijkstra';
    const hh = await household(family);
    const page = await newPage(browser, viewport);
    await login(page, srv.base, 'teamleader');
    // Need-to-know: the household has a case, so the team leader first adds himself to it, with the reason.
    await page.goto(`${srv.base}/households/${hh}`);
    assert.match(await page.locator('main').textContent(), /bekend bij het team/);
    const select = page.getByLabel('Teamlid', { exact: true });
    const me = await select.locator('option', { hasText: 'Marieke Hoekstra' }).getAttribute('value');
    await select.selectOption(me);
    await page.getByLabel('Waarom moet dit teamlid de casus zien?').fill('Verzoek van de bewoner om inzage en wissen (AVG)');
    await page.getByRole('button', { name: 'Toevoegen aan de casus' }).click();
    await page.goto(`${srv.base}/households/${hh}`);
    await page.getByRole('link', { name: `Inzage en wissen Fenna ${family}` }).click();
    await page.waitForURL(/\/persons\/\d+\/rights$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), `Rechten van Fenna ${family}`);
    // The case is open: erasure waits, and says why.
    assert.match(await page.locator('main').textContent(), /casus is open/);
    await accessible(page, 'the rights page');
    await screenshot(page, size === 'phone' ? 'rights-phone' : 'rights');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Overzicht voor de bewoner downloaden (PDF)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^inzage-\d+\.pdf$/);
    const pdf = readFileSync(await download.path());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
    assert.match(text, new RegExp(`Fenna ${family}`));
    assert.match(text, /21 augustus 1979/);
    assert.match(text, /Eenzaamheid en schulden/);
    assert.match(text, /Pagina 1 van \d+/);

    // Jelle has no data of his own beyond his name; the case holds the household's. Close it, and let the
    // municipality's rule say the dossier has no legal period, so erasure may happen now.
    const api = await apiAs(srv.base, 'teamleader');
    const h = (await api.get(`/api/v1/households/${hh}`)).json;
    const jelle = h.members.find((m) => m.given_name === 'Jelle').id;
    const closed = await api.post(`/api/v1/cases/${h.open_case_id}/close`, { close_reason: 'goals_achieved', confirm: true });
    assert.equal(closed.status, 200, closed.text);
    for (const k of ['household', 'contact', 'plan', 'intake', 'assessment', 'case']) {
      cli(['retention', 'set', k, '--years', '5', '--legal', 'no', '--db', srv.db]);
    }
    await page.goto(`${srv.base}/persons/${jelle}/rights`);
    await page.getByLabel('Reden').selectOption('request');
    await page.getByLabel('De bewoner vraagt dit en weet dat wissen niet ongedaan kan worden gemaakt').check();
    await accessible(page, 'the erasure form');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: `Alle gegevens van Jelle ${family} wissen` }).click()]);
    assert.match(page.url(), new RegExp(`/households/${hh}\\?melding=erased$`));
    assert.match(await page.locator('main').textContent(), /zijn gewist/);
    assert.doesNotMatch(await page.locator('main').textContent(), new RegExp(`Jelle ${family}`));
    await accessible(page, 'the household after erasure');
    for (const k of ['household', 'contact', 'plan', 'intake', 'assessment', 'case']) {
      cli(['retention', 'set', k, '--years', '5', '--legal', 'yes', '--db', srv.db]);
    }
    assert.deepEqual(page.jsErrors, []);
    await page.context().close();
  });
}
