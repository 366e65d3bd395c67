// Helpers for the case, plan, contact, team and home tests: households to work
// with (through the household API), cases, direct SQL on the test database
// (for states a test cannot reach through the interface, such as an action
// that became overdue), and the ids of the demo users.
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { PG, cli, ApiClient, WebClient } from './lib.mjs';

let seq = 0;

// Registers a household of team 1 through the API; returns its id.
export async function newHousehold(api, family = 'Vermeer') {
  seq += 1;
  const number = 100 + seq + Math.floor(Math.random() * 800) * 10;
  const r = await api.post('/api/v1/households', {
    name: `Huishouden ${family} ${seq}`,
    address: { postcode: '8924 CD', house_number: String(number), street: 'Schieringerweg', town: 'Leeuwarden' },
    members: [{ given_name: 'Anna', family_name: family, birth_date: '1984-06-02' },
      { given_name: 'Sem', family_name: family, birth_date: '2012-09-14' }],
  });
  assert.equal(r.status, 201, `household: ${r.text}`);
  return r.json.id;
}

// Opens a case over the API; returns the case.
export async function newCase(api, fields = {}) {
  const household_id = fields.household_id || await newHousehold(api);
  const r = await api.post('/api/v1/cases', { household_id, reason: 'Schulden en zorgen om de kinderen', ...fields });
  assert.equal(r.status, 201, `case: ${r.text}`);
  return r.json;
}

// A case with one goal and one action; returns { c, goal, action }.
export async function caseWithPlan(api, action = {}) {
  const c = await newCase(api);
  const g = await api.post(`/api/v1/cases/${c.id}/goals`, { domain: 'money', body: 'Rekeningen op tijd betalen' });
  assert.equal(g.status, 201, g.text);
  const a = await api.post(`/api/v1/goals/${g.json.id}/actions`,
    { body: 'Budgetcursus volgen', layer: 'volunteer', performer: 'Schuldhulpmaatje', ...action });
  assert.equal(a.status, 201, a.text);
  return { c, goal: g.json, action: a.json };
}

// Runs SQL on the test database (the server keeps running; SQLite's WAL allows it), on
// PostgreSQL through psql when the tests run there (make http-pg). Rows come back as
// "a|b" lines, the same on both.
export function sql(db, statement) {
  if (PG) {
    return execFileSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', db, '-c', statement],
      { encoding: 'utf8' }).trim();
  }
  return execFileSync('sqlite3', ['-cmd', '.timeout 5000', db, statement], { encoding: 'utf8' }).trim();
}

// The id of a user by role, through /api/v1/me.
export async function userId(api) {
  const r = await api.get('/api/v1/me');
  assert.equal(r.status, 200);
  return r.json.id;
}

// Today and n days from today as YYYY-MM-DD (local calendar, as the server computes it).
export function isoDay(n = 0) {
  const d = new Date();
  d.setDate(d.getDate() + n);
  const p = (x) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// The <main> of a page, for assertions on content rather than navigation.
export function main(html) {
  const m = html.match(/<main[\s\S]*<\/main>/);
  return m ? m[0] : '';
}

// A second team with a worker and a team leader (through the console, as an administrator would);
// returns { teamId, api: { worker, teamleader }, web: { worker, teamleader } }.
export async function otherTeam(srv) {
  const out = cli(['team', 'add', '--db', srv.db, '--name', 'Team Noord', '--municipality', 'Leeuwarden']);
  const teamId = Number(out.match(/id (\d+)/)[1]);
  const password = 'ander-team-wachtwoord-77';
  const users = { worker: 'wouter', teamleader: 'tineke' };
  const names = { worker: 'Wouter Anders', teamleader: 'Tineke Noord' };
  const result = { teamId, api: {}, web: {} };
  for (const [role, username] of Object.entries(users)) {
    cli(['user', 'add', '--db', srv.db, '--username', username, '--name', names[role], '--role', role,
      '--team', String(teamId)], `${password}\n`);
    const r = await new ApiClient(srv.base).post('/api/v1/session', { username, password });
    assert.equal(r.status, 201, r.text);
    result.api[role] = new ApiClient(srv.base, r.json.token);
    result.web[role] = await new WebClient(srv.base).login(username, password);
  }
  return result;
}

// Need-to-know: adds `member` (an ApiClient) to the case, as its coordinator or team leader
// `by` would, with a reason; without it only the coordinator sees the case.
export async function addToCase(by, caseId, member, reason = 'Werkt mee aan deze casus') {
  const r = await by.post(`/api/v1/cases/${caseId}/members`, { user_id: await userId(member), reason });
  assert.equal(r.status, 201, `member: ${r.text}`);
  return r.json.items.find((m) => m.ended_at === null && m.reason === reason);
}
