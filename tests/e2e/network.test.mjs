// The neighbourhood network in a real browser, as a worker uses it: record a relation
// and an offer, record a need, get proposals with their reasons, record that the
// neighbour was asked and said yes; the eco-map, the neighbourhood figures and what is
// recorded about a resident. Every page passes axe-core; screenshots on desktop and phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, apiAs, PG } from '../http/lib.mjs';
import { launch, newPage, login, axeViolations, screenshot, PHONE } from './lib.mjs';

let srv, browser, api;
let jan, klaas, piet;

async function household(members, street, number) {
  const r = await api.post('/api/v1/households', {
    name: '',
    address: { postcode: `8921 ${String.fromCharCode(65 + number)}K`, house_number: number, street, town: 'Leeuwarden' },
    members: members.map(([given_name, family_name, birth_date]) => ({ given_name, family_name, birth_date })),
  });
  assert.equal(r.status, 201, r.text);
  return { id: r.json.id, ids: r.json.members.map((m) => m.id) };
}

// Addresses get their position from a geocoder, not from the API; here the test places them (SQLite only).
function place(h, lat, lon) {
  if (PG) return;
  execFileSync('sqlite3', [srv.db, `UPDATE address SET lat = ${lat}, lon = ${lon} WHERE id = (SELECT address_id FROM household WHERE id = ${h.id})`]);
}

before(async () => {
  srv = await startServer({ residents: 200 });
  browser = await launch();
  api = await apiAs(srv.base, 'worker');
  jan = await household([['Jan', 'de Boer', '1946-04-12'], ['Grietje', 'de Boer', '1949-09-30']], 'Molenstraat', 3);
  klaas = await household([['Klaas', 'Hoekstra', '1958-01-20']], 'Molenstraat', 9);
  piet = await household([['Piet', 'Zijlstra', '1969-11-02']], 'Kerkpad', 14);
  place(jan, 53.2012, 5.8215);
  place(klaas, 53.2016, 5.8221);
  place(piet, 53.2031, 5.8262);
  const r = await api.post('/api/v1/relations', { person_id: klaas.ids[0], other_person_id: piet.ids[0], kind: 'friend', strength: 3, source: 'resident_self', legal_ground: 'consent' });
  assert.equal(r.status, 201, r.text);
  const care = await api.post('/api/v1/relations', { person_id: jan.ids[1], other_person_id: jan.ids[0], kind: 'informal_carer_of', source: 'resident_self', legal_ground: 'consent' });
  assert.equal(care.status, 201, care.text);
});
after(async () => { await browser.close(); await srv.stop(); });

async function accessible(page, what) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${what}`);
}

test('a worker records a relation and an offer, finds a neighbour for a need with the reasons, and records the match', async () => {
  const page = await newPage(browser);
  await login(page, srv.base, 'worker');

  // The household's network, reached from the household page.
  await page.goto(`${srv.base}/households/${jan.id}`);
  await page.getByRole('link', { name: /^Netwerk: ecogram/ }).click();
  await page.waitForURL(`**/households/${jan.id}/network`);
  await accessible(page, 'the household network, empty');

  // Record: Jan is a friend of Klaas.
  await page.getByLabel('Zoek de andere bewoner op naam').fill('hoekstra');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await page.getByLabel(/Klaas Hoekstra \(1958-01-20/).check(); // the demo has another Klaas Hoekstra
  await page.getByLabel('Wie uit dit huishouden').selectOption({ label: 'Jan de Boer' });
  await page.getByLabel('Soort relatie (wie is wat van de ander)').selectOption('friend');
  await page.getByLabel('Sterkte').selectOption('3');
  await page.getByLabel('Bron: wie vertelde of zag het').selectOption('resident_self');
  await page.getByLabel('Grondslag', { exact: true }).selectOption('consent');
  await page.getByLabel('Toelichting op de grondslag').fill('Mondeling toestemming bij het huisbezoek');
  await page.getByRole('button', { name: 'Relatie vastleggen' }).click();
  await page.getByRole('status').filter({ hasText: 'vastgelegd' }).waitFor();
  const relations = page.getByRole('table', { name: 'Relaties van de leden van het huishouden' });
  await relations.getByRole('row', { name: /Jan de Boer vriendschap Klaas Hoekstra/ }).waitFor();
  const eco = page.getByRole('img', { name: /Ecogram van/ });
  assert.match(await eco.innerHTML(), />Klaas<\/text>.*>Hoekstra<\/text>.*>vriendschap</);
  await accessible(page, 'the household network with a relation');
  await screenshot(page, 'network-household');

  // Record Piet's offer: administration, two hours a week.
  await page.goto(`${srv.base}/persons/${piet.ids[0]}/offers`);
  await page.getByLabel('Vaardigheid').selectOption('administration');
  await page.getByLabel('Uren per week').fill('2');
  await page.getByLabel('Notitie').fill('Werkte dertig jaar bij een bank');
  await page.getByRole('button', { name: 'Aanbod vastleggen' }).click();
  await page.getByRole('status').filter({ hasText: 'vastgelegd' }).waitFor();
  await page.getByRole('row', { name: /administratie 2 Werkte dertig jaar bij een bank .*medewerker.* ja/ }).waitFor();
  await accessible(page, 'offers of a person');

  // Jan needs help with his post and bills: the proposals, with why.
  await page.goto(`${srv.base}/households/${jan.id}/network`);
  await page.getByLabel('Voor wie').selectOption({ label: 'Jan de Boer' });
  await page.getByLabel('Welke hulp is nodig').selectOption('administration');
  await page.getByLabel('Wat is er nodig').fill('Hulp bij de post en de rekeningen');
  await page.getByRole('button', { name: 'Hulpvraag vastleggen' }).click();
  await page.waitForURL(/\/needs\/\d+\/proposals/);
  const proposals = page.getByRole('table', { name: 'Voorstellen, de beste eerst' });
  const row = proposals.getByRole('row', { name: /Piet Zijlstra/ });
  const why = await row.innerText();
  assert.match(why, /heeft administratie als vaardigheid \(2 uur per week\)/);
  assert.match(why, /vriend van een vriend via Klaas Hoekstra/);
  if (!PG) assert.match(why, /woont op \d+ m, op loopafstand/);
  assert.match(why, /heeft ruimte: 0 van 2 plaatsen bezet/);
  await accessible(page, 'proposals for a need');
  await screenshot(page, 'network-proposals');

  // Piet is asked, and says yes.
  await row.getByRole('button', { name: /Gevraagd/ }).click();
  await page.getByRole('heading', { name: 'Piet Zijlstra: gevraagd' }).waitFor();
  const card = page.locator('.wt-card').filter({ hasText: 'Piet Zijlstra' });
  await card.getByLabel('Status').selectOption('accepted');
  await card.getByLabel('Wat kwam eruit').fill('Elke dinsdagmiddag een uur samen de post doorlopen');
  await card.getByRole('button', { name: 'Bijwerken' }).click();
  await page.getByRole('heading', { name: 'Piet Zijlstra: akkoord, helpt' }).waitFor();
  assert.match(await page.locator('dl.wt-facts').innerText(), /gekoppeld/);
  await accessible(page, 'a need with an accepted match');
  assert.deepEqual(page.jsErrors, []);
});

test('the neighbourhood figures, what is recorded about a resident, and the pages on a phone', async () => {
  const page = await newPage(browser, PHONE);
  await login(page, srv.base, 'community');
  await page.getByRole('link', { name: 'Netwerk', exact: true }).click();
  await page.waitForURL('**/network');
  await page.getByRole('heading', { name: 'Verbinders' }).waitFor();
  await page.getByRole('table', { name: 'Kengetallen van het sociale weefsel' }).getByRole('row', { name: /Bewoners zonder enige relatie/ }).waitFor();
  await page.getByRole('table', { name: 'Verbinders' }).waitFor();
  await accessible(page, 'the neighbourhood figures on a phone');
  await screenshot(page, 'network-figures-phone');

  await page.goto(`${srv.base}/households/${jan.id}/network`);
  await accessible(page, 'the household network on a phone');
  await screenshot(page, 'network-household-phone');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width + 1, `no sideways scrolling on a phone (${width}px)`);

  await page.goto(`${srv.base}/persons/${jan.ids[0]}/network`);
  const text = await page.locator('main').innerText();
  assert.match(text, /verteld door de bewoner zelf/);
  assert.match(text, /toestemming van de bewoner/);
  assert.match(text, /Mondeling toestemming bij het huisbezoek/);
  await accessible(page, 'what is recorded about a resident');
  await screenshot(page, 'network-person-phone');
  assert.deepEqual(page.jsErrors, []);
});
