// The social fabric put to work across domains: match follow-ups in the work queue
// (like actions), plan actions pointing to collective activities, volunteers through the
// front door, and what helpers did recently. Every route for every role, allowed and
// forbidden, and need-to-know of the case respected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, apiAs, webAs } from './lib.mjs';
import { newCase, addToCase, isoDay, main, otherTeam } from './case-lib.mjs';

let srv;
const api = {};
const web = {};
let other;

let seq = 0;
// A household of the demo team with one member; returns { id, person }.
async function household(client, given, family) {
  seq += 1;
  const r = await client.post('/api/v1/households', {
    name: '',
    address: { postcode: '8924 EF', house_number: String(2000 + seq * 3 + Math.floor(Math.random() * 300) * 10), street: 'Wilgenstraat', town: 'Leeuwarden' },
    members: [{ given_name: given, family_name: family, birth_date: '1948-03-02' }],
  });
  assert.equal(r.status, 201, r.text);
  return { id: r.json.id, person: r.json.members[0].id };
}

// A need of household a met by a neighbour of household b, recorded by `client`; follow-up on `followUp`.
async function matchFixture(client, followUp, body = 'Boodschappen op vrijdag') {
  const a = await household(client, 'Grietje', `Hoekstra${seq}`);
  const b = await household(client, 'Durk', `Wiersma${seq}`);
  const o = await client.post(`/api/v1/persons/${b.person}/offers`, { skill: 'shopping', hours_per_week: 2 });
  assert.equal(o.status, 201, o.text);
  const n = await client.post('/api/v1/needs', { person_id: a.person, skill: 'shopping', body });
  assert.equal(n.status, 201, n.text);
  const m = await client.post(`/api/v1/needs/${n.json.id}/matches`, { offerer_id: b.person, status: 'asked', follow_up_on: followUp });
  assert.equal(m.status, 201, m.text);
  return { a, b, need: n.json.id, match: m.json.id };
}

before(async () => {
  srv = await startServer({ residents: 200 });
  for (const role of ['worker', 'community', 'teamleader', 'worker2', 'admin', 'policy']) {
    api[role] = await apiAs(srv.base, role);
    web[role] = await webAs(srv.base, role);
  }
  other = await otherTeam(srv);
});
after(async () => { await srv.stop(); });

// ---- 1. match follow-ups in the work queue ---------------------------------------------------------------------------

test('worklist: a due match shows for the worker who asked, overdue marked, with the link to record the follow-up', async () => {
  const late = await matchFixture(api.worker, isoDay(-2), 'Boodschappen op vrijdag (te laat)');
  const soon = await matchFixture(api.worker, isoDay(3), 'Naar de huisarts rijden');
  const later = await matchFixture(api.worker, isoDay(30), 'Samen wandelen in het park');

  const w = await api.worker.get('/api/v1/worklist');
  assert.equal(w.status, 200, w.text);
  const due = w.json.matches_due;
  assert.ok(Array.isArray(due), w.text);
  const byId = Object.fromEntries(due.map((m) => [m.match_id, m]));
  assert.ok(byId[late.match], 'the overdue match is listed');
  assert.equal(byId[late.match].overdue, true);
  assert.equal(byId[late.match].follow_up_on, isoDay(-2));
  assert.equal(byId[late.match].need_id, late.need);
  assert.equal(byId[late.match].url, `/needs/${late.need}/proposals#match-${late.match}`);
  assert.ok(byId[soon.match], 'the match due in three days is listed');
  assert.equal(byId[soon.match].overdue, false);
  assert.equal(byId[later.match], undefined, 'a follow-up a month away is not yet in the queue');
  // soonest first
  assert.ok(due.findIndex((m) => m.match_id === late.match) < due.findIndex((m) => m.match_id === soon.match));

  const home = await web.worker.get('/');
  assert.equal(home.status, 200);
  const m = main(home.text);
  assert.match(m, /Koppelingen om op te volgen/);
  assert.match(m, /Boodschappen op vrijdag \(te laat\)/);
  assert.match(m, /Naar de huisarts rijden/);
  assert.doesNotMatch(m, /Samen wandelen in het park/);
  assert.ok(m.includes(`href="/needs/${late.need}/proposals#match-${late.match}"`), 'links to the follow-up form');
  // The link leads to the form where the follow-up is recorded.
  const page = await web.worker.get(`/needs/${late.need}/proposals`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(`id="match-${late.match}"`));
  assert.ok(page.text.includes(`action="/matches/${late.match}"`));

  // Recording the result takes it out of the queue.
  const done = await api.worker.patch(`/api/v1/matches/${late.match}`, { status: 'declined', note: 'Geen tijd' });
  assert.equal(done.status, 200, done.text);
  const again = await api.worker.get('/api/v1/worklist');
  assert.ok(!again.json.matches_due.some((x) => x.match_id === late.match));
  // A new follow-up date a month away also takes it out (for now).
  const moved = await api.worker.patch(`/api/v1/matches/${soon.match}`, { follow_up_on: isoDay(30) });
  assert.equal(moved.status, 200, moved.text);
  const third = await api.worker.get('/api/v1/worklist');
  assert.ok(!third.json.matches_due.some((x) => x.match_id === soon.match));
});

test('worklist: another worker, the team leader and another team do not see the match; admin and policy 403', async () => {
  const f = await matchFixture(api.worker, isoDay(-1), 'Hulp bij de administratie van Grietje');
  for (const role of ['worker2', 'community', 'teamleader']) {
    const w = await api[role].get('/api/v1/worklist');
    assert.equal(w.status, 200, `${role}: ${w.text}`);
    assert.ok(!w.json.matches_due.some((m) => m.match_id === f.match), `${role} does not see it`);
    const home = await web[role].get('/');
    assert.equal(home.status, 200);
    assert.doesNotMatch(main(home.text), /Hulp bij de administratie van Grietje/, role);
  }
  const o = await other.api.worker.get('/api/v1/worklist');
  assert.equal(o.status, 200);
  assert.deepEqual(o.json.matches_due, []);
  for (const role of ['admin', 'policy']) {
    assert.equal((await api[role].get('/api/v1/worklist')).status, 403, role);
    const home = await web[role].get('/');
    assert.equal(home.status, 200);
    assert.doesNotMatch(home.text, /Koppelingen om op te volgen/, role);
  }
  // The worker who asked sees it; the matches of others' households do not leak into his queue either.
  const w = await api.worker.get('/api/v1/worklist');
  assert.ok(w.json.matches_due.some((m) => m.match_id === f.match));
});

test('worklist: need-to-know - a match of a case the worker left is no longer in his queue', async () => {
  // joost coordinates the case; sanne is a member, records a match, then leaves the case.
  const c = await newCase(api.worker2);
  const membership = await addToCase(api.worker2, c.id, api.worker);
  const h = await api.worker.get(`/api/v1/households/${c.household_id}`);
  assert.equal(h.status, 200, h.text);
  const person = h.json.members[0].id;
  const b = await household(api.worker, 'Sjoerd', 'Bosma');
  const o = await api.worker.post(`/api/v1/persons/${b.person}/offers`, { skill: 'company', hours_per_week: 1 });
  assert.equal(o.status, 201, o.text);
  const n = await api.worker.post('/api/v1/needs', { person_id: person, skill: 'company', body: 'Gezelschap voor Anna' });
  assert.equal(n.status, 201, n.text);
  const m = await api.worker.post(`/api/v1/needs/${n.json.id}/matches`, { offerer_id: b.person, follow_up_on: isoDay(0) });
  assert.equal(m.status, 201, m.text);
  let w = await api.worker.get('/api/v1/worklist');
  assert.ok(w.json.matches_due.some((x) => x.match_id === m.json.id), 'member: listed');
  const end = await api.worker2.delete(`/api/v1/cases/${c.id}/members/${membership.id}`);
  assert.ok(end.status === 200 || end.status === 204, end.text);
  w = await api.worker.get('/api/v1/worklist');
  assert.equal(w.status, 200);
  assert.ok(!w.json.matches_due.some((x) => x.match_id === m.json.id), 'no longer a member: not listed');
  const home = await web.worker.get('/');
  assert.doesNotMatch(main(home.text), /Gezelschap voor Anna/);
});
