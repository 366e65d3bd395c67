// The main flow of a social worker in Chromium, as a user does it: log in,
// search, register a household at an address with its members, open a case,
// write the plan with the household (goals in two life domains, actions in
// different layers with who and due date, strengths), mark it agreed, record a
// contact, hand over coordination, close the case with a reason; and the team
// leader's overview. Every page visited is checked with axe (WCAG 2.1 A/AA),
// on a desktop and on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../http/lib.mjs';
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

// axe on the current page, with the page named in the failure.
async function accessible(page, what) {
  assert.deepEqual(await axeViolations(page), [], `accessibility of ${what}`);
}

// Opens a <details> block by its summary text, and returns the block.
async function open(page, summary) {
  const block = page.locator('details', { has: page.locator('summary', { hasText: summary }) }).first();
  if (!(await block.evaluate((d) => d.open))) await block.locator('summary').first().click();
  return block;
}

async function submit(page, scope, button) {
  await Promise.all([page.waitForNavigation(), scope.getByRole('button', { name: button, exact: true }).click()]);
}

// Registers a household through the form; returns the household page URL.
async function registerHousehold(page, family, postcode, number) {
  await page.getByRole('link', { name: 'Nieuw huishouden', exact: true }).click();
  await accessible(page, 'the registration form');
  await page.getByLabel('Postcode', { exact: true }).fill(postcode);
  await page.getByLabel('Huisnummer', { exact: true }).fill(number);
  await page.getByLabel('Straat', { exact: true }).fill('Heechterp');
  await page.getByLabel('Woonplaats', { exact: true }).fill('Leeuwarden');
  const member = (i) => page.getByRole('group', { name: `Gezinslid ${i}` });
  await member(1).getByLabel('Voornaam').fill('Anouk');
  await member(1).getByLabel('Achternaam').fill(family);
  await member(1).getByLabel('Geboortedatum').fill('1986-03-12');
  await member(2).getByLabel('Voornaam').fill('Daan');
  await member(2).getByLabel('Achternaam').fill(family);
  await member(2).getByLabel('Geboortedatum').fill('2011-10-01');
  await submit(page, page.locator('main'), 'Huishouden registreren');
  assert.match(page.url(), /\/households\/\d+/);
  await accessible(page, 'the household page');
}

test('a social worker runs a case from registration to closing', async () => {
  const page = await newPage(browser, DESKTOP);
  await login(page, srv.base, 'worker');
  await accessible(page, 'the start page');

  // Search first: the family is not known yet.
  await page.getByRole('link', { name: 'Zoeken', exact: true }).click();
  await page.getByLabel('Naam').fill('Wijnberg');
  await submit(page, page.locator('main'), 'Zoeken');
  await accessible(page, 'the search results');
  assert.doesNotMatch(await page.locator('main').innerText(), /Anouk Wijnberg/);

  await registerHousehold(page, 'Wijnberg', '8925 AB', '17');
  assert.match(await page.locator('main').innerText(), /Anouk Wijnberg/);

  // Open the case from the household page.
  await page.getByLabel('Reden voor de casus').fill('Huurachterstand; Daan gaat niet naar school.');
  await submit(page, page.locator('main'), 'Casus openen');
  assert.match(page.url(), /\/cases\/\d+/);
  const caseUrl = page.url().replace(/[?#].*$/, '');
  assert.match(await page.getByRole('status').innerText(), /De casus is geopend/);
  assert.match(await page.locator('h1').innerText(), /Wijnberg/);
  await accessible(page, 'a new case');

  // The plan: strengths, two goals in two life domains, actions in different layers.
  let block = await open(page, 'Krachten bewerken');
  await block.getByLabel('Krachten van het huishouden').fill('Anouk houdt van koken; haar zus woont in de wijk en helpt graag.');
  await submit(page, block, 'Krachten opslaan');

  block = await open(page, 'Doel toevoegen');
  await block.getByLabel('Levensgebied').selectOption({ label: 'Geld & schulden' });
  await block.getByLabel('Situatie').fill('Drie maanden huurachterstand.');
  await block.getByLabel('Kracht op dit gebied').fill('Anouk bewaart alle post in een map.');
  await block.getByLabel('Doel', { exact: true }).fill('De huur weer elke maand op tijd betalen');
  await submit(page, block, 'Doel toevoegen');
  assert.match(await page.getByRole('status').innerText(), /Het doel is aan het plan toegevoegd/);

  block = await open(page, 'Doel toevoegen');
  await block.getByLabel('Levensgebied').selectOption({ label: 'Jeugd & gezin' });
  await block.getByLabel('Doel', { exact: true }).fill('Daan gaat weer elke dag naar school');
  await submit(page, block, 'Doel toevoegen');

  const goal = (text) => page.locator('article.wt-goal', { hasText: text });
  const addAction = async (goalText, fields) => {
    const b = await open(page, `Actie toevoegen: ${goalText}`);
    await b.getByLabel('Actie', { exact: true }).fill(fields.body);
    await b.getByLabel('Wie draagt de actie').selectOption({ label: fields.layer });
    if (fields.performer) await b.getByLabel('Uitvoerder').fill(fields.performer);
    if (fields.member) await b.getByLabel('Teamlid dat de actie uitvoert').selectOption({ label: fields.member });
    if (fields.due) await b.getByLabel('Streefdatum').fill(fields.due);
    await submit(page, b, 'Actie toevoegen');
    assert.match(await page.getByRole('status').innerText(), /De actie is aan het doel toegevoegd/);
  };
  const money = 'De huur weer elke maand op tijd betalen';
  const school = 'Daan gaat weer elke dag naar school';
  await addAction(money, { body: 'Betalingsregeling vragen bij de woningcorporatie', layer: 'zelf', performer: 'Anouk', due: isoDay(5) });
  await addAction(money, { body: 'Aanmelden bij de schuldhulpverlening', layer: 'wijkteam', member: 'Sanne de Vries (Sociaal werker)', due: isoDay(3) });
  await addAction(school, { body: 'Tante brengt Daan op maandag naar school', layer: 'eigen netwerk', performer: 'Tante Ellen' });
  await addAction(school, { body: 'Gesprek met de leerplichtambtenaar', layer: 'specialist (tweede lijn)', performer: 'Leerplicht gemeente', due: isoDay(14) });
  assert.match(await goal(money).innerText(), /Uitvoerder: Sanne de Vries/);
  const layers = await page.locator('ol.wt-layers').innerText();
  assert.match(layers, /zelf\s*1/);
  assert.match(layers, /eigen netwerk\s*1/);
  assert.match(layers, /wijkteam\s*1/);
  assert.match(layers, /specialist \(tweede lijn\)\s*1/);

  block = await open(page, 'Plan afspreken met de bewoner');
  await block.getByLabel('Afgesproken met de bewoner op').fill(isoDay(0));
  await submit(page, block, 'Plan als afgesproken markeren');
  assert.match(await page.locator('#h-plan').locator('..').innerText(), /Afgesproken met de bewoner op/);

  // A contact on the timeline.
  block = await open(page, 'Contact vastleggen');
  await block.getByLabel('Soort contact').selectOption({ label: 'Huisbezoek' });
  await block.getByLabel('Datum', { exact: true }).fill(isoDay(0));
  await block.getByLabel('Duur in minuten').fill('50');
  await block.getByLabel('Samenvatting').fill('Plan samen doorgenomen aan de keukentafel. Anouk belt zelf de corporatie.');
  await submit(page, block, 'Contact vastleggen');
  assert.match(await page.getByRole('status').innerText(), /Het contact staat op de tijdlijn/);
  const timeline = await page.locator('ol.wt-timeline').innerText();
  assert.match(timeline, /Huisbezoek/);
  assert.match(timeline, /50 minuten · door Sanne de Vries/);
  await accessible(page, 'the case page with a plan and a contact');
  await page.goto(caseUrl); // without the notice, all forms closed: the screenshot of the README
  await screenshot(page, 'case-desktop');

  // A form with errors keeps what was typed and names the field.
  block = await open(page, 'Contact vastleggen');
  await block.getByLabel('Datum', { exact: true }).fill(isoDay(3));
  await block.getByLabel('Samenvatting').fill('Gebeld met school.');
  await submit(page, block, 'Contact vastleggen');
  assert.match(await page.locator('main').innerText(), /De datum van het contact ligt in de toekomst/);
  assert.equal(await page.getByLabel('Samenvatting').inputValue(), 'Gebeld met school.');
  await accessible(page, 'a contact form with an error');
  await page.getByLabel('Datum', { exact: true }).fill(isoDay(0));
  await submit(page, page.locator('main'), 'Contact vastleggen');
  assert.match(await page.locator('ol.wt-timeline').innerText(), /Gebeld met school/);

  // Hand over coordination to a colleague.
  block = await open(page, 'Regie overdragen');
  await block.getByLabel('Nieuwe regisseur').selectOption({ label: 'Joost Visser (Sociaal werker)' });
  await block.getByLabel('Reden van de overdracht').fill('Joost kent de school van Daan.');
  await submit(page, block, 'Regie overdragen');
  assert.match(await page.getByRole('status').innerText(), /De regie is overgedragen/);
  const regie = await page.locator('section[aria-labelledby="h-regie"]').innerText();
  assert.match(regie, /Regisseur: Joost Visser/);
  assert.match(regie, /van Sanne de Vries naar Joost Visser \(door Sanne de Vries\)/);
  assert.match(regie, /Joost kent de school van Daan/);
  await accessible(page, 'the case after the hand-over');

  // Close with a reason: the open actions need a confirmation first.
  block = await open(page, 'Casus sluiten met een reden');
  await block.getByLabel('Reden van sluiten').selectOption({ label: 'Doorverwezen naar de tweede lijn' });
  await block.getByLabel('Toelichting').fill('Verder bij de schuldhulpverlening.');
  await submit(page, block, 'Casus sluiten');
  assert.match(await page.locator('main').innerText(), /Bevestig dat u de casus toch wilt sluiten/);
  assert.equal(await page.getByLabel('Toelichting').inputValue(), 'Verder bij de schuldhulpverlening.');
  await accessible(page, 'the close form asking for confirmation');
  await page.getByLabel(/Ik sluit de casus toch/).check();
  await submit(page, page.locator('main'), 'Casus sluiten');
  assert.equal(page.url().replace(/[?#].*$/, ''), caseUrl);
  assert.match(await page.getByRole('status').innerText(), /De casus is gesloten/);
  assert.match(await page.locator('main').innerText(), /Gesloten casus\.[\s\S]*Doorverwezen naar de tweede lijn/);
  assert.equal(await page.locator('main form').count(), 0, 'a closed case is read-only');
  await accessible(page, 'a closed case');
  assert.deepEqual(page.jsErrors, []);
});

test('the case page on a phone, and the team leader\'s overview', async () => {
  const page = await newPage(browser, PHONE);
  await login(page, srv.base, 'worker');
  await accessible(page, 'the start page on a phone');
  await page.getByRole('link', { name: 'Nieuw huishouden', exact: true }).click();
  // (the same form as on the desktop)
  await page.goto(`${srv.base}/`);
  await registerHousehold(page, 'Kooistra', '8925 AC', '3');
  await page.getByLabel('Reden voor de casus').fill('Eenzaamheid na het overlijden van haar man.');
  await submit(page, page.locator('main'), 'Casus openen');
  let block = await open(page, 'Doel toevoegen');
  await block.getByLabel('Levensgebied').selectOption({ label: 'Meedoen' });
  await block.getByLabel('Doel', { exact: true }).fill('Twee keer per week onder de mensen');
  await submit(page, block, 'Doel toevoegen');
  block = await open(page, 'Actie toevoegen');
  await block.getByLabel('Actie', { exact: true }).fill('Samen naar de koffieochtend in het buurthuis');
  await block.getByLabel('Wie draagt de actie').selectOption({ label: 'vrijwilliger/buren' });
  await block.getByLabel('Uitvoerder').fill('Buurvrouw Tineke');
  await block.getByLabel('Streefdatum').fill(isoDay(2));
  await submit(page, block, 'Actie toevoegen');
  await accessible(page, 'the case page on a phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow}px too wide)`);
  await page.goto(page.url().replace(/[?#].*$/, ''));
  await screenshot(page, 'case-phone');
  await page.getByRole('link', { name: 'Start', exact: true }).click();
  await accessible(page, 'the work queue on a phone');

  const tl = await newPage(browser, DESKTOP);
  await login(tl, srv.base, 'teamleader');
  await tl.getByRole('link', { name: 'Team', exact: true }).first().click();
  assert.match(await tl.locator('h1').innerText(), /Team Heechterp-Schieringen/);
  const caseload = await tl.locator('section[aria-labelledby="h-caseload"]').innerText();
  assert.match(caseload, /Sanne de Vries\s+Sociaal werker\s+[1-9]/);
  assert.match(await tl.locator('section[aria-labelledby="h-samenstelling"]').innerText(), /11 professionals/);
  await accessible(tl, 'the team overview');
  await screenshot(tl, 'team-desktop');
  await tl.locator('a[href^="/cases?coordinator="]').first().click();
  await accessible(tl, 'the case list of one coordinator');
  assert.deepEqual([...page.jsErrors, ...tl.jsErrors], []);
});
