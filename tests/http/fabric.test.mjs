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

// ---- 2. a plan action pointing to a collective activity ---------------------------------------------------------------

async function activity(client, over = {}) {
  const r = await client.post('/api/v1/activities', {
    title: 'Wandelgroep op woensdag', kind: 'walking_group', starts_on: isoDay(-30), ends_on: isoDay(200),
    place: 'Start bij het buurthuis', organisers: ['Riek van der Meer'], ...over,
  });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

// A case coordinated by `client` with one open goal; returns { c, goal }.
async function caseWithGoal(client) {
  const c = await newCase(client);
  const g = await client.post(`/api/v1/cases/${c.id}/goals`, { domain: 'health', body: 'Minder eenzaam zijn' });
  assert.equal(g.status, 201, g.text);
  return { c, goal: g.json };
}

const errorField = (r) => Object.keys((r.json && r.json.fields) || {});

test('activity on an action: set over the API, shown on the case page with a link, counted on the activity', async () => {
  const walk = await activity(api.community);
  const { c, goal } = await caseWithGoal(api.worker);
  const a = await api.worker.post(`/api/v1/goals/${goal.id}/actions`,
    { body: 'Meelopen met de wandelgroep', layer: 'network', performer: 'Buurvrouw Riek', activity_id: walk.id });
  assert.equal(a.status, 201, a.text);
  assert.equal(a.json.activity_id, walk.id);
  assert.equal(a.json.activity_title, 'Wandelgroep op woensdag');
  const plan = await api.worker.get(`/api/v1/cases/${c.id}/plan`);
  assert.equal(plan.json.goals[0].actions[0].activity_id, walk.id);

  const page = await web.worker.get(`/cases/${c.id}`);
  assert.equal(page.status, 200);
  assert.ok(page.text.includes(`href="/activities/${walk.id}">Wandelgroep op woensdag</a>`), 'the case page links the activity');

  // The coordinator sees which household; a colleague without need-to-know only the number.
  const mine = await api.worker.get(`/api/v1/activities/${walk.id}`);
  assert.equal(mine.status, 200, mine.text);
  assert.equal(mine.json.pointed_from_plans.count, 1);
  assert.equal(mine.json.pointed_from_plans.known.length, 1);
  assert.equal(mine.json.pointed_from_plans.known[0].case_id, c.id);
  assert.equal(mine.json.pointed_from_plans.known[0].action, 'Meelopen met de wandelgroep');
  for (const role of ['worker2', 'community']) {
    const other = await api[role].get(`/api/v1/activities/${walk.id}`);
    assert.equal(other.status, 200, other.text);
    assert.equal(other.json.pointed_from_plans.count, 1, role);
    assert.deepEqual(other.json.pointed_from_plans.known, [], `${role} learns no household`);
    const html = await web[role].get(`/activities/${walk.id}`);
    assert.equal(html.status, 200);
    assert.match(html.text, /1 huishouden is via zijn plan naar deze activiteit verwezen/);
    assert.ok(!html.text.includes(c.household_name), `${role} does not see the household's name`);
    assert.ok(!html.text.includes(`/cases/${c.id}`), `${role} gets no link to the case`);
  }
  const seen = await web.worker.get(`/activities/${walk.id}`);
  assert.ok(seen.text.includes(`href="/cases/${c.id}#h-plan">${c.household_name}</a>`), 'the coordinator sees which household');

  // Cleared with null; the count follows.
  const cleared = await api.worker.patch(`/api/v1/actions/${a.json.id}`, { activity_id: null });
  assert.equal(cleared.status, 200, cleared.text);
  assert.equal(cleared.json.activity_id, null);
  const after = await api.worker2.get(`/api/v1/activities/${walk.id}`);
  assert.equal(after.json.pointed_from_plans.count, 0);
});

test('activity on an action: validation names activity_id (unknown, another team, wrong layer, over)', async () => {
  const walk = await activity(api.community);
  const over = await activity(api.community, { title: 'Voorbije cursus', kind: 'course', starts_on: isoDay(-90), ends_on: isoDay(-10) });
  const theirs = await activity(other.api.worker, { title: 'Koffie in Noord' });
  const { goal } = await caseWithGoal(api.worker);
  const base = { body: 'Meedoen in de wijk', layer: 'volunteer', performer: 'Buurtmaatje' };
  for (const [what, body] of [
    ['unknown', { ...base, activity_id: 99999999 }],
    ['another team', { ...base, activity_id: theirs.id }],
    ['layer self', { ...base, layer: 'self', performer: 'Anna', activity_id: walk.id }],
    ['layer team', { ...base, layer: 'team', activity_id: walk.id }],
    ['over', { ...base, activity_id: over.id }],
    ['not a number', { ...base, activity_id: 'wandelen' }],
  ]) {
    const r = await api.worker.post(`/api/v1/goals/${goal.id}/actions`, body);
    assert.equal(r.status, 400, `${what}: ${r.text}`);
    assert.deepEqual(errorField(r), ['activity_id'], what);
  }
  // Unknown and another team's read the same: another team's activity does not leak.
  const u = await api.worker.post(`/api/v1/goals/${goal.id}/actions`, { ...base, activity_id: 99999999 });
  const t = await api.worker.post(`/api/v1/goals/${goal.id}/actions`, { ...base, activity_id: theirs.id });
  assert.equal(u.json.fields.activity_id, t.json.fields.activity_id);
  // Moving the layer of a pointing action away from network/volunteer is refused on activity_id.
  const ok = await api.worker.post(`/api/v1/goals/${goal.id}/actions`, { ...base, activity_id: walk.id });
  assert.equal(ok.status, 201, ok.text);
  const moved = await api.worker.patch(`/api/v1/actions/${ok.json.id}`, { layer: 'team' });
  assert.equal(moved.status, 400, moved.text);
  assert.deepEqual(errorField(moved), ['activity_id']);
});

test('activity on an action: the form offers the team\'s coming activities; a bad choice comes back with 400 on the field', async () => {
  const walk = await activity(api.community, { title: 'Koffieochtend in De Schakel', kind: 'coffee_morning' });
  await activity(api.community, { title: 'Oude huiswerkklas', kind: 'homework_help', starts_on: isoDay(-200), ends_on: isoDay(-30) });
  const theirs = await activity(other.api.worker, { title: 'Alleen in Noord' });
  const { c, goal } = await caseWithGoal(api.worker);
  const page = await web.worker.get(`/cases/${c.id}`);
  assert.match(page.text, /name="activity_id"/);
  assert.ok(page.text.includes(`<option value="${walk.id}">Koffieochtend in De Schakel`), 'a coming activity is offered');
  assert.ok(!page.text.includes('Oude huiswerkklas'), 'a past one is not');
  assert.ok(!page.text.includes('Alleen in Noord'), 'another team\'s is not');
  const bad = await web.worker.post(`/goals/${goal.id}/actions`,
    { body: 'Naar de koffieochtend', layer: 'self', performer: 'Anna', activity_id: String(walk.id), due_on: '' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Alleen een actie van het eigen netwerk of van vrijwilligers of buren/);
  assert.match(bad.text, /id="f-[^"]*activity_id[^"]*"[^>]*aria-invalid="true"/);
  const good = await web.worker.post(`/goals/${goal.id}/actions`,
    { body: 'Naar de koffieochtend', layer: 'volunteer', performer: 'Buurtmaatje', activity_id: String(walk.id), due_on: '' });
  assert.equal(good.status, 303, good.text);
  const plan = await api.worker.get(`/api/v1/cases/${c.id}/plan`);
  const x = plan.json.goals[0].actions.find((y) => y.body === 'Naar de koffieochtend');
  assert.equal(x.activity_id, walk.id);
  // The action page keeps the choice, also once the activity would no longer be offered.
  const form = await web.worker.get(`/actions/${x.id}`);
  assert.ok(form.text.includes(`<option value="${walk.id}" selected>`), 'the current activity is selected');
  assert.equal((await web.worker.post(`/actions/${x.id}`, { activity_id: '' })).status, 303);
  assert.equal((await api.worker.get(`/api/v1/cases/${c.id}/plan`)).json.goals[0].actions.find((y) => y.id === x.id).activity_id, null);
});

test('activity on an action: who may - a colleague without need-to-know, another team, admin and policy may not', async () => {
  const walk = await activity(api.community);
  const { goal } = await caseWithGoal(api.worker);
  const body = { body: 'Meelopen', layer: 'network', performer: 'Buurman', activity_id: walk.id };
  const mine = await api.worker.post(`/api/v1/goals/${goal.id}/actions`, body);
  assert.equal(mine.status, 201, mine.text);
  assert.equal((await api.worker2.post(`/api/v1/goals/${goal.id}/actions`, body)).status, 403);
  assert.equal((await api.worker2.patch(`/api/v1/actions/${mine.json.id}`, { activity_id: null })).status, 403);
  assert.equal((await other.api.worker.patch(`/api/v1/actions/${mine.json.id}`, { activity_id: null })).status, 404);
  for (const role of ['admin', 'policy']) {
    assert.equal((await api[role].post(`/api/v1/goals/${goal.id}/actions`, body)).status, 403, role);
    assert.equal((await api[role].patch(`/api/v1/actions/${mine.json.id}`, { activity_id: null })).status, 403, role);
    assert.equal((await api[role].get(`/api/v1/activities/${walk.id}`)).status, 403, role);
    assert.equal((await web[role].get(`/activities/${walk.id}`)).status, 403, role);
  }
  assert.equal((await other.api.worker.get(`/api/v1/activities/${walk.id}`)).status, 404);
  // The web form: the colleague without need-to-know is refused too.
  assert.equal((await web.worker2.post(`/actions/${mine.json.id}`, { activity_id: '' })).status, 403);
});

// ---- 3. volunteers through the front door -----------------------------------------------------------------------------

async function offerQuestion(client, householdId, kind = 'offer') {
  const r = await client.post('/api/v1/questions', {
    kind, channel: 'walk_in', name: 'Durk Wiersma', body: 'Ik wil best boodschappen doen voor ouderen in de straat',
    ...(householdId ? { household_id: householdId } : {}),
  });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

test('front door: an offer to help becomes a network offer in one step (API), with source voordeur and the legal ground', async () => {
  const h = await household(api.worker, 'Durk', 'Wiersma');
  const q = await offerQuestion(api.worker, h.id);
  const r = await api.worker.post(`/api/v1/questions/${q.id}/offer`,
    { person_id: h.person, skill: 'shopping', hours_per_week: 3, legal_ground: 'consent', note: 'Op dinsdag' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.source, 'frontdoor');
  assert.equal(r.json.question_id, q.id);
  assert.equal(r.json.legal_ground, 'consent');
  assert.equal(r.json.skill, 'shopping');
  const offers = await api.worker.get(`/api/v1/persons/${h.person}/offers`);
  assert.ok(offers.json.items.some((o) => o.id === r.json.id && o.source === 'frontdoor'), offers.text);
  // The question is handled, saying what became of it.
  const back = await api.worker.get(`/api/v1/questions/${q.id}`);
  assert.equal(back.json.status, 'handled');
  assert.match(back.json.outcome, /aanbod in het netwerk/);
  // A worker's own offer says so; the resident's own too.
  const own = await api.worker.post(`/api/v1/persons/${h.person}/offers`, { skill: 'company', source: 'resident' });
  assert.equal(own.status, 201, own.text);
  assert.equal(own.json.source, 'resident');
  const plain = await api.worker.post(`/api/v1/persons/${h.person}/offers`, { skill: 'transport' });
  assert.equal(plain.json.source, 'worker');
  const bad = await api.worker.post(`/api/v1/persons/${h.person}/offers`, { skill: 'transport', source: 'frontdoor' });
  assert.equal(bad.status, 400);
  assert.deepEqual(errorField(bad), ['source']);
});

test('front door: validation names the field (not an offer, person of another household, skill, legal ground)', async () => {
  const h = await household(api.worker, 'Tjitske', 'Postma');
  const stranger = await household(api.worker, 'Klaas', 'Dijkstra');
  const q = await offerQuestion(api.worker, h.id);
  const plainQ = await offerQuestion(api.worker, h.id, 'question');
  const base = { person_id: h.person, skill: 'shopping', legal_ground: 'consent' };
  for (const [what, path, body, field] of [
    ['a question, not an offer', `/api/v1/questions/${plainQ.id}/offer`, base, 'question_id'],
    ['someone of another household', `/api/v1/questions/${q.id}/offer`, { ...base, person_id: stranger.person }, 'person_id'],
    ['no person', `/api/v1/questions/${q.id}/offer`, { skill: 'shopping' }, 'person_id'],
    ['unknown skill', `/api/v1/questions/${q.id}/offer`, { ...base, skill: 'juggling' }, 'skill'],
    ['unknown ground', `/api/v1/questions/${q.id}/offer`, { ...base, legal_ground: 'because' }, 'legal_ground'],
    ['unknown member', `/api/v1/questions/${q.id}/offer`, { ...base, source: 'x' }, 'source'],
  ]) {
    const r = await api.worker.post(path, body);
    assert.equal(r.status, 400, `${what}: ${r.text}`);
    assert.deepEqual(errorField(r), [field], what);
  }
  const still = await api.worker.get(`/api/v1/questions/${q.id}`);
  assert.equal(still.json.status, 'open', 'a refused offer leaves the question open');
});

test('front door: the page turns an offer into a network offer; roles and other teams refused', async () => {
  const h = await household(api.worker, 'Aukje', 'Sikkema');
  const q = await offerQuestion(api.worker, h.id);
  const qp = await web.worker.get(`/frontdoor/${q.id}`);
  assert.ok(qp.text.includes(`href="/frontdoor/${q.id}/offer"`), 'the question page offers the step');
  const form = await web.worker.get(`/frontdoor/${q.id}/offer`);
  assert.equal(form.status, 200);
  assert.match(form.text, /Aukje Sikkema/);
  const bad = await web.worker.post(`/frontdoor/${q.id}/offer`, { person_id: String(h.person), skill: '', legal_ground: 'consent' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Kies een vaardigheid uit de lijst/);
  const ok = await web.worker.post(`/frontdoor/${q.id}/offer`,
    { person_id: String(h.person), skill: 'odd_jobs', hours_per_week: '2', note: '', legal_ground: 'consent' });
  assert.equal(ok.status, 303, ok.text);
  assert.match(ok.location, new RegExp(`/persons/${h.person}/offers`));
  const offers = await api.worker.get(`/api/v1/persons/${h.person}/offers`);
  assert.ok(offers.json.items.some((o) => o.skill === 'odd_jobs' && o.source === 'frontdoor' && o.question_id === q.id));
  const page = await web.worker.get(`/persons/${h.person}/offers`);
  assert.match(page.text, /voordeur/);

  const q2 = await offerQuestion(api.worker, h.id);
  const body = { person_id: h.person, skill: 'company', legal_ground: 'consent' };
  for (const role of ['admin', 'policy']) {
    assert.equal((await api[role].post(`/api/v1/questions/${q2.id}/offer`, body)).status, 403, role);
    assert.equal((await web[role].get(`/frontdoor/${q2.id}/offer`)).status, 403, role);
    assert.equal((await web[role].post(`/frontdoor/${q2.id}/offer`, { person_id: String(h.person), skill: 'company' })).status, 403, role);
  }
  assert.equal((await other.api.worker.post(`/api/v1/questions/${q2.id}/offer`, body)).status, 404);
  assert.equal((await other.web.worker.get(`/frontdoor/${q2.id}/offer`)).status, 404);
  for (const role of ['worker2', 'community', 'teamleader']) {
    assert.equal((await web[role].get(`/frontdoor/${q2.id}/offer`)).status, 200, role);
  }
  const done = await api.community.post(`/api/v1/questions/${q2.id}/offer`, body);
  assert.equal(done.status, 201, done.text);
});
