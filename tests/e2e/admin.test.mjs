// The administrator in a real browser: beheer creates a user, the new user
// logs in, beheer blocks him and he can no longer log in. Every page the
// administrator sees on the way is checked with axe (WCAG 2.1 AA); the pages
// are photographed on a desktop and on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../http/lib.mjs';
import { launch, newPage, login, axeViolations, screenshot, PHONE } from './lib.mjs';

let srv, browser;
before(async () => { srv = await startServer(); browser = await launch(); });
after(async () => { await browser.close(); await srv.stop(); });

const PASSWORD = 'groene-fiets-langs-de-Zwette';

async function accessible(page, what) {
  assert.deepEqual(await axeViolations(page), [], what);
}

async function loginAs(page, username, password) {
  await page.goto(`${srv.base}/login`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

test('beheer creates a user, the user logs in, beheer blocks him, he can no longer log in', async () => {
  const admin = await newPage(browser);
  await login(admin, srv.base, 'admin');
  await accessible(admin, 'start page of the administrator');

  await admin.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click();
  await admin.waitForURL(/\/admin\/users$/);
  assert.equal(await admin.locator('h1').innerText(), 'Gebruikers');
  await accessible(admin, 'user list');
  await screenshot(admin, 'admin-users');

  await admin.getByRole('link', { name: 'Nieuwe gebruiker' }).first().click();
  await admin.waitForURL(/\/admin\/users\/new$/);
  await accessible(admin, 'new user form');
  // Sent empty: every missing field is named next to the field and in the summary.
  await admin.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
  await admin.getByRole('alert').waitFor();
  assert.match(await admin.getByRole('alert').innerText(), /Vul een gebruikersnaam in/);
  assert.match(await admin.locator('#f-username-error').innerText(), /Vul een gebruikersnaam in/);
  await accessible(admin, 'new user form with errors');
  await screenshot(admin, 'admin-user-new-errors');

  await admin.getByLabel('Gebruikersnaam').fill('tjitske');
  await admin.getByLabel('Naam', { exact: true }).fill('Tjitske Hoekstra');
  await admin.getByLabel('Rol').selectOption('worker');
  await admin.getByLabel('Discipline').selectOption('debt_counsellor');
  await admin.getByLabel('Team').selectOption({ label: 'Heechterp-Schieringen' });
  await admin.getByLabel('Nieuw wachtwoord', { exact: true }).fill(PASSWORD);
  await admin.getByLabel('Herhaal het nieuwe wachtwoord').fill(PASSWORD);
  await admin.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
  await admin.waitForURL(/\/admin\/users\/\d+\?melding=user_created$/);
  assert.match(await admin.getByRole('status').innerText(), /De gebruiker is aangemaakt/);
  assert.equal(await admin.locator('h1').innerText(), 'Tjitske Hoekstra');
  await accessible(admin, 'user page');
  await screenshot(admin, 'admin-user');

  // The new user logs in on her own device.
  const user = await newPage(browser, PHONE);
  await loginAs(user, 'tjitske', PASSWORD);
  await user.waitForURL((u) => !u.pathname.startsWith('/login'));
  assert.match(await user.locator('.wt-user__name').innerText(), /Tjitske Hoekstra/);

  // beheer blocks her: her session ends at once and she cannot log in again.
  await admin.getByRole('button', { name: 'Blokkeren' }).click();
  await admin.waitForURL(/melding=user_disabled$/);
  assert.match(await admin.getByRole('status').innerText(), /Het account is geblokkeerd/);
  assert.match(await admin.locator('dl.wt-facts').innerText(), /Geblokkeerd/);
  await accessible(admin, 'user page after blocking');

  await user.reload();
  assert.match(new URL(user.url()).pathname, /^\/login/, 'her session has ended');
  await loginAs(user, 'tjitske', PASSWORD);
  await user.getByRole('alert').filter({ hasText: 'klopt niet' }).waitFor();
  assert.match(new URL(user.url()).pathname, /^\/login/);

  // The list shows her as blocked.
  await admin.goto(`${srv.base}/admin/users?q=tjitske`);
  assert.match(await admin.locator('table').innerText(), /Tjitske Hoekstra\s+tjitske\s+Heechterp-Schieringen\s+Sociaal werker\s+Schuldhulpverlener\s+Geblokkeerd/);
  await accessible(admin, 'user search');
  assert.deepEqual(admin.jsErrors, []);
  assert.deepEqual(user.jsErrors, []);
});

test('the team pages: list, a team with its members and composition, a new team with its warnings', async () => {
  const admin = await newPage(browser);
  await login(admin, srv.base, 'admin');
  await admin.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Teams' }).click();
  await admin.waitForURL(/\/admin\/teams$/);
  await accessible(admin, 'team list');
  await screenshot(admin, 'admin-teams');

  await admin.getByRole('link', { name: 'Heechterp-Schieringen' }).click();
  await admin.waitForURL(/\/admin\/teams\/\d+$/);
  assert.match(await admin.locator('h1').innerText(), /Heechterp-Schieringen/);
  assert.match(await admin.getByRole('region', { name: 'Leden' }).innerText(), /Ahmed El Amrani\s+Sociaal werker\s+Opbouwwerker/);
  await accessible(admin, 'team page');
  await screenshot(admin, 'admin-team');

  await admin.goto(`${srv.base}/admin/teams/new`);
  await accessible(admin, 'new team form');
  await admin.getByLabel('Naam van het team').fill('Vrijheidswijk');
  await admin.getByLabel('Gemeente').fill('Leeuwarden');
  await admin.getByLabel('Wijkcode (CBS)').fill('WK8');
  await admin.getByRole('button', { name: 'Team aanmaken' }).click();
  await admin.getByRole('alert').waitFor();
  assert.match(await admin.locator('#f-district_code-error').innerText(), /WK008001/);
  await accessible(admin, 'new team form with errors');
  await admin.getByLabel('Wijkcode (CBS)').fill('WK008005');
  await admin.getByRole('button', { name: 'Team aanmaken' }).click();
  await admin.waitForURL(/melding=team_created$/);
  const composition = await admin.getByRole('region', { name: 'Samenstelling' }).innerText();
  assert.match(composition, /minder dan 8 professionals/);
  assert.match(composition, /geen opbouwwerker/);
  await accessible(admin, 'new team page');
  assert.deepEqual(admin.jsErrors, []);
});

test('on a phone: the user list and a user page fit the screen', async () => {
  const admin = await newPage(browser, PHONE);
  await login(admin, srv.base, 'admin');
  for (const [path, name] of [['/admin/users', 'admin-users-phone'], ['/admin/users/1', 'admin-user-phone'], ['/admin/teams', 'admin-teams-phone']]) {
    await admin.goto(srv.base + path);
    await accessible(admin, path);
    const overflow = await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the phone`);
    await screenshot(admin, name);
  }
});
