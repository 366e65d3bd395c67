// The support flow of a social worker in Chromium, as a user does it: the
// intake in the resident's own words, a first self-sufficiency assessment, a
// goal of the plan made from a finding of the intake, an action carried by the
// resident's own network, a referral from that action to a service of the
// social map (refused until the household's consent is recorded), a second
// assessment, and the chart that shows the progress. Every page is checked
// with axe (WCAG 2.1 A/AA); the progress page also on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, apiAs } from '../http/lib.mjs';
import { launch, newPage, login, axeViolations, screenshot, PHONE, DESKTOP } from './lib.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser.close(); await srv.stop(); });

function isoDay(n = 0) {
  const d = new Date();
  d.setDate(d.getDate() + n);
  const p = (x) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

async function accessible(page, what) {
  assert.deepEqual(await axeViolations(page), [], `accessibility of ${what}`);
}

async function open(page, summary) {
  const block = page.locator('details', { has: page.locator('summary', { hasText: summary }) }).first();
  if (!(await block.evaluate((d) => d.open))) await block.locator('summary').first().click();
  return block;
}

async function submit(page, scope, button) {
  await Promise.all([page.waitForNavigation(), scope.getByRole('button', { name: button, exact: true }).click()]);
}

// Scores one assessment: { code: score }, the rest "not assessed".
async function assess(page, on, scores) {
  await page.getByLabel('Datum van de meting').fill(on);
  for (const [code, score] of Object.entries(scores)) await page.locator(`#r-${code}-${score}`).check();
  await submit(page, page.locator('main'), 'Meting opslaan');
  assert.match(await page.getByRole('status').innerText(), /De meting is opgeslagen/);
}

test('intake, assessment, goal from a finding, network action, referral with consent, second assessment, progress', async () => {
  // The household and its case come from the registration the case flow tests; here through the API.
  const api = await apiAs(srv.base, 'worker');
  const h = await api.post('/api/v1/households', {
    name: 'Huishouden Terpstra',
    address: { postcode: '8925 AB', house_number: '41', street: 'Heechterp', town: 'Leeuwarden' },
    members: [{ given_name: 'Sietske', family_name: 'Terpstra', birth_date: '1983-05-17' },
      { given_name: 'Bauke', family_name: 'Terpstra', birth_date: '2014-02-09' }],
  });
  assert.equal(h.status, 201, h.text);
  const c = await api.post('/api/v1/cases', { household_id: h.json.id, reason: 'Schulden en weinig mensen om zich heen' });
  assert.equal(c.status, 201, c.text);
  const caseUrl = `${srv.base}/cases/${c.json.id}`;

  const page = await newPage(browser, DESKTOP);
  await login(page, srv.base, 'worker');
  await page.goto(caseUrl);
  await accessible(page, 'the case page without intake');

  // 1. The intake, in the resident's own words, with a finding on money.
  await page.getByRole('link', { name: 'Intake vastleggen' }).click();
  await accessible(page, 'the intake form');
  await page.getByLabel('De vraag in eigen woorden').fill('Ik durf de post niet meer open te maken en ik zie bijna niemand.');
  await page.getByLabel('Krachten').fill('Sietske is handig en houdt van wandelen.');
  await page.getByLabel('Wat het netwerk al doet').fill('Haar zus Anna belt elke week.');
  const money = await open(page, 'Geld & schulden');
  await money.getByLabel('Situatie').fill('Zes onbetaalde rekeningen, een aanmaning van de zorgverzekeraar.');
  await money.getByLabel('Kracht').fill('Wil het zelf leren.');
  await money.getByLabel('Wens').fill('Overzicht over de rekeningen en geen aanmaningen meer');
  await submit(page, page.locator('main'), 'Intake opslaan');
  assert.match(await page.getByRole('status').innerText(), /De intake is opgeslagen/);
  assert.match(await page.locator('#h-intake').locator('..').innerText(), /Ik durf de post niet meer open te maken/);

  // 2. The first assessment, three months ago.
  await page.getByRole('link', { name: /Nieuwe meting.*Sietske/ }).click();
  await accessible(page, 'the assessment form');
  await assess(page, isoDay(-91), { finances: 1, social_network: 2, social_participation: 2, mental_health: 3, housing: 4 });
  await page.goto(caseUrl);

  // 3. A goal of the plan from the finding, in one step.
  await submit(page, page.locator('#h-intake').locator('..'), 'Maak er een doel van (Geld & schulden)');
  assert.match(await page.getByRole('status').innerText(), /Het doel is aan het plan toegevoegd/);
  const goalText = 'Overzicht over de rekeningen en geen aanmaningen meer';
  assert.ok(await page.locator('article.wt-goal', { hasText: goalText }).count() === 1);

  // 4. An action carried by her own network.
  const add = await open(page, `Actie toevoegen: ${goalText}`);
  await add.getByLabel('Actie', { exact: true }).fill('Anna helpt elke zaterdag de post openen');
  await add.getByLabel('Wie draagt de actie').selectOption({ label: 'eigen netwerk' });
  await add.getByLabel('Uitvoerder').fill('Anna (zus)');
  await submit(page, add, 'Actie toevoegen');
  assert.match(await page.getByRole('status').innerText(), /De actie is aan het doel toegevoegd/);
  await accessible(page, 'the plan with the layers at a glance');
  assert.match(await page.locator('.wt-layers').innerText(), /eigen netwerk\s*1/);

  // 5. A referral from that action: first without consent (refused), then with it.
  await page.getByRole('link', { name: /^Verwijzen.*Anna helpt elke zaterdag/ }).click();
  await accessible(page, 'the referral form');
  await page.getByLabel('Zoek een dienst in de sociale kaart').fill('schulden');
  await submit(page, page.locator('main'), 'Zoek');
  const service = page.getByLabel('Dienst (organisatie - dienst)');
  const choice = await service.locator('option', { hasText: 'SchuldHulpMaatje' }).first().getAttribute('value');
  await service.selectOption(choice);
  await page.getByLabel('Reden', { exact: true }).fill('Sietske wil met een vrijwilliger leren haar geld bij te houden.');
  await submit(page, page.locator('main'), 'Verwijzing vastleggen');
  assert.match(await page.getByRole('alert').innerText(), /geen toestemming van het huishouden/);
  await accessible(page, 'the referral form with its error');

  await page.getByRole('link', { name: 'Toestemming vastleggen' }).click();
  await accessible(page, 'the consent form');
  await page.getByLabel('Wie gaf toestemming').selectOption({ label: 'Sietske Terpstra' });
  await page.getByLabel('naam, adres en contactgegevens').check();
  await page.getByLabel('hulpvraag en situatie').check();
  await page.getByLabel('Met welke organisatie').selectOption({ label: 'SchuldHulpMaatje Leeuwarden' });
  await page.getByLabel('Hoe gegeven').selectOption({ label: 'schriftelijk' });
  await submit(page, page.locator('main'), 'Toestemming vastleggen');
  assert.match(await page.getByRole('status').innerText(), /De toestemming is vastgelegd/);
  assert.match(page.url(), /\/referrals\/new/, 'back at the referral form');

  await page.getByLabel('Zoek een dienst in de sociale kaart').fill('schulden');
  await submit(page, page.locator('main'), 'Zoek');
  await page.getByLabel('Dienst (organisatie - dienst)').selectOption(choice);
  await page.getByLabel('Reden', { exact: true }).fill('Sietske wil met een vrijwilliger leren haar geld bij te houden.');
  await submit(page, page.locator('main'), 'Verwijzing vastleggen');
  assert.match(await page.getByRole('status').innerText(), /De verwijzing is vastgelegd/);
  const referrals = page.locator('section', { has: page.locator('#h-verwijzingen') });
  assert.match(await referrals.innerText(), /Verwijzing naar SchuldHulpMaatje Leeuwarden/);
  assert.match(await referrals.innerText(), /verstuurd/);
  await accessible(page, 'the case page with intake, plan, referral and consent');
  await referrals.getByRole('link', { name: /Verwijzing naar SchuldHulpMaatje/ }).click();
  await accessible(page, 'the referral page');
  assert.match(await page.locator('main').innerText(), /Toestemming van het huishouden, gegeven op/);
  await page.goto(caseUrl);

  // 6. The second assessment, today: better on money and network.
  await page.getByRole('link', { name: /Nieuwe meting.*Sietske/ }).click();
  await assess(page, isoDay(0), { finances: 3, social_network: 4, social_participation: 3, mental_health: 3, housing: 4 });

  // 7. The chart shows the progress, without JavaScript, with the numbers as text too.
  await page.goto(caseUrl);
  assert.match(await page.locator('section', { has: page.locator('#h-zrm') }).innerText(), /vooruit/);
  await page.getByRole('link', { name: /Voortgang en grafiek.*Sietske/ }).click();
  const main = page.locator('main');
  assert.ok(await main.locator('svg[role="img"]').count() >= 1, 'the chart, drawn by the server');
  assert.match(await main.innerText(), /3 domeinen vooruit/);
  assert.match(await main.locator('table').first().innerText(), /Financiën/);
  await accessible(page, 'the progress page');
  await screenshot(page, 'progress-chart');
  assert.deepEqual(page.jsErrors, []);

  const phone = await newPage(browser, PHONE);
  await login(phone, srv.base, 'worker');
  const progressUrl = page.url();
  const actionId = (await api.get(`/api/v1/cases/${c.json.id}/referrals`)).json.items[0].action.id;
  for (const [url, what] of [[caseUrl, 'the case page'], [`${srv.base}/actions/${actionId}/referrals/new?q=schuld`, 'the referral form'],
    [progressUrl, 'the progress page']]) {
    await phone.goto(url);
    await accessible(phone, `${what} on a phone`);
    const wide = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(wide, false, `no sideways scrolling on a phone: ${what}`);
  }
  await screenshot(phone, 'progress-chart-phone');
});
