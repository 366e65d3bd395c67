// Helpers for the support tests (intake, assessments, referrals): a household
// with a case to work on, a worker of another team, and dates relative to today.
import assert from 'node:assert/strict';
import { cli, apiAs, webAs } from './lib.mjs';

let seq = 0;

// Registers a household of the demo team with an adult and a child, opens its case; returns ids.
export async function caseWithMembers(api, family = 'Bakker') {
  seq += 1;
  const h = await api.post('/api/v1/households', {
    name: `Huishouden ${family} ${seq}`,
    address: { postcode: '8925 AB', house_number: String(1000 + seq * 7 + Math.floor(Math.random() * 500) * 10), street: 'Heechterp', town: 'Leeuwarden' },
    members: [{ given_name: 'Marit', family_name: family, birth_date: '1979-04-03' },
      { given_name: 'Jelle', family_name: family, birth_date: '2015-08-20' }],
  });
  assert.equal(h.status, 201, `household: ${h.text}`);
  const c = await api.post('/api/v1/cases', { household_id: h.json.id, reason: 'Schulden en eenzaamheid' });
  assert.equal(c.status, 201, `case: ${c.text}`);
  return { householdId: h.json.id, caseId: c.json.id, adult: h.json.members[0].id, child: h.json.members[1].id };
}

// A worker of another team, logged in on the web and the API.
export async function outsider(base, db) {
  const out = cli(['team', 'add', '--db', db, '--name', `Team Buiten ${Date.now()}`, '--municipality', 'Leeuwarden']);
  const teamId = out.match(/id (\d+)/)[1];
  const username = `buiten${Date.now() % 100000}`;
  const password = 'een-ander-team-wachtwoord-42';
  cli(['user', 'add', '--db', db, '--username', username, '--name', 'Bram Buiten', '--role', 'worker', '--team', teamId], `${password}\n`);
  const { WebClient, ApiClient } = await import('./lib.mjs');
  const web = new WebClient(base);
  await web.get('/login');
  const r = await web.post('/login', { username, password }, { csrf: false });
  assert.equal(r.status, 303);
  await web.get('/');
  const s = await new ApiClient(base).post('/api/v1/session', { username, password });
  assert.equal(s.status, 201);
  return { web, api: new ApiClient(base, s.json.token) };
}

// Logged-in clients for every role.
export async function clients(base) {
  const api = {};
  const web = {};
  for (const role of ['worker', 'teamleader', 'admin', 'policy']) {
    api[role] = await apiAs(base, role);
    web[role] = await webAs(base, role);
  }
  return { api, web };
}

// Today plus n days as YYYY-MM-DD (local calendar, as the server computes it).
export function isoDay(n = 0) {
  const d = new Date();
  d.setDate(d.getDate() + n);
  const p = (x) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// The <main> of a page.
export function main(html) {
  const m = html.match(/<main[\s\S]*<\/main>/);
  return m ? m[0] : '';
}
