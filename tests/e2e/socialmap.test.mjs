// The social map in a real browser, as a worker uses it: from a household's page to the map,
// debt help within 2 km of the household and free of charge, sorted by distance and relevance;
// the service page with organisation, address, opening hours, contact and how to refer; a new
// opening hour for the service through the maintenance form, with its field error first; the list
// of entries to check; a referral to the service from the household's case, counted on the service page
// (and its acceptance). Every page passes axe-core and fits a phone; screenshots on desktop and phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, apiAs } from '../http/lib.mjs';
import { launch, newPage, login, axeViolations, screenshot, PHONE } from './lib.mjs';

let srv, browser, api, household, caseId, actionId;

before(async () => {
  srv = await startServer({ residents: 200 });
  browser = await launch();
  api = await apiAs(srv.base, 'worker');
  const r = await api.post('/api/v1/households', {
    name: '',
    address: { postcode: '8923 AX', house_number: 9, street: 'Heechterpplein', town: 'Leeuwarden' },
    members: [{ given_name: 'Baukje', family_name: 'Visser', birth_date: '1981-06-14' }],
  });
  assert.equal(r.status, 201, r.text);
  household = r.json.id;
  const c = await api.post('/api/v1/cases', { household_id: household, reason: 'Schulden' });
  assert.equal(c.status, 201, c.text);
  caseId = c.json.id;
  const g = await api.post(`/api/v1/cases/${caseId}/goals`, { domain: 'money', body: 'Grip op geld' });
  assert.equal(g.status, 201, g.text);
  const a = await api.post(`/api/v1/goals/${g.json.id}/actions`, { body: 'Hulp bij schulden zoeken', layer: 'second_line', performer: 'Schuldhulp' });
  assert.equal(a.status, 201, a.text);
  actionId = a.json.id;
});
after(async () => { await browser.close(); await srv.stop(); });

async function checked(page, what) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${what}`);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 0, `${what}: no sideways scrolling (${wide}px too wide)`);
  assert.deepEqual(page.jsErrors, []);
}

async function findDebtHelp(page, shot) {
  await page.goto(`${srv.base}/households/${household}`);
  await page.getByRole('link', { name: /sociale kaart vanaf dit adres/ }).click();
  await page.waitForURL(`**/socialmap?household=${household}`);
  await checked(page, 'the map from a household');
  await page.getByLabel('Zoek op naam, doel of trefwoord').fill('schuldhulp');
  await page.getByLabel('Binnen').selectOption('2');
  await page.getByLabel('Alleen gratis').check();
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.waitForURL(/q=schuldhulp/);
  await checked(page, 'results near the household');
  const text = await page.locator('main').innerText();
  assert.match(text, /Afstand vanaf het adres van\s+Huishouden Visser/);
  const distances = [...text.matchAll(/· (\d+(?:,\d+)?) (m|km) ·/g)].map(([, v, u]) => Number(v.replace(',', '.')) * (u === 'km' ? 1000 : 1));
  assert.ok(distances.length >= 2, 'the hits show their distance');
  assert.ok(distances.every((d) => d <= 2000), `all within 2 km: ${distances}`);
  assert.ok(!/Laagdrempelig sporten/.test(text), 'a sports club is no debt help');
  await screenshot(page, shot);
  const first = page.locator('.wt-results h3 a, .wt-results h2 a').first();
  const name = (await first.innerText()).trim();
  assert.match(name, /Schuld/i, 'the best hit is debt help');
  return { first, name };
}

// The service page's referral figures: "Het team heeft hier nog niet naar verwezen." or
// "N verwijzing(en) ontvangen, waarvan M geaccepteerd."
async function referralCounts(page) {
  const text = (await page.locator('#verwijzingen').innerText()).trim();
  if (/^Het team heeft hier nog niet naar verwezen\.$/.test(text)) return { received: 0, accepted: 0 };
  const m = text.match(/^(\d+) verwijzing(?:en)? ontvangen, waarvan (\d+) geaccepteerd\.$/);
  assert.ok(m, `referral figures: ${JSON.stringify(text)}`);
  return { received: Number(m[1]), accepted: Number(m[2]) };
}

test('a worker finds free debt help within 2 km of a household, opens it and refers to it from the case', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, 'worker');
  // The map is in the main menu.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Sociale kaart' }).click();
  await page.waitForURL('**/socialmap');
  await checked(page, 'the map');

  const { first, name } = await findDebtHelp(page, 'socialmap-search-desktop');
  await first.click();
  await page.waitForURL('**/socialmap/services/*');
  await checked(page, 'a service');
  assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), name);
  for (const heading of ['Hoe verwijst u door', 'Verwijzingen van het team', 'Locaties en openingstijden', 'Contact'])
    await page.getByRole('heading', { name: heading }).waitFor();
  const before = await referralCounts(page); // the demo has referred to some services already
  await screenshot(page, 'socialmap-service-desktop');

  // Maintenance: an opening hour for the service; a closing time before the opening is refused first.
  await page.getByRole('link', { name: 'Openingstijden toevoegen' }).click();
  await page.waitForURL('**/socialmap/schedules/new?service=*');
  await checked(page, 'the schedule form');
  await page.getByLabel('Maandag').check();
  await page.getByLabel('Open vanaf').fill('13:00');
  await page.getByLabel('Open tot').fill('09:00');
  await page.getByRole('button', { name: /opslaan/i }).click();
  await page.getByRole('alert').first().waitFor();
  await checked(page, 'the schedule form with an error');
  await page.getByLabel('Open tot').fill('16:30');
  await page.getByRole('button', { name: /opslaan/i }).click();
  await page.waitForURL('**/socialmap/services/*');
  assert.match(await page.locator('main').innerText(), /maandag 13:00-16:30/i);

  // Refer to it from the household's case: the service page counts the referral, and its acceptance.
  const serviceUrl = page.url();
  await page.goto(`${srv.base}/cases/${caseId}`);
  await page.locator(`a[href="/actions/${actionId}/referrals/new"]`).click();
  await page.waitForURL(`**/actions/${actionId}/referrals/new`);
  await page.getByLabel('Zoek een dienst in de sociale kaart').fill(name);
  await page.getByRole('button', { name: 'Zoek', exact: true }).click();
  await page.waitForURL(/referrals\/new\?q=/);
  const option = page.getByLabel('Dienst (organisatie - dienst)').locator('option', { hasText: name }).first();
  await page.getByLabel('Dienst (organisatie - dienst)').selectOption(await option.getAttribute('value'));
  await page.getByLabel('Reden').fill('Schulden lopen op; hulp bij een betalingsregeling.');
  await page.getByLabel('Of: wettelijke grondslag zonder toestemming').selectOption('legal_task');
  await page.getByLabel('Toelichting op de grondslag').fill('Wmo-ondersteuning bij schulden.');
  await page.getByRole('button', { name: 'Verwijzing vastleggen' }).click();
  await page.waitForURL(`**/cases/${caseId}?melding=referral*`);
  const list = await api.get(`/api/v1/cases/${caseId}/referrals`);
  assert.equal(list.status, 200, list.text);
  const referral = (list.json.items || list.json)[0].id;
  await page.goto(serviceUrl);
  assert.deepEqual(await referralCounts(page), { received: before.received + 1, accepted: before.accepted });
  const step = await api.post(`/api/v1/referrals/${referral}/status`, { status: 'accepted', note: 'Intake gepland.' });
  assert.equal(step.status, 200, step.text);
  await page.reload();
  assert.deepEqual(await referralCounts(page), { received: before.received + 1, accepted: before.accepted + 1 });
  assert.ok(!(await page.locator('main').innerText()).includes('Visser'), 'no person on the service page');
  await checked(page, 'a service with its referrals');

  // The list of entries not checked for a year.
  await page.goto(`${srv.base}/socialmap/check`);
  await checked(page, 'the check list');
  await page.close();
});

test('on a phone: search near the household and the service page fit the screen', async () => {
  const page = await newPage(browser, PHONE);
  await login(page, srv.base, 'worker');
  const { first } = await findDebtHelp(page, 'socialmap-search-phone');
  await first.click();
  await page.waitForURL('**/socialmap/services/*');
  await checked(page, 'a service on a phone');
  await screenshot(page, 'socialmap-service-phone');
  await page.close();
});
