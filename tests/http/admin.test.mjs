// The administrator's pages and API for users and teams: every route for every
// role, validation that names the field, blocking accounts (not his own; a
// blocked user cannot log in and his sessions end), new passwords, and team
// composition warnings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, WebClient, ApiClient, webAs, apiAs, cli, totp, USERS, DEMO_PASSWORD } from './lib.mjs';

let srv;
let ids = {}; // username -> id
let teamId;

before(async () => {
  srv = await startServer();
  const api = await apiAs(srv.base, 'admin');
  const r = await api.get('/api/v1/users?limit=100');
  assert.equal(r.status, 200);
  for (const u of r.json.items) ids[u.username] = u.id;
  const t = await api.get('/api/v1/teams');
  teamId = t.json.items.find((x) => x.name === 'Heechterp-Schieringen').id;
});
after(async () => { await srv.stop(); });

const strongPassword = 'paars-konijn-fietst-naar-Dokkum';

// Every administration route with an example body, so each role can be tried on each.
function webRoutes() {
  const u = ids[USERS.worker2];
  return [
    ['GET', '/admin/users'], ['GET', '/admin/users/new'], ['POST', '/admin/users/new'],
    ['GET', `/admin/users/${u}`], ['POST', `/admin/users/${u}`], ['POST', `/admin/users/${u}/password`],
    ['POST', `/admin/users/${u}/disable`], ['POST', `/admin/users/${u}/enable`], ['POST', `/admin/users/${u}/totp-reset`],
    ['GET', '/admin/teams'], ['GET', '/admin/teams/new'], ['POST', '/admin/teams/new'],
    ['GET', `/admin/teams/${teamId}`], ['POST', `/admin/teams/${teamId}`],
  ];
}
function apiRoutes() {
  const u = ids[USERS.worker2];
  return [
    ['GET', '/api/v1/users'], ['POST', '/api/v1/users'], ['GET', `/api/v1/users/${u}`], ['PATCH', `/api/v1/users/${u}`],
    ['DELETE', `/api/v1/users/${u}/totp`],
    ['GET', '/api/v1/teams'], ['POST', '/api/v1/teams'], ['GET', `/api/v1/teams/${teamId}`], ['PATCH', `/api/v1/teams/${teamId}`],
    ['GET', '/api/v1/neighbourhoods'],
  ];
}

test('anonymous: the pages redirect to the login page, the API answers 401', async () => {
  const web = new WebClient(srv.base);
  for (const [m, p] of webRoutes()) {
    const r = m === 'GET' ? await web.get(p) : await web.post(p, {}, { csrf: false });
    assert.equal(r.status, 303, `${m} ${p}`);
    assert.match(r.headers.get('location'), /^\/login\?next=/, `${m} ${p}`);
  }
  const api = new ApiClient(srv.base);
  for (const [m, p] of apiRoutes()) {
    const r = await api.req(m, p, m === 'GET' ? undefined : {});
    assert.equal(r.status, 401, `${m} ${p}`);
  }
});

for (const role of ['worker', 'teamleader', 'policy']) {
  test(`${role}: every administration page and API call is forbidden (403)`, async () => {
    const web = await webAs(srv.base, role);
    for (const [m, p] of webRoutes()) {
      const r = m === 'GET' ? await web.get(p) : await web.post(p, {
        username: 'x-intruder', display_name: 'X', role: 'admin', password: strongPassword,
        password_confirm: strongPassword, name: 'Overname', municipality: 'Leeuwarden',
      });
      assert.equal(r.status, 403, `${role} ${m} ${p}`);
    }
    const api = await apiAs(srv.base, role);
    for (const [m, p] of apiRoutes()) {
      const r = await api.req(m, p, m === 'GET' ? undefined : { display_name: 'Overgenomen', name: 'Overname' });
      assert.equal(r.status, 403, `${role} ${m} ${p}`);
      assert.equal(r.json.error, 'forbidden');
    }
    // Nothing was changed by any of these attempts.
    const admin = await apiAs(srv.base, 'admin');
    const joost = await admin.get(`/api/v1/users/${ids[USERS.worker2]}`);
    assert.equal(joost.json.display_name, 'Joost Visser');
    assert.equal(joost.json.disabled, false);
    const users = await admin.get('/api/v1/users?limit=200');
    assert.ok(!users.json.items.some((u) => u.username === 'x-intruder'));
  });
}

test('admin: the user list shows team, role, discipline and status, and filters by team', async () => {
  const web = await webAs(srv.base, 'admin');
  const r = await web.get('/admin/users');
  assert.equal(r.status, 200);
  assert.match(r.text, /<h1[^>]*>Gebruikers<\/h1>/);
  assert.match(r.text, /Sanne de Vries<\/a><\/th><td[^>]*>sanne<\/td><td[^>]*>Heechterp-Schieringen<\/td><td[^>]*>Sociaal werker<\/td><td[^>]*>Sociaal werker<\/td><td[^>]*>Actief<\/td>/);
  assert.match(r.text, /Ahmed El Amrani.*Opbouwwerker/s);
  assert.match(r.text, /Bert Beheer<\/a><\/th><td[^>]*>beheer<\/td><td[^>]*>geen team<\/td><td[^>]*>Beheerder<\/td>/);
  const filtered = await web.get(`/admin/users?team=${teamId}`);
  assert.equal(filtered.status, 200);
  assert.match(filtered.text, /Sanne de Vries/);
  assert.doesNotMatch(filtered.text, /Bert Beheer<\/a><\/th>/);
  // No case or resident content on the administrator's pages.
  assert.doesNotMatch(r.text, /href="\/(cases|households)\//);
});

test('admin: a new user — every missing field is named, then the user is created and can log in', async () => {
  const web = await webAs(srv.base, 'admin');
  const form = await web.get('/admin/users/new');
  assert.equal(form.status, 200);
  for (const f of ['username', 'display_name', 'role', 'discipline', 'team_id', 'password', 'password_confirm']) {
    assert.match(form.text, new RegExp(`<label class="utrecht-form-label" for="f-${f}">`), f);
  }
  const empty = await web.post('/admin/users/new', { username: '', display_name: '', role: '', password: '' });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /href="#f-username">Vul een gebruikersnaam in/);
  assert.match(empty.text, /href="#f-display_name">Vul de naam in/);
  assert.match(empty.text, /href="#f-role">Kies een rol/);
  assert.match(empty.text, /href="#f-password">Het wachtwoord moet minstens 12 tekens lang zijn/);

  const base = { username: 'wietske', display_name: 'Wietske Zijlstra', role: 'worker', discipline: 'debt_counsellor', team_id: String(teamId) };
  const weak = await web.post('/admin/users/new', { ...base, password: 'wachtwoord123', password_confirm: 'wachtwoord123' });
  assert.equal(weak.status, 400);
  assert.match(weak.text, /te bekend of te eenvoudig/);
  assert.match(weak.text, /value="Wietske Zijlstra"/, 'the form keeps what was typed');
  const mismatch = await web.post('/admin/users/new', { ...base, password: strongPassword, password_confirm: strongPassword + 'x' });
  assert.equal(mismatch.status, 400);
  assert.match(mismatch.text, /href="#f-password_confirm">De twee wachtwoorden zijn niet gelijk/);
  const noTeam = await web.post('/admin/users/new', { ...base, team_id: '', password: strongPassword, password_confirm: strongPassword });
  assert.equal(noTeam.status, 400);
  assert.match(noTeam.text, /href="#f-team_id">Een sociaal werker of teamleider hoort bij een team/);
  const badTeam = await web.post('/admin/users/new', { ...base, team_id: 'abc', password: strongPassword, password_confirm: strongPassword });
  assert.equal(badTeam.status, 400);
  assert.match(badTeam.text, /href="#f-team_id">Dit team bestaat niet/);
  const badDiscipline = await web.post('/admin/users/new', { ...base, discipline: 'astronaut', password: strongPassword, password_confirm: strongPassword });
  assert.equal(badDiscipline.status, 400);
  assert.match(badDiscipline.text, /href="#f-discipline">Kies een discipline uit de lijst/);
  const taken = await web.post('/admin/users/new', { ...base, username: 'sanne', password: strongPassword, password_confirm: strongPassword });
  assert.equal(taken.status, 400);
  assert.match(taken.text, /href="#f-username">Deze gebruikersnaam bestaat al/);
  const badName = await web.post('/admin/users/new', { ...base, username: 'wiet ske', password: strongPassword, password_confirm: strongPassword });
  assert.equal(badName.status, 400);
  assert.match(badName.text, /href="#f-username">Een gebruikersnaam heeft 2 tot 64/);
  const long = await web.post('/admin/users/new', { ...base, display_name: 'W'.repeat(101), password: strongPassword, password_confirm: strongPassword });
  assert.equal(long.status, 400);
  assert.match(long.text, /href="#f-display_name">De naam mag hoogstens 100 tekens lang zijn/);

  const ok = await web.post('/admin/users/new', { ...base, password: strongPassword, password_confirm: strongPassword });
  assert.equal(ok.status, 303);
  const m = ok.location.match(/^\/admin\/users\/(\d+)\?melding=user_created$/);
  assert.ok(m, ok.location);
  const page = await web.get(ok.location);
  assert.equal(page.status, 200);
  assert.match(page.text, /De gebruiker is aangemaakt/);
  assert.match(page.text, /<h1[^>]*>Wietske Zijlstra<\/h1>/);
  assert.doesNotMatch(page.text, /argon2|paars-konijn/, 'no password or hash on the page');
  const wietske = await new WebClient(srv.base).login('wietske', strongPassword);
  const home = await wietske.get('/');
  assert.equal(home.status, 200);
  const list = await web.get(`/admin/users?team=${teamId}`);
  assert.match(list.text, /Wietske Zijlstra<\/a><\/th><td[^>]*>wietske<\/td><td[^>]*>Heechterp-Schieringen<\/td><td[^>]*>Sociaal werker<\/td><td[^>]*>Schuldhulpverlener<\/td><td[^>]*>Actief<\/td>/);
});

test('admin: editing a user; an administrator cannot take away his own administrator role', async () => {
  const web = await webAs(srv.base, 'admin');
  const id = ids.noor;
  const page = await web.get(`/admin/users/${id}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /value="Noor Jansen"/);
  const r = await web.post(`/admin/users/${id}`, { username: 'noor', display_name: 'Noor Jansen-Kooistra', role: 'worker', discipline: 'welfare_worker', team_id: String(teamId) });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/admin/users/${id}?melding=user_saved`);
  const after = await web.get(r.location);
  assert.match(after.text, /<h1[^>]*>Noor Jansen-Kooistra<\/h1>/);
  const bad = await web.post(`/admin/users/${id}`, { username: 'noor', display_name: '', role: 'worker', discipline: 'welfare_worker', team_id: String(teamId) });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /href="#f-display_name">Vul de naam in/);
  const self = ids[USERS.admin];
  const demote = await web.post(`/admin/users/${self}`, { username: 'beheer', display_name: 'Bert Beheer', role: 'worker', team_id: String(teamId) });
  assert.equal(demote.status, 400);
  assert.match(demote.text, /href="#f-role">U kunt uw eigen rol van beheerder niet wijzigen/);
  const still = await web.get('/admin/users');
  assert.equal(still.status, 200, 'still an administrator');
  const missing = await web.get('/admin/users/999999');
  assert.equal(missing.status, 404);
});

test('admin: a new password follows the rules, works, and ends the user\'s sessions', async () => {
  const admin = await webAs(srv.base, 'admin');
  const pieter = await webAs(srv.base, 'pieter');
  const id = ids.pieter;
  const short = await admin.post(`/admin/users/${id}/password`, { password: 'kort', password_confirm: 'kort' });
  assert.equal(short.status, 400);
  assert.match(short.text, /href="#f-password">Het wachtwoord moet minstens 12 tekens lang zijn/);
  const same = await admin.post(`/admin/users/${id}/password`, { password: 'pieter', password_confirm: 'pieter' });
  assert.equal(same.status, 400);
  const oneChar = await admin.post(`/admin/users/${id}/password`, { password: 'aaaaaaaaaaaaaa', password_confirm: 'aaaaaaaaaaaaaa' });
  assert.equal(oneChar.status, 400);
  assert.match(oneChar.text, /te bekend of te eenvoudig/);
  const mismatch = await admin.post(`/admin/users/${id}/password`, { password: strongPassword, password_confirm: 'iets-anders-dan-dit' });
  assert.equal(mismatch.status, 400);
  assert.match(mismatch.text, /De twee wachtwoorden zijn niet gelijk/);
  assert.equal((await pieter.get('/')).status, 200, 'a refused password changes nothing');
  const ok = await admin.post(`/admin/users/${id}/password`, { password: strongPassword, password_confirm: strongPassword });
  assert.equal(ok.status, 303);
  assert.equal(ok.location, `/admin/users/${id}?melding=password_set`);
  const ended = await pieter.get('/');
  assert.equal(ended.status, 303, 'the old session has ended');
  const oldPw = await new WebClient(srv.base).post('/login', { username: 'pieter', password: DEMO_PASSWORD }, { csrf: false });
  assert.equal(oldPw.status, 401);
  await new WebClient(srv.base).login('pieter', strongPassword);
});

test('admin: an administrator cannot block himself', async () => {
  const web = await webAs(srv.base, 'admin');
  const self = ids[USERS.admin];
  const page = await web.get(`/admin/users/${self}`);
  assert.doesNotMatch(page.text, new RegExp(`action="/admin/users/${self}/disable"`));
  const r = await web.post(`/admin/users/${self}/disable`);
  assert.equal(r.status, 409);
  assert.match(r.text, /U kunt uw eigen account niet blokkeren/);
  assert.equal((await web.get('/admin/users')).status, 200, 'still logged in');
  const api = await apiAs(srv.base, 'admin');
  const j = await api.patch(`/api/v1/users/${self}`, { disabled: true });
  assert.equal(j.status, 409);
  assert.match(j.json.message, /eigen account niet blokkeren/);
  const me = await api.get(`/api/v1/users/${self}`);
  assert.equal(me.json.disabled, false);
});

test('admin: a blocked user cannot log in and his sessions end; unblocked he can again', async () => {
  const admin = await webAs(srv.base, 'admin');
  const id = ids.greet;
  const greetWeb = await webAs(srv.base, 'greet');
  const greetApi = await apiAs(srv.base, 'greet');
  assert.equal((await greetApi.get('/api/v1/me')).status, 200);
  const r = await admin.post(`/admin/users/${id}/disable`);
  assert.equal(r.status, 303);
  assert.equal(r.location, `/admin/users/${id}?melding=user_disabled`);
  const page = await admin.get(r.location);
  assert.match(page.text, /Dit account is geblokkeerd/);
  assert.equal((await greetWeb.get('/')).status, 303, 'web session ended');
  assert.equal((await greetApi.get('/api/v1/me')).status, 401, 'API token ended');
  const login = await new WebClient(srv.base).post('/login', { username: 'greet', password: DEMO_PASSWORD }, { csrf: false });
  assert.equal(login.status, 401);
  const apiLogin = await new ApiClient(srv.base).post('/api/v1/session', { username: 'greet', password: DEMO_PASSWORD });
  assert.equal(apiLogin.status, 401);
  const list = await admin.get(`/admin/users?team=${teamId}`);
  assert.match(list.text, /Greet Dijkstra<\/a><\/th>(<td[^>]*>[^<]*<\/td>){4}<td[^>]*>Geblokkeerd<\/td>/);
  const en = await admin.post(`/admin/users/${id}/enable`);
  assert.equal(en.status, 303);
  assert.equal(en.location, `/admin/users/${id}?melding=user_enabled`);
  await new WebClient(srv.base).login('greet');
  const unknown = await admin.post('/admin/users/999999/disable');
  assert.equal(unknown.status, 404);
});

test('API: users — list, create, read, change; the password never comes back', async () => {
  const api = await apiAs(srv.base, 'admin');
  const list = await api.get(`/api/v1/users?team_id=${teamId}&limit=5`);
  assert.equal(list.status, 200);
  assert.equal(list.json.items.length, 5);
  assert.equal(list.json.more, true);
  assert.ok(list.json.items.every((u) => u.team_id === teamId && u.team_name === 'Heechterp-Schieringen'));
  const page2 = await api.get(`/api/v1/users?team_id=${teamId}&limit=5&offset=5`);
  assert.equal(page2.status, 200);
  assert.ok(!page2.json.items.some((u) => list.json.items.some((v) => v.id === u.id)));
  const badTeam = await api.get('/api/v1/users?team_id=abc');
  assert.equal(badTeam.status, 400);
  assert.ok(badTeam.json.fields.team_id);

  const invalid = await api.post('/api/v1/users', { username: 'x', role: 'chief', password: 'short', team_id: 'one', colour: 'red' });
  assert.equal(invalid.status, 400);
  assert.equal(invalid.json.error, 'invalid');
  for (const f of ['username', 'display_name', 'role', 'password', 'team_id', 'colour']) assert.ok(invalid.json.fields[f], f);
  const wrongType = await api.post('/api/v1/users', { username: 42 });
  assert.equal(wrongType.status, 400);
  assert.ok(wrongType.json.fields.username);
  const malformed = await api.req('POST', '/api/v1/users', '{"username": ');
  assert.equal(malformed.status, 400);
  assert.equal(malformed.json.error, 'malformed_json');

  const created = await api.post('/api/v1/users', {
    username: 'hylke', display_name: 'Hylke Bosma', role: 'worker', discipline: 'youth_worker', team_id: teamId, password: strongPassword,
  });
  assert.equal(created.status, 201);
  assert.equal(created.headers.get('location'), `/api/v1/users/${created.json.id}`);
  assert.equal(created.json.username, 'hylke');
  assert.equal(created.json.discipline, 'youth_worker');
  assert.equal(created.json.disabled, false);
  assert.equal(created.json.password, undefined);
  assert.equal(created.json.password_hash, undefined);
  assert.doesNotMatch(created.text, /argon2|paars-konijn/);
  const id = created.json.id;
  const again = await api.post('/api/v1/users', { username: 'hylke', display_name: 'H', role: 'policy', password: strongPassword });
  assert.equal(again.status, 400);
  assert.match(again.json.fields.username, /bestaat al/);

  const got = await api.get(`/api/v1/users/${id}`);
  assert.equal(got.status, 200);
  assert.equal(got.json.display_name, 'Hylke Bosma');
  assert.doesNotMatch(got.text, /argon2|password/);
  assert.equal((await api.get('/api/v1/users/999999')).status, 404);

  const patched = await api.patch(`/api/v1/users/${id}`, { display_name: 'Hylke Bosma-de Boer', discipline: null });
  assert.equal(patched.status, 200);
  assert.equal(patched.json.display_name, 'Hylke Bosma-de Boer');
  assert.equal(patched.json.discipline, null);
  assert.equal(patched.json.role, 'worker');
  const badPatch = await api.patch(`/api/v1/users/${id}`, { team_id: null, display_name: 'Ander' });
  assert.equal(badPatch.status, 400);
  assert.ok(badPatch.json.fields.team_id);
  assert.equal((await api.get(`/api/v1/users/${id}`)).json.display_name, 'Hylke Bosma-de Boer', 'nothing half-written');
  const unknown = await api.patch(`/api/v1/users/${id}`, { nickname: 'H' });
  assert.equal(unknown.status, 400);
  assert.ok(unknown.json.fields.nickname);
  const weak = await api.patch(`/api/v1/users/${id}`, { password: '123456789012' });
  assert.equal(weak.status, 400);
  assert.ok(weak.json.fields.password);

  const hylke = await new ApiClient(srv.base).post('/api/v1/session', { username: 'hylke', password: strongPassword });
  assert.equal(hylke.status, 201);
  const newPw = 'een-heel-ander-wachtwoord-2026';
  const pw = await api.patch(`/api/v1/users/${id}`, { password: newPw });
  assert.equal(pw.status, 200);
  assert.equal(pw.json.password, undefined);
  const oldToken = new ApiClient(srv.base, hylke.json.token);
  assert.equal((await oldToken.get('/api/v1/me')).status, 401, 'a new password ends the sessions');
  const block = await api.patch(`/api/v1/users/${id}`, { disabled: true });
  assert.equal(block.status, 200);
  assert.equal(block.json.disabled, true);
  const blocked = await new ApiClient(srv.base).post('/api/v1/session', { username: 'hylke', password: newPw });
  assert.equal(blocked.status, 401);
  const unblock = await api.patch(`/api/v1/users/${id}`, { disabled: false });
  assert.equal(unblock.json.disabled, false);
  const back = await new ApiClient(srv.base).post('/api/v1/session', { username: 'hylke', password: newPw });
  assert.equal(back.status, 201);
});

test('admin: teams — list with composition, validation naming the field, new team with its warnings', async () => {
  const web = await webAs(srv.base, 'admin');
  const list = await web.get('/admin/teams');
  assert.equal(list.status, 200);
  assert.match(list.text, /Heechterp-Schieringen<\/a><\/th><td[^>]*>Leeuwarden<\/td><td[^>]*>WK008003<\/td><td[^>]*>40%<\/td>/);
  const page = await web.get(`/admin/teams/${teamId}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /value="Heechterp-Schieringen"/);
  assert.match(page.text, /Opbouwwerker/);
  assert.match(page.text, /Sanne de Vries/);
  assert.doesNotMatch(page.text, /minder dan 8 professionals|geen opbouwwerker/, 'the demo team is well composed');
  assert.doesNotMatch(page.text, /href="\/(cases|households)\//, 'no case content for the administrator');

  const empty = await web.post('/admin/teams/new', { name: '', municipality: '', district_code: 'W8003', prevention_share: '150' });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /href="#f-name">Vul de naam van het team in/);
  assert.match(empty.text, /href="#f-municipality">Vul de gemeente in/);
  assert.match(empty.text, /href="#f-district_code">Een wijkcode van het CBS ziet eruit als WK008001/);
  assert.match(empty.text, /href="#f-prevention_share">Het aandeel preventie/);
  const notNumber = await web.post('/admin/teams/new', { name: 'Team Oost', municipality: 'Leeuwarden', prevention_share: 'veel' });
  assert.equal(notNumber.status, 400);
  assert.match(notNumber.text, /href="#f-prevention_share">Het aandeel preventie is een heel getal/);
  const dup = await web.post('/admin/teams/new', { name: 'Heechterp-Schieringen', municipality: 'Leeuwarden' });
  assert.equal(dup.status, 400);
  assert.match(dup.text, /href="#f-name">Er is al een team met deze naam/);

  const ok = await web.post('/admin/teams/new', { name: 'Jeugd en gezin', municipality: 'Leeuwarden', district_code: 'WK008001', prevention_share: '' });
  assert.equal(ok.status, 303);
  const m = ok.location.match(/^\/admin\/teams\/(\d+)\?melding=team_created$/);
  assert.ok(m, ok.location);
  const created = await web.get(ok.location);
  assert.match(created.text, /Het team is aangemaakt/);
  assert.match(created.text, /value="40"/, 'the default prevention share');
  assert.match(created.text, /minder dan 8 professionals/);
  assert.match(created.text, /geen opbouwwerker/);
  assert.match(created.text, /Dit team heeft nog geen leden/);

  const edit = await web.post(`/admin/teams/${m[1]}`, { name: 'Jeugd & gezin', municipality: 'Leeuwarden', district_code: '', prevention_share: '30' });
  assert.equal(edit.status, 303);
  assert.equal(edit.location, `/admin/teams/${m[1]}?melding=team_saved`);
  const edited = await web.get(edit.location);
  assert.match(edited.text, /value="Jeugd &amp; gezin"/);
  assert.match(edited.text, /value="30"/);
  const bad = await web.post(`/admin/teams/${m[1]}`, { name: 'Jeugd & gezin', municipality: '', prevention_share: '30' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /href="#f-municipality">Vul de gemeente in/);
  assert.equal((await web.get('/admin/teams/999999')).status, 404);
});

test('API: teams — composition warnings follow the members', async () => {
  const api = await apiAs(srv.base, 'admin');
  const list = await api.get('/api/v1/teams');
  assert.equal(list.status, 200);
  const demo = list.json.items.find((t) => t.id === teamId);
  // Earlier tests added members: the composition counts the active workers and team leaders of the team.
  const members = (await api.get(`/api/v1/users?team_id=${teamId}&limit=100`)).json.items;
  const active = members.filter((u) => !u.disabled && ['worker', 'teamleader'].includes(u.role));
  assert.equal(demo.composition.professionals, active.length);
  assert.equal(demo.composition.too_large, active.length > 12);
  assert.equal(demo.composition.too_small, false);
  assert.equal(demo.composition.no_community_worker, false);

  const invalid = await api.post('/api/v1/teams', { name: '', municipality: 7, prevention_share: 101, district_code: 'WK1', extra: 1 });
  assert.equal(invalid.status, 400);
  for (const f of ['name', 'municipality', 'prevention_share', 'district_code', 'extra']) assert.ok(invalid.json.fields[f], f);
  const created = await api.post('/api/v1/teams', { name: 'Dorpenteam', municipality: 'Leeuwarden', district_code: 'WK008009' });
  assert.equal(created.status, 201);
  assert.equal(created.json.prevention_share, 40);
  assert.equal(created.json.composition.professionals, 0);
  assert.equal(created.json.composition.too_small, true);
  assert.equal(created.json.composition.no_community_worker, true);
  const id = created.json.id;
  // Nine professionals, one of them a community worker: no warnings left.
  for (let i = 0; i < 9; i++) {
    const r = await api.post('/api/v1/users', {
      username: `dorp${i}`, display_name: `Dorpswerker ${i}`, role: 'worker', team_id: id,
      discipline: i === 0 ? 'community_worker' : 'social_worker', password: strongPassword,
    });
    assert.equal(r.status, 201);
  }
  const now = await api.get(`/api/v1/teams/${id}`);
  assert.equal(now.json.composition.professionals, 9);
  assert.equal(now.json.composition.too_small, false);
  assert.equal(now.json.composition.no_community_worker, false);
  const patched = await api.patch(`/api/v1/teams/${id}`, { prevention_share: 55 });
  assert.equal(patched.status, 200);
  assert.equal(patched.json.prevention_share, 55);
  assert.equal(patched.json.name, 'Dorpenteam');
  const badPatch = await api.patch(`/api/v1/teams/${id}`, { name: 'Heechterp-Schieringen' });
  assert.equal(badPatch.status, 400);
  assert.match(badPatch.json.fields.name, /al een team/);
  assert.equal((await api.get('/api/v1/teams/999999')).status, 404);
  assert.equal((await api.patch('/api/v1/teams/999999', {})).status, 404);
});

test('admin: searching users by a part of the name or username, with paging kept', async () => {
  const web = await webAs(srv.base, 'admin');
  const r = await web.get('/admin/users?q=vries');
  assert.equal(r.status, 200);
  assert.match(r.text, /Sanne de Vries<\/a><\/th>/);
  assert.doesNotMatch(r.text, /Joost Visser<\/a><\/th>/);
  assert.match(r.text, /<input[^>]*id="f-q"[^>]*value="vries"/, 'the search text stays in the field');
  const byUsername = await web.get(`/admin/users?q=MARIEKE&team=${teamId}`);
  assert.match(byUsername.text, /Marieke Hoekstra<\/a><\/th>/);
  assert.doesNotMatch(byUsername.text, /Sanne de Vries<\/a><\/th>/);
  const wildcard = await web.get('/admin/users?q=%25');
  assert.equal(wildcard.status, 200);
  assert.match(wildcard.text, /Geen gebruikers gevonden/, '% is a character, not a wildcard');
  const long = await web.get(`/admin/users?q=${'x'.repeat(101)}`);
  assert.equal(long.status, 400);
  assert.match(long.text, /href="#f-q">Zoek met hoogstens 100 tekens/);

  const api = await apiAs(srv.base, 'admin');
  const j = await api.get('/api/v1/users?q=joost');
  assert.equal(j.status, 200);
  assert.deepEqual(j.json.items.map((u) => u.username), ['joost']);
  const page1 = await api.get('/api/v1/users?q=e&limit=2');
  assert.equal(page1.json.items.length, 2);
  assert.equal(page1.json.more, true);
  const bad = await api.get(`/api/v1/users?q=${'x'.repeat(101)}`);
  assert.equal(bad.status, 400);
  assert.ok(bad.json.fields.q);
});

// The user switches his second factor on himself, on "Mijn account".
async function enrol(username) {
  const c = await webAs(srv.base, username);
  assert.equal((await c.post('/account/mfa/begin')).status, 303);
  const secret = (await c.get('/account')).text.match(/<code class="wt-secret">([A-Z2-7]+)<\/code>/)[1];
  assert.equal((await c.post('/account/mfa/confirm', { code: totp(secret) })).status, 303);
}

test('admin: switching off the second factor of a user who lost his phone (web and API)', async () => {
  await enrol('kevin');
  const web = await webAs(srv.base, 'admin');
  const page = await web.get(`/admin/users/${ids.kevin}`);
  assert.match(page.text, /<dt>Tweestapsverificatie<\/dt><dd>aan<\/dd>/);
  assert.match(page.text, new RegExp(`action="/admin/users/${ids.kevin}/totp-reset"`));
  const withCode = await new WebClient(srv.base).post('/login', { username: 'kevin', password: DEMO_PASSWORD }, { csrf: false });
  assert.match(withCode.text, /Code invullen/, 'before the reset the password alone is not enough');
  const r = await web.post(`/admin/users/${ids.kevin}/totp-reset`);
  assert.equal(r.status, 303);
  assert.equal(r.location, `/admin/users/${ids.kevin}?melding=mfa_reset`);
  const after = await web.get(r.location);
  assert.match(after.text, /De tweestapsverificatie van de gebruiker is uitgezet/);
  assert.match(after.text, /<dt>Tweestapsverificatie<\/dt><dd>uit<\/dd>/);
  assert.doesNotMatch(after.text, /totp-reset/, 'nothing to switch off any more');
  await new WebClient(srv.base).login('kevin');
  assert.equal((await web.post('/admin/users/999999/totp-reset')).status, 404);

  await enrol('ruben');
  const api = await apiAs(srv.base, 'admin');
  assert.equal((await api.get(`/api/v1/users/${ids.ruben}`)).json.totp_enabled, true);
  const del = await api.delete(`/api/v1/users/${ids.ruben}/totp`);
  assert.equal(del.status, 204);
  assert.equal((await api.get(`/api/v1/users/${ids.ruben}`)).json.totp_enabled, false);
  const login = await new ApiClient(srv.base).post('/api/v1/session', { username: 'ruben', password: DEMO_PASSWORD });
  assert.equal(login.status, 201);
  assert.equal((await api.delete('/api/v1/users/999999/totp')).status, 404);
});

test('every change by the administrator is in the audit trail, under his name', async () => {
  const rows = cli(['audit', 'list', '--db', srv.db, '--user', String(ids[USERS.admin]), '--limit', '5000'])
    .trim().split('\n').slice(1).map((l) => l.split('\t'));
  const seen = new Set(rows.map((r) => `${r[4]} ${r[5]}`));
  for (const entry of ['create user', 'update user', 'update user_password', 'update user_disabled',
    'update user_enabled', 'update user_mfa_reset', 'create team', 'update team', 'search user', 'read user']) {
    assert.ok(seen.has(entry), `${entry} in ${[...seen].join(', ')}`);
  }
  assert.ok(rows.every((r) => r[3] === 'admin'), 'recorded with the administrator role');
  // The entries name the account changed, never a resident.
  assert.ok(rows.every((r) => r[7] === '0' && r[8] === '0' && r[9] === '0'), 'no household, person or case in the administrator\'s entries');
});

test('the administrator sees no household, case or plan: not by id, not in search, not on his start page', async () => {
  // A household with a case and a goal in the plan, made by a worker of the team.
  const worker = await apiAs(srv.base, 'worker');
  const h = await worker.post('/api/v1/households', {
    name: '', address: { postcode: '8925 AB', house_number: 7, house_letter: '', addition: '', street: 'Egelantierstraat', town: 'Leeuwarden' },
    members: [{ given_name: 'Trijntje', family_name: 'Wiersma', birth_date: '1979-03-02' }],
  });
  assert.equal(h.status, 201, h.text);
  const opened = await worker.post('/api/v1/cases', { household_id: h.json.id, reason: 'Schulden en zorgen om de kinderen' });
  assert.equal(opened.status, 201, opened.text);
  const c = opened.json;
  const web = await webAs(srv.base, 'admin');
  for (const p of [`/households/${c.household_id}`, `/cases/${c.id}`, `/households/${c.household_id}/case`, '/cases', '/search?q=de', '/frontdoor', '/team']) {
    const r = await web.get(p);
    assert.ok([403, 404].includes(r.status), `${p} gave ${r.status}`);
    assert.doesNotMatch(r.text, /Wiersma|Schulden en zorgen/, p);
  }
  const home = await web.get('/');
  assert.equal(home.status, 200);
  assert.doesNotMatch(home.text, /href="\/(cases|households)\/|Wiersma/);
  const api = await apiAs(srv.base, 'admin');
  for (const p of [`/api/v1/households/${c.household_id}`, `/api/v1/cases/${c.id}`, `/api/v1/cases/${c.id}/plan`,
    '/api/v1/cases', `/api/v1/teams/${teamId}/overview`, '/api/v1/households?q=de']) {
    const r = await api.get(p);
    assert.ok([403, 404].includes(r.status), `${p} gave ${r.status}`);
    assert.doesNotMatch(r.text, /Wiersma|Schulden en zorgen/, p);
  }
});

test('admin: the neighbourhoods of a team — ticked on its page, moved between teams, refused when unknown', async () => {
  const web = await webAs(srv.base, 'admin');
  const page = await web.get(`/admin/teams/${teamId}`);
  assert.match(page.text, /<legend[^>]*>Buurten<\/legend>/);
  assert.match(page.text, /id="f-nb-BU00800301" name="neighbourhood" value="BU00800301" checked>/);
  assert.match(page.text, /id="f-nb-BU00800201" name="neighbourhood" value="BU00800201">/);
  const base = { name: 'Heechterp-Schieringen', municipality: 'Leeuwarden', district_code: 'WK008003', prevention_share: '40', neighbourhoods_sent: '1' };
  const r = await web.post(`/admin/teams/${teamId}`, { ...base, neighbourhood: ['BU00800301', 'BU00800201'] });
  assert.equal(r.status, 303);
  const after = await web.get(r.location);
  assert.match(after.text, /value="BU00800302">/, 'Schieringen is no longer ticked');
  assert.match(after.text, /value="BU00800201" checked>/);
  const bogus = await web.post(`/admin/teams/${teamId}`, { ...base, neighbourhood: ['BU00800301', 'BU99999999'] });
  assert.equal(bogus.status, 400);
  assert.match(bogus.text, /href="#f-neighbourhoods">Kies buurten uit de lijst/);
  assert.match(bogus.text, /value="BU00800301" checked>/, 'the ticks that were sent are kept');

  // A second team takes Vrijheidswijk-West over; the first team's page says where it is now.
  const api = await apiAs(srv.base, 'admin');
  const other = await api.post('/api/v1/teams', { name: 'Vrijheidswijk', municipality: 'Leeuwarden', neighbourhoods: ['BU00800201', 'BU00800202'] });
  assert.equal(other.status, 201, other.text);
  assert.deepEqual(other.json.neighbourhoods.map((n) => n.name), ['Vrijheidswijk-Oost', 'Vrijheidswijk-West'], 'ordered by name');
  const first = await api.get(`/api/v1/teams/${teamId}`);
  assert.deepEqual(first.json.neighbourhoods.map((n) => n.name), ['Heechterp']);
  const moved = await web.get(`/admin/teams/${teamId}`);
  assert.match(moved.text, /Vrijheidswijk-West \(nu bij Vrijheidswijk\)/);
  const list = await api.get('/api/v1/neighbourhoods?municipality=Leeuwarden');
  assert.equal(list.status, 200);
  assert.equal(list.json.items.find((n) => n.code === 'BU00800201').team_id, other.json.id);
  assert.equal(list.json.items.find((n) => n.code === 'BU00800302').team_id, null);
  const bad = await api.patch(`/api/v1/teams/${teamId}`, { neighbourhoods: 'BU00800302' });
  assert.equal(bad.status, 400);
  assert.ok(bad.json.fields.neighbourhoods);
  const unknown = await api.patch(`/api/v1/teams/${teamId}`, { neighbourhoods: ['BU00800302', 'XX'] });
  assert.equal(unknown.status, 400);
  assert.equal((await api.get(`/api/v1/teams/${teamId}`)).json.neighbourhoods.length, 1, 'nothing half-written');
  const back = await api.patch(`/api/v1/teams/${teamId}`, { neighbourhoods: ['BU00800301', 'BU00800302'] });
  assert.equal(back.status, 200);
  assert.deepEqual(back.json.neighbourhoods.map((n) => n.code), ['BU00800301', 'BU00800302']);
  const audit = cli(['audit', 'list', '--db', srv.db, '--user', String(ids[USERS.admin]), '--limit', '5000']);
  assert.match(audit, new RegExp(`\\tupdate\\tteam_neighbourhoods\\t${teamId}\\t`));
});

test('console: the user and team subcommands follow the same rules as the pages', async () => {
  const run = (args, input) => {
    try { return { code: 0, out: cli([...args, '--db', srv.db], input) }; } catch (e) { return { code: e.status, out: String(e.stdout), err: String(e.stderr) }; }
  };
  const list = run(['user', 'list', '--search', 'hoek']);
  assert.equal(list.code, 0);
  assert.match(list.out, /\tmarieke\tteamleader\tHeechterp-Schieringen\tteam_leader\tactive/);
  assert.doesNotMatch(list.out, /\tsanne\t/);
  const edit = run(['user', 'edit', '--username', 'linda', '--name', 'Linda Postma-Hoekstra', '--discipline', 'elderly_advisor']);
  assert.equal(edit.code, 0, edit.err);
  const linda = await (await apiAs(srv.base, 'admin')).get(`/api/v1/users/${ids.linda}`);
  assert.equal(linda.json.display_name, 'Linda Postma-Hoekstra');
  assert.equal(linda.json.discipline, 'elderly_advisor');
  const noTeam = run(['user', 'edit', '--username', 'linda', '--team', 'none']);
  assert.equal(noTeam.code, 1);
  assert.match(noTeam.err, /team_id: Een sociaal werker of teamleider hoort bij een team/);
  const badRole = run(['user', 'edit', '--username', 'linda', '--role', 'chef']);
  assert.match(badRole.err, /role: Kies een rol/);
  const weak = run(['user', 'passwd', '--username', 'linda'], 'wachtwoord123\n');
  assert.match(weak.err, /te bekend of te eenvoudig/);

  const team = run(['team', 'edit', '--id', String(teamId), '--prevention', '45']);
  assert.equal(team.code, 0, team.err);
  assert.equal((await (await apiAs(srv.base, 'admin')).get(`/api/v1/teams/${teamId}`)).json.prevention_share, 45);
  const badShare = run(['team', 'edit', '--id', String(teamId), '--prevention', 'veel']);
  assert.match(badShare.err, /prevention_share: Het aandeel preventie/);
  const added = run(['team', 'neighbourhood', 'add', '--code', 'BU00800501', '--name', 'Camminghaburen', '--municipality', 'Leeuwarden']);
  assert.equal(added.code, 0, added.err);
  const again = run(['team', 'neighbourhood', 'add', '--code', 'BU00800501', '--name', 'Camminghaburen', '--municipality', 'Leeuwarden']);
  assert.match(again.err, /code: Deze buurt bestaat al/);
  const badCode = run(['team', 'neighbourhood', 'add', '--code', 'WK008005', '--name', 'X', '--municipality', 'Leeuwarden', '--team', '999']);
  assert.match(badCode.err, /code: Een buurtcode van het CBS/);
  assert.match(badCode.err, /team_id: Dit team bestaat niet/);
  assert.match(run(['team', 'neighbourhood', 'list']).out, /BU00800501\tCamminghaburen\tWK008005\tLeeuwarden\t\n/);
});
