// Presence in the neighbourhood in a real browser at a phone's size (390x844):
// plan and walk a round, record three addresses in a few taps (a concern leads
// straight to the signal), follow the signal up and turn it into a case; plan
// a barbecue with two resident organisers; record an idea and make it an
// activity; write a day's time; the team leader's balance. Every page is
// checked with axe-core and photographed (build/screenshots/presence-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, apiAs } from '../http/lib.mjs';
import { launch, newPage, login, axeViolations, screenshot, PHONE } from './lib.mjs';

let srv, browser;
const STREET = 'Tuinstraat';

before(async () => {
  srv = await startServer({ residents: 50 });
  browser = await launch();
  const api = await apiAs(srv.base, 'community');
  for (const n of [2, 4, 6, 8]) {
    const r = await api.post('/api/v1/households', {
      name: '', address: { postcode: '8924 TE', house_number: n, house_letter: '', addition: '', street: STREET, town: 'Leeuwarden' },
      members: [{ given_name: 'Koos', family_name: `Tuin${n}`, birth_date: '1946-09-01' }],
    });
    assert.equal(r.status, 201, r.text);
  }
});
after(async () => { await browser.close(); await srv.stop(); });

// Choice tiles: the label is the touch target.
const tap = (page, text) => page.locator('label').filter({ hasText: new RegExp(`^${text}$`) }).first().click();

async function checked(page, name) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${name}: ${JSON.stringify(violations, null, 1)}`);
  await screenshot(page, `presence-${name}`);
  const wide = await page.evaluate(() => [document.documentElement.scrollWidth, ...[...document.querySelectorAll('main *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth).slice(0, 3).map((e) => `${e.tagName}.${e.className}`)]);
  assert.ok(wide[0] <= PHONE.width, `${name}: no sideways scrolling on a phone (${wide.join(' ')})`);
}

test('walk a round on a phone: three addresses in a few taps, a concern becomes a signal', async () => {
  const page = await newPage(browser, PHONE);
  await login(page, srv.base, 'community');
  await page.getByRole('link', { name: 'Wijk', exact: true }).click();
  await page.waitForURL(/\/neighbourhood$/);
  await checked(page, 'overview');
  await page.getByRole('link', { name: 'Ronde plannen' }).first().click();
  await tap(page, 'Vaste wijkronde: zichtbaar en aanspreekbaar');
  await tap(page, STREET);
  await checked(page, 'round-new');
  await page.getByRole('button', { name: 'Ronde plannen' }).click();
  await page.waitForURL(/\/rounds\/\d+\?melding=created/);
  await page.getByRole('link', { name: 'Ronde lopen' }).click();
  await page.waitForURL(/\/walk$/);
  await checked(page, 'walk');
  const stops = page.locator('li.wt-stop');
  assert.equal(await stops.count(), 4);
  await stops.nth(0).getByRole('button', { name: 'Niet thuis, briefje' }).click();
  await page.waitForURL(/melding=stop_saved#stop-\d+$/);
  await stops.nth(1).locator('summary').click();
  await stops.nth(1).getByLabel('Notitie (niet verplicht)').fill('Wil helpen met de barbecue');
  await stops.nth(1).getByRole('button', { name: 'Kort gesprek' }).click();
  await page.waitForURL(/melding=stop_saved/);
  await stops.nth(2).getByRole('button', { name: 'Zorgen gezien' }).click();
  await page.waitForURL(/\/signals\/new\?ronde=\d+&stop=\d+/);
  assert.match(await page.locator('.wt-fixed').innerText(), /Tuinstraat/);
  await tap(page, 'Eenzaamheid');
  await tap(page, 'Hoog');
  await checked(page, 'signal-from-stop');
  await page.getByRole('button', { name: 'Signaal vastleggen' }).click();
  await page.waitForURL(/\/walk\?melding=signal#stop-\d+$/);
  assert.match(await page.locator('.wt-walk__meta').innerText(), /3 van 4 vastgelegd/);
  assert.match(await stops.nth(2).innerText(), /Open signaal: Eenzaamheid/);
  assert.match(await stops.nth(1).innerText(), /Kort gesprek, Wil helpen met de barbecue/);
  await checked(page, 'walk-after');
  assert.deepEqual(page.jsErrors, []);
});

test('follow a signal up until contact, then turn it into a case in one step', async () => {
  const page = await newPage(browser, PHONE);
  await login(page, srv.base, 'worker');
  await page.goto(`${srv.base}/signals/new`);
  await tap(page, 'Deur blijft dicht');
  await page.getByLabel(/^Adres/).fill('8924 TE 8');
  await tap(page, 'Buren');
  await page.getByLabel(/Wat zag of hoorde u/).fill('Post stapelt zich op');
  await page.getByRole('button', { name: 'Signaal vastleggen' }).click();
  await page.waitForURL(/\/signals\/\d+\?melding=signal/);
  await checked(page, 'signal');
  await tap(page, 'Nee, geen contact');
  await page.getByRole('button', { name: 'Opvolging vastleggen' }).click();
  await page.waitForURL(/melding=followup/);
  await tap(page, 'Ja, contact gehad');
  await page.getByLabel('Notitie', { exact: false }).first().fill('Koos deed open');
  await page.getByRole('button', { name: 'Opvolging vastleggen' }).click();
  await page.waitForURL(/melding=followup/);
  assert.match(await page.locator('dl.wt-facts').innerText(), /Contact gemaakt, volgen/);
  await tap(page, 'Casus geworden');
  await page.getByRole('button', { name: 'Afsluiten' }).click();
  await page.waitForURL(/\/cases\/\d+\?melding=signal_case/);
  assert.match(await page.getByRole('status').innerText(), /casus geworden/);
  assert.match(await page.locator('h1').innerText(), /Tuin8/);
  await screenshot(page, 'presence-signal-case');
  assert.deepEqual(page.jsErrors, []);
});

test('plan a barbecue with two resident organisers, and an idea that becomes an activity', async () => {
  const page = await newPage(browser, PHONE);
  await login(page, srv.base, 'community');
  await page.goto(`${srv.base}/activities/new`);
  await page.getByLabel('Titel').fill('Barbecue Tuinstraat');
  await tap(page, 'Buurtbarbecue');
  await page.getByLabel('Plek').fill('Grasveld');
  await page.locator('#f-organisers').fill('Tine de Boer');
  await page.locator('#f-organisers-2').fill('Hendrik Jansen');
  await page.getByLabel(/^Kosten/).fill('85,50');
  await checked(page, 'activity-new');
  await page.getByRole('button', { name: 'Activiteit plannen' }).click();
  await page.waitForURL(/\/activities\/\d+\?melding=created/);
  const people = await page.locator('main').innerText();
  assert.match(people, /Tine de Boer/);
  assert.match(people, /Hendrik Jansen/);
  assert.match(people, /€ 85,50/);
  await checked(page, 'activity');

  await page.goto(`${srv.base}/ideas/new`);
  await page.getByLabel('Het idee in een paar woorden').fill('Jeu-de-boulesbaan bij het buurthuis');
  await page.getByLabel('Wie bracht het?').fill('Gerrit');
  await checked(page, 'idea-new');
  await page.getByRole('button', { name: 'Idee vastleggen' }).click();
  await page.waitForURL(/\/ideas\/\d+\?melding=created/);
  await page.getByRole('button', { name: 'Steunen' }).click();
  await page.waitForURL(/melding=saved/);
  await checked(page, 'idea');
  await page.getByRole('link', { name: 'Er komt een activiteit van' }).click();
  assert.equal(await page.getByLabel('Titel').inputValue(), 'Jeu-de-boulesbaan bij het buurthuis');
  await tap(page, 'Anders');
  await page.getByLabel('Plek').fill('Buurthuis');
  await page.locator('#f-organisers').fill('Gerrit');
  await page.getByRole('button', { name: 'Activiteit plannen' }).click();
  await page.waitForURL(/\/activities\/\d+/);
  await page.goto(`${srv.base}/ideas?status=became_activity`);
  assert.match(await page.locator('main').innerText(), /Jeu-de-boulesbaan/);
  assert.deepEqual(page.jsErrors, []);
});

test('write a day of time; the team leader sees the balance as a chart', async () => {
  const page = await newPage(browser, PHONE);
  await login(page, srv.base, 'community');
  await page.goto(`${srv.base}/time`);
  await page.getByLabel('Outreach en presentie').selectOption('240');
  await page.getByLabel('Individuele casus').selectOption('180');
  await checked(page, 'time');
  await page.getByRole('button', { name: 'Dag opslaan' }).click();
  await page.waitForURL(/melding=time_saved/);
  assert.equal(await page.getByLabel('Outreach en presentie').inputValue(), '240');
  const leader = await newPage(browser, PHONE);
  await login(leader, srv.base, 'teamleader');
  await leader.goto(`${srv.base}/team/balance`);
  assert.equal(await leader.locator('figure svg[role="img"] rect').count() > 0, true);
  assert.match(await leader.locator('table').innerText(), /Ahmed El Amrani/);
  await checked(leader, 'balance');
});

test('point a resident on a plan to an activity: chosen on the action form, linked from the case, counted on the activity', async () => {
  const community = await apiAs(srv.base, 'community');
  const act = await community.post('/api/v1/activities', {
    title: 'Wandelgroep Tuinstraat', kind: 'walking_group', starts_on: '2026-01-07', ends_on: '2099-12-31',
    schedule: 'elke woensdag 10:00', place: 'Start bij het buurthuis', organisers: ['Riek van der Meer'],
  });
  assert.equal(act.status, 201, act.text);
  const worker = await apiAs(srv.base, 'worker');
  const h = await worker.post('/api/v1/households', {
    name: 'Huishouden Wandel', address: { postcode: '8924 TE', house_number: 12, street: STREET, town: 'Leeuwarden' },
    members: [{ given_name: 'Gerrit', family_name: 'Wandel', birth_date: '1944-02-11' }],
  });
  assert.equal(h.status, 201, h.text);
  const c = await worker.post('/api/v1/cases', { household_id: h.json.id, reason: 'Eenzaam sinds zijn vrouw overleed' });
  assert.equal(c.status, 201, c.text);
  const g = await worker.post(`/api/v1/cases/${c.json.id}/goals`, { domain: 'health', body: 'Weer onder de mensen komen' });
  assert.equal(g.status, 201, g.text);

  const page = await newPage(browser, PHONE);
  await login(page, srv.base, 'worker');
  await page.goto(`${srv.base}/cases/${c.json.id}`);
  const add = page.locator('details', { has: page.locator('summary', { hasText: 'Actie toevoegen: Weer onder de mensen komen' }) }).first();
  await add.locator('summary').first().click();
  await add.getByLabel('Actie', { exact: true }).fill('Meelopen met de wandelgroep');
  await add.getByLabel('Wie draagt de actie').selectOption({ label: 'eigen netwerk' });
  await add.getByLabel('Uitvoerder').fill('Buurman Jan');
  const select = add.getByLabel('Verwijzen naar een activiteit in de wijk');
  const value = await select.locator('option', { hasText: 'Wandelgroep Tuinstraat' }).getAttribute('value');
  await select.selectOption(value);
  await checked(page, 'action-activity-form');
  await Promise.all([page.waitForNavigation(), add.getByRole('button', { name: 'Actie toevoegen', exact: true }).click()]);
  assert.match(await page.getByRole('status').innerText(), /De actie is aan het doel toegevoegd/);
  const action = page.locator('li.wt-action', { hasText: 'Meelopen met de wandelgroep' });
  assert.match(await action.innerText(), /Activiteit: Wandelgroep Tuinstraat/);
  await checked(page, 'case-action-activity');

  await Promise.all([page.waitForNavigation(), action.getByRole('link', { name: 'Wandelgroep Tuinstraat' }).click()]);
  const main = await page.locator('main').innerText();
  assert.match(main, /1 huishouden is via zijn plan naar deze activiteit verwezen/);
  assert.match(main, /Huishouden Wandel: Meelopen met de wandelgroep/);
  await checked(page, 'activity-pointed');

  // A colleague who is not on the case sees the number, not who.
  const other = await newPage(browser, PHONE);
  await login(other, srv.base, 'worker2');
  await other.goto(`${srv.base}/activities/${act.json.id}`);
  const seen = await other.locator('main').innerText();
  assert.match(seen, /1 huishouden is via zijn plan naar deze activiteit verwezen/);
  assert.doesNotMatch(seen, /Huishouden Wandel/);
  assert.match(seen, /Wie dat zijn, zien alleen de medewerkers van hun casus/);
  assert.deepEqual(page.jsErrors, []);
});
