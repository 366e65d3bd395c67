// The neighbourhood network: relations, offers, needs, matching with reasons, the
// figures, and its privacy rules. Every route for every role (only the team's workers
// and team leader; never the administrator or the policy officer; another team gets
// 404), matching on a small network whose answer is known by hand, validation that
// names the field, every read in the audit trail, and removal at the resident's request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, WebClient, ApiClient, apiAs, webAs, cli } from './lib.mjs';

let srv;
const api = {};
const web = {};
let noord; // a worker of a second team, whose neighbourhood holds only what this file records
let noordWeb;
const NOORD_PASSWORD = 'noord-team-wachtwoord-42';

let pcSeq = 0;
const postcode = () => `${3000 + (++pcSeq)} NW`;

// A household of one or more members; returns { id, ids: [person ids] }.
async function household(client, members, street = 'Kerkstraat') {
  const r = await client.post('/api/v1/households', {
    name: '',
    address: { postcode: postcode(), house_number: 1 + pcSeq, street, town: 'Leeuwarden' },
    members: members.map(([given_name, family_name, birth_date]) => ({ given_name, family_name, birth_date })),
  });
  assert.equal(r.status, 201, r.text);
  return { id: r.json.id, ids: r.json.members.map((m) => m.id) };
}

const rel = (person_id, other_person_id, kind, over = {}) => ({
  person_id, other_person_id, kind, strength: 2, since: '2024-05-01', source: 'resident_self', legal_ground: 'consent', ...over,
});

async function relate(client, a, b, kind, over) {
  const r = await client.post('/api/v1/relations', rel(a, b, kind, over));
  assert.equal(r.status, 201, r.text);
  return r.json;
}

async function offer(client, pid, skill, over = {}) {
  const r = await client.post(`/api/v1/persons/${pid}/offers`, { skill, hours_per_week: 2, ...over });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

function auditRows(filter) {
  const out = cli(['audit', 'list', '--db', srv.db, ...filter, '--limit', '500']);
  const [head, ...rows] = out.trim().split('\n');
  const cols = head.split('\t');
  return rows.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])));
}

before(async () => {
  srv = await startServer({ residents: 200 });
  const out = cli(['team', 'add', '--db', srv.db, '--name', 'Team Noord', '--municipality', 'Leeuwarden']);
  const teamId = out.match(/id (\d+)/)[1];
  cli(['user', 'add', '--db', srv.db, '--username', 'wouter', '--name', 'Wouter Noord', '--role', 'worker', '--team', teamId],
    `${NOORD_PASSWORD}\n`);
  for (const role of ['worker', 'community', 'teamleader', 'admin', 'policy']) {
    api[role] = await apiAs(srv.base, role);
    web[role] = await webAs(srv.base, role);
  }
  const r = await new ApiClient(srv.base).post('/api/v1/session', { username: 'wouter', password: NOORD_PASSWORD });
  assert.equal(r.status, 201, r.text);
  noord = new ApiClient(srv.base, r.json.token);
  noordWeb = await new WebClient(srv.base).login('wouter', NOORD_PASSWORD);
});
after(async () => { await srv.stop(); });

// ---- access: every route, every role --------------------------------------------------------------------------------

// A small network of the demo team, recorded by a worker: two households, a relation, an offer, a need and a match.
async function teamFixture() {
  const a = await household(api.worker, [['Anouk', 'Visser', '1950-02-03']]);
  const b = await household(api.worker, [['Bram', 'Mulder', '1985-07-08']]);
  const r = await relate(api.worker, a.ids[0], b.ids[0], 'neighbour');
  const o = await offer(api.worker, b.ids[0], 'shopping');
  const n = await api.worker.post('/api/v1/needs', { person_id: a.ids[0], skill: 'shopping', body: 'Boodschappen op vrijdag' });
  assert.equal(n.status, 201, n.text);
  const m = await api.worker.post(`/api/v1/needs/${n.json.id}/matches`, { offerer_id: b.ids[0], status: 'asked' });
  assert.equal(m.status, 201, m.text);
  return { a, b, relation: r.id, offer: o.id, need: n.json.id, match: m.json.id };
}

test('web pages: the team sees them, admin and policy 403, another team 404, anonymous to the login', async () => {
  const f = await teamFixture();
  const pages = [`/households/${f.a.id}/network`, `/persons/${f.a.ids[0]}/offers`, `/persons/${f.a.ids[0]}/needs`,
    `/persons/${f.b.ids[0]}/network`, `/needs/${f.need}/proposals`];
  for (const p of [...pages, '/network']) {
    for (const role of ['worker', 'community', 'teamleader']) {
      const r = await web[role].get(p);
      assert.equal(r.status, 200, `${role} GET ${p}`);
    }
    for (const role of ['admin', 'policy']) assert.equal((await web[role].get(p)).status, 403, `${role} GET ${p}`);
    const anon = await new WebClient(srv.base).get(p);
    assert.equal(anon.status, 303, `anonymous GET ${p}`);
  }
  for (const p of pages) assert.equal((await noordWeb.get(p)).status, 404, `other team GET ${p}`);
  // The other team's /network shows its own (empty) neighbourhood, none of these names.
  const own = await noordWeb.get('/network');
  assert.equal(own.status, 200);
  assert.doesNotMatch(own.text, /Anouk|Bram/);
});

test('web forms: the team records, admin and policy 403, another team 404', async () => {
  const f = await teamFixture();
  const posts = (x) => [
    [`/households/${x.a.id}/relations`, { person_id: x.a.ids[0], other_person_id: x.b.ids[0], kind: 'friend', strength: '3', source: 'worker_observed', legal_ground: 'public_task' }],
    [`/persons/${x.b.ids[0]}/offers`, { skill: 'company', hours_per_week: '1', legal_ground: 'consent' }],
    [`/persons/${x.b.ids[0]}/load`, { capacity: '3' }],
    [`/persons/${x.a.ids[0]}/new-resident`, { is_new: '1' }],
    [`/households/${x.a.id}/needs`, { person_id: x.a.ids[0], skill: 'company', body: 'Koffie drinken' }],
    [`/persons/${x.a.ids[0]}/needs`, { skill: 'transport', body: 'Naar de huisarts' }],
    [`/needs/${x.need}/status`, { status: 'open' }],
    [`/matches/${x.match}`, { status: 'accepted', note: 'Ze doen het samen' }],
    [`/offers/${x.offer}/active`, { active: '0' }],
    [`/relations/${x.relation}/end`, { household_id: x.a.id }],
  ];
  for (const role of ['admin', 'policy']) {
    for (const [p, body] of posts(f)) assert.equal((await web[role].post(p, body)).status, 403, `${role} POST ${p}`);
  }
  for (const [p, body] of posts(f)) assert.equal((await noordWeb.post(p, body)).status, 404, `other team POST ${p}`);
  for (const [p, body] of posts(f)) {
    const r = await web.worker.post(p, body);
    assert.equal(r.status, 303, `worker POST ${p}: ${r.text.slice(0, 300)}`);
  }
  const g = await teamFixture();
  for (const [p, body] of posts(g)) {
    const r = await web.teamleader.post(p, body);
    assert.equal(r.status, 303, `teamleader POST ${p}`);
  }
  // Removal routes last: they take the records away.
  for (const role of ['admin', 'policy']) {
    for (const p of [`/relations/${g.relation}/remove`, `/offers/${g.offer}/remove`, `/needs/${g.need}/remove`, `/persons/${g.a.ids[0]}/network/remove`]) {
      assert.equal((await web[role].post(p, {})).status, 403, `${role} POST ${p}`);
    }
  }
  for (const p of [`/relations/${g.relation}/remove`, `/offers/${g.offer}/remove`, `/needs/${g.need}/remove`, `/persons/${g.a.ids[0]}/network/remove`]) {
    assert.equal((await noordWeb.post(p, {})).status, 404, `other team POST ${p}`);
    assert.equal((await web.community.post(p, {})).status, 303, `community worker POST ${p}`);
  }
});

test('API: the team reads and writes, admin and policy 403, another team 404, without a token 401', async () => {
  const f = await teamFixture();
  const reads = [
    `/api/v1/relations?person_id=${f.a.ids[0]}`, `/api/v1/households/${f.a.id}/relations`, `/api/v1/persons/${f.b.ids[0]}/offers`,
    `/api/v1/households/${f.a.id}/needs`, `/api/v1/needs/${f.need}`, `/api/v1/needs/${f.need}/proposals`,
    `/api/v1/persons/${f.a.ids[0]}/network`,
  ];
  for (const p of [...reads, '/api/v1/network/figures', '/api/v1/network/helpers']) {
    for (const role of ['worker', 'community', 'teamleader']) assert.equal((await api[role].get(p)).status, 200, `${role} GET ${p}`);
    for (const role of ['admin', 'policy']) {
      const r = await api[role].get(p);
      assert.equal(r.status, 403, `${role} GET ${p}`);
      assert.equal(r.json.error, 'forbidden');
    }
    assert.equal((await new ApiClient(srv.base).get(p)).status, 401, `anonymous GET ${p}`);
  }
  for (const p of reads) assert.equal((await noord.get(p)).status, 404, `other team GET ${p}`);

  const writes = (x) => [
    ['POST', '/api/v1/relations', rel(x.a.ids[0], x.b.ids[0], 'acquaintance'), 201],
    ['POST', `/api/v1/relations/${x.relation}/end`, { ended_on: '2025-01-01' }, 204],
    ['POST', `/api/v1/persons/${x.b.ids[0]}/offers`, { skill: 'transport' }, 201],
    ['PATCH', `/api/v1/offers/${x.offer}`, { active: false }, 200],
    ['PUT', `/api/v1/persons/${x.b.ids[0]}/load`, { capacity: 4, carries_much: false }, 200],
    ['POST', '/api/v1/needs', { household_id: x.a.id, skill: 'odd_jobs', body: 'Een lamp ophangen' }, 201],
    ['PATCH', `/api/v1/needs/${x.need}`, { status: 'open' }, 200],
    ['PATCH', `/api/v1/matches/${x.match}`, { status: 'declined', note: 'Geen tijd' }, 200],
    ['DELETE', `/api/v1/offers/${x.offer}`, undefined, 204],
    ['DELETE', `/api/v1/relations/${x.relation}`, undefined, 204],
    ['DELETE', `/api/v1/needs/${x.need}`, undefined, 204],
    ['DELETE', `/api/v1/persons/${x.b.ids[0]}/network`, undefined, 204],
  ];
  for (const role of ['admin', 'policy']) {
    for (const [m, p, b] of writes(f)) assert.equal((await api[role].req(m, p, b)).status, 403, `${role} ${m} ${p}`);
  }
  for (const [m, p, b] of writes(f)) {
    const r = await noord.req(m, p, b);
    // Records of another team do not exist for him; persons of another team are a field error.
    assert.ok([400, 404].includes(r.status), `other team ${m} ${p} gave ${r.status}`);
    if (r.status === 400) assert.ok(r.json.fields.person_id || r.json.fields.household_id, r.text);
  }
  for (const [m, p, b] of writes(f)) assert.equal((await new ApiClient(srv.base).req(m, p, b)).status, 401, `anonymous ${m} ${p}`);
  for (const role of ['worker', 'teamleader']) {
    const x = await teamFixture();
    for (const [m, p, b, want] of writes(x)) {
      const r = await api[role].req(m, p, b);
      assert.equal(r.status, want, `${role} ${m} ${p}: ${r.text}`);
    }
  }
});

// ---- matching on a network whose answer is known --------------------------------------------------------------------

test('matching: a friend of a friend first, then a stranger; never someone in conflict, at his limit or in the household', async () => {
  // Jan needs help with his administration; his wife Ria could, but she is the household itself.
  const jan = await household(noord, [['Jan', 'de Boer', '1948-03-01'], ['Ria', 'de Boer', '1950-06-01']], 'Molenweg');
  const klaas = await household(noord, [['Klaas', 'Hoekstra', '1960-01-01']]);
  const piet = await household(noord, [['Piet', 'Zijlstra', '1970-01-01']]);   // finance background, friend of Klaas
  const henk = await household(noord, [['Henk', 'Postma', '1980-01-01']]);     // nobody the household knows
  const kees = await household(noord, [['Kees', 'Dijkstra', '1975-01-01']]);   // on a war footing with Jan
  const truus = await household(noord, [['Truus', 'Bosma', '1965-01-01']]);    // already carries much
  await relate(noord, jan.ids[0], klaas.ids[0], 'friend');
  await relate(noord, klaas.ids[0], piet.ids[0], 'friend');
  await relate(noord, kees.ids[0], jan.ids[0], 'conflict');
  await offer(noord, piet.ids[0], 'administration', { note: 'werkte bij een bank' });
  await offer(noord, henk.ids[0], 'administration');
  await offer(noord, kees.ids[0], 'administration');
  await offer(noord, truus.ids[0], 'administration');
  await offer(noord, jan.ids[1], 'administration');
  await offer(noord, klaas.ids[0], 'odd_jobs');
  const load = await noord.put(`/api/v1/persons/${truus.ids[0]}/load`, { capacity: 2, carries_much: true });
  assert.equal(load.status, 200, load.text);
  assert.equal(load.json.load.at_limit, true);

  const need = await noord.post('/api/v1/needs', { person_id: jan.ids[0], skill: 'administration', body: 'Hulp bij de post en de rekeningen' });
  assert.equal(need.status, 201, need.text);
  assert.equal(need.json.household_id, jan.id);
  assert.equal(need.json.source, 'worker');
  let p = await noord.get(`/api/v1/needs/${need.json.id}/proposals`);
  assert.equal(p.status, 200, p.text);
  assert.deepEqual(p.json.items.map((c) => c.name), ['Piet Zijlstra', 'Henk Postma']);
  assert.deepEqual(p.json.excluded, { conflict: 1, at_limit: 1 });
  const [first, second] = p.json.items;
  assert.equal(first.network_depth, 2);
  assert.ok(first.reasons.includes('heeft administratie als vaardigheid (2 uur per week)'), first.reasons.join(' | '));
  assert.ok(first.reasons.includes('vriend van een vriend via Klaas Hoekstra'), first.reasons.join(' | '));
  assert.ok(first.reasons.includes('heeft ruimte: 0 van 2 plaatsen bezet'), first.reasons.join(' | '));
  assert.equal(second.network_depth, 0);
  assert.ok(!second.reasons.some((r) => r.includes('vriend')), second.reasons.join(' | '));

  // Asking someone in conflict with the household is refused, whoever picked him.
  let m = await noord.post(`/api/v1/needs/${need.json.id}/matches`, { offerer_id: kees.ids[0] });
  assert.equal(m.status, 400);
  assert.match(m.json.fields.offerer_id, /conflict/);
  m = await noord.post(`/api/v1/needs/${need.json.id}/matches`, { offerer_id: jan.ids[1] });
  assert.equal(m.status, 400);
  assert.match(m.json.fields.offerer_id, /huishouden zelf/);

  // Piet is asked: followed up in two weeks, and no longer proposed for this need.
  m = await noord.post(`/api/v1/needs/${need.json.id}/matches`, { offerer_id: piet.ids[0], reasons: first.reasons.join('; ') });
  assert.equal(m.status, 201, m.text);
  assert.equal(m.json.status, 'asked');
  const due = new Date(Date.now() + 14 * 86400000).toISOString().slice(0, 10);
  assert.equal(m.json.follow_up_on, due);
  p = await noord.get(`/api/v1/needs/${need.json.id}/proposals`);
  assert.deepEqual(p.json.items.map((c) => c.name), ['Henk Postma']);

  // He says yes: the need is matched and Piet carries one more.
  const bad = await noord.patch(`/api/v1/matches/${m.json.id}`, { status: 'teleported' });
  assert.equal(bad.status, 400);
  assert.ok(bad.json.fields.status);
  const ok = await noord.patch(`/api/v1/matches/${m.json.id}`, { status: 'accepted', note: 'Elke dinsdag een uur' });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.status, 'accepted');
  const back = await noord.patch(`/api/v1/matches/${m.json.id}`, { status: 'asked' });
  assert.equal(back.status, 400, 'a match does not go back from accepted to asked');
  const n = await noord.get(`/api/v1/needs/${need.json.id}`);
  assert.equal(n.json.status, 'matched');
  assert.equal(n.json.matches.length, 1);
  assert.equal(n.json.matches[0].offerer_name, 'Piet Zijlstra');
  const po = await noord.get(`/api/v1/persons/${piet.ids[0]}/offers`);
  assert.equal(po.json.load.active_matches, 1);

  // Henk's capacity is 0: he is at his limit and is no longer proposed for a new need.
  await noord.put(`/api/v1/persons/${henk.ids[0]}/load`, { capacity: 0 });
  const need2 = await noord.post('/api/v1/needs', { household_id: jan.id, skill: 'administration', body: 'Belastingaangifte' });
  p = await noord.get(`/api/v1/needs/${need2.json.id}/proposals`);
  assert.deepEqual(p.json.items.map((c) => c.name), ['Piet Zijlstra']);
  assert.deepEqual(p.json.excluded, { conflict: 1, at_limit: 2 });

  // The neighbourhood figures of this team: 7 residents, Jan-Klaas-Piet one group, Klaas the link between them.
  const fig = await noord.get('/api/v1/network/figures');
  assert.equal(fig.status, 200, fig.text);
  assert.equal(fig.json.now.residents, 7);
  assert.equal(fig.json.now.relations, 2);
  assert.equal(fig.json.now.conflicts, 1);
  assert.equal(fig.json.now.isolated, 4); // Ria, Henk, Kees (a conflict is no tie), Truus
  assert.equal(fig.json.now.clusters, 1);
  assert.equal(fig.json.now.largest_cluster, 3);
  assert.equal(fig.json.connectors[0].name, 'Klaas Hoekstra');
  assert.equal(fig.json.connectors[0].bridge, true);
  assert.equal(fig.json.conflicts.length, 1);
  // The connectors and volunteers list says what each did lately: Piet's accepted match, and the walking
  // group he organises (an activity of the team); the need's household is not named.
  const today = new Date().toISOString().slice(0, 10);
  const walk = await noord.post('/api/v1/activities', { title: 'Wandelgroep De Tuinen', kind: 'walking_group', starts_on: today, place: 'Buurthuis', organisers: ['Tine'] });
  assert.equal(walk.status, 201, walk.text);
  const role = await noord.post(`/api/v1/activities/${walk.json.id}/people`, { role: 'organiser', person_id: piet.ids[0] });
  assert.equal(role.status, 201, role.text);
  const helpers = await noord.get('/api/v1/network/helpers');
  const pietHelper = helpers.json.items.find((h) => h.name === 'Piet Zijlstra');
  assert.ok(pietHelper && pietHelper.recent_matches === 1, helpers.text);
  assert.deepEqual(pietHelper.recent.map((r) => [r.kind, r.skill ?? r.title, r.status ?? r.role]),
    [['match', 'administration', 'accepted'], ['activity', 'Wandelgroep De Tuinen', 'organiser']]);
  assert.equal(pietHelper.recent[1].activity_id, walk.json.id);
  assert.ok(!JSON.stringify(pietHelper.recent).includes('Jan'), 'the helped household is not named');
  const page = await noordWeb.get('/network');
  assert.equal(page.status, 200);
  assert.match(page.text, /Onlangs gedaan/);
  assert.match(page.text, /administratie: akkoord, helpt \(/);
  assert.match(page.text, new RegExp(`organiseert <a class="utrecht-link" href="/activities/${walk.json.id}">Wandelgroep De Tuinen</a>`));
});

test('a need from a plan action in the network layer, and from a front door question', async () => {
  const h = await household(noord, [['Sietske', 'Wiersma', '1940-04-04']]);
  const c = await noord.post('/api/v1/cases', { household_id: h.id, reason: 'Vereenzaming na overlijden partner' });
  assert.equal(c.status, 201, c.text);
  const g = await noord.post(`/api/v1/cases/${c.json.id}/goals`, { domain: 'participation', body: 'Weer mensen zien' });
  assert.equal(g.status, 201, g.text);
  const net = await noord.post(`/api/v1/goals/${g.json.id}/actions`, { body: 'Iemand uit de buurt om mee te wandelen', layer: 'volunteer', performer: 'buurtgenoot' });
  assert.equal(net.status, 201, net.text);
  const team = await noord.post(`/api/v1/goals/${g.json.id}/actions`, { body: 'Huisbezoek', layer: 'team', performer: 'Wouter' });
  assert.equal(team.status, 201, team.text);
  const n = await noord.post('/api/v1/needs', { action_id: net.json.id, skill: 'company' });
  assert.equal(n.status, 201, n.text);
  assert.equal(n.json.source, 'action');
  assert.equal(n.json.body, 'Iemand uit de buurt om mee te wandelen');
  assert.equal(n.json.household_id, h.id);
  let r = await noord.post('/api/v1/needs', { action_id: net.json.id, skill: 'company' });
  assert.equal(r.status, 400);
  assert.match(r.json.fields.action_id, /al een hulpvraag/);
  r = await noord.post('/api/v1/needs', { action_id: team.json.id, skill: 'company' });
  assert.equal(r.status, 400);
  assert.match(r.json.fields.action_id, /laag/);
  assert.equal((await api.worker.post('/api/v1/needs', { action_id: net.json.id, skill: 'company' })).status, 404);

  const q = await noord.post('/api/v1/questions', { kind: 'question', channel: 'walk_in', name: 'Sietske Wiersma', body: 'Wie kan mij naar de markt brengen?', household_id: h.id });
  assert.equal(q.status, 201, q.text);
  const qn = await noord.post('/api/v1/needs', { household_id: h.id, skill: 'transport', body: 'Naar de markt op zaterdag', question_id: q.json.id });
  assert.equal(qn.status, 201, qn.text);
  assert.equal(qn.json.source, 'question');
  assert.equal(qn.json.question_id, q.json.id);
});

// ---- validation -----------------------------------------------------------------------------------------------------

test('bad input: every wrong field is named, nothing is written', async () => {
  const a = await household(api.worker, [['Cor', 'Kramer', '1970-01-01']]);
  const b = await household(api.worker, [['Dineke', 'Kramer', '1972-01-01']]);
  let r = await api.worker.post('/api/v1/relations', { person_id: a.ids[0], other_person_id: a.ids[0], kind: 'enemy', strength: 7, since: '2999-01-01' });
  assert.equal(r.status, 400);
  assert.equal(r.json.error, 'invalid');
  for (const f of ['other_person_id', 'kind', 'strength', 'since', 'source', 'legal_ground']) assert.ok(r.json.fields[f], `${f}: ${r.text}`);
  r = await api.worker.post('/api/v1/relations', { person_id: 'x' });
  assert.equal(r.status, 400);
  assert.ok(r.json.fields.person_id);
  await relate(api.worker, a.ids[0], b.ids[0], 'family');
  r = await api.worker.post('/api/v1/relations', rel(b.ids[0], a.ids[0], 'family'));
  assert.equal(r.status, 400, 'the same relation the other way round is the same relation');
  assert.match(r.json.fields.kind, /al vastgelegd/);
  const rels = await api.worker.get(`/api/v1/households/${a.id}/relations`);
  assert.equal(rels.json.items.length, 1);
  r = await api.worker.post(`/api/v1/persons/${a.ids[0]}/offers`, { skill: 'juggling', hours_per_week: 99, legal_ground: 'whim' });
  assert.equal(r.status, 400);
  for (const f of ['skill', 'hours_per_week', 'legal_ground']) assert.ok(r.json.fields[f], `${f}: ${r.text}`);
  r = await api.worker.post('/api/v1/needs', { skill: 'transport' });
  assert.equal(r.status, 400);
  for (const f of ['household_id', 'body']) assert.ok(r.json.fields[f], `${f}: ${r.text}`);
  r = await api.worker.put(`/api/v1/persons/${a.ids[0]}/load`, { capacity: 50 });
  assert.equal(r.status, 400);
  assert.ok(r.json.fields.capacity);
  r = await api.worker.get('/api/v1/relations');
  assert.equal(r.status, 400);
  assert.ok(r.json.fields.person_id);
  r = await api.worker.get('/api/v1/network/figures?compare_on=gisteren');
  assert.equal(r.status, 400);
  assert.ok(r.json.fields.compare_on);
  const body = await api.worker.req('POST', '/api/v1/relations', '{"person_id": ', {});
  assert.equal(body.status, 400);

  // The web form shows the errors next to the fields and keeps what was typed.
  const page = await web.worker.post(`/households/${a.id}/relations`, { q: 'Dineke', person_id: a.ids[0], other_person_id: b.ids[0], kind: 'friend', note: 'Zien elkaar elke week' });
  assert.equal(page.status, 400);
  assert.match(page.text, /utrecht-form-field-error-message/);
  assert.match(page.text, /Kies de bron/);
  assert.match(page.text, /Kies de grondslag/);
  assert.match(page.text, /Zien elkaar elke week/);
  const off = await web.worker.post(`/persons/${a.ids[0]}/offers`, { skill: '', hours_per_week: 'veel' });
  assert.equal(off.status, 400);
  assert.match(off.text, /Kies een vaardigheid/);
  assert.match(off.text, /heel getal van 0 tot 40/);
});

// ---- privacy ----------------------------------------------------------------------------------------------------------

test('privacy: source and legal ground recorded, every read logged, a resident sees and removes what is recorded about him', async () => {
  const a = await household(api.worker, [['Els', 'Terpstra', '1944-09-09']]);
  const b = await household(api.worker, [['Frank', 'Terpstra', '1941-01-01']]);
  const c = await household(api.worker, [['Greet', 'de Jong', '1990-01-01']]);
  await relate(api.worker, a.ids[0], b.ids[0], 'informal_carer_of', { source: 'family', legal_ground: 'consent', ground_note: 'mondeling bij huisbezoek' });
  await relate(api.worker, a.ids[0], c.ids[0], 'neighbour', { source: 'worker_observed', legal_ground: 'legitimate_interest' });
  await offer(api.worker, a.ids[0], 'cooking', { legal_ground: 'consent' });
  const nd = await api.worker.post('/api/v1/needs', { person_id: a.ids[0], skill: 'transport', body: 'Naar de fysiotherapeut' });
  assert.equal(nd.status, 201);

  // What is recorded about Els, with where it came from and on which ground.
  const d = await api.community.get(`/api/v1/persons/${a.ids[0]}/network`);
  assert.equal(d.status, 200, d.text);
  assert.equal(d.json.relations.length, 2);
  const care = d.json.relations.find((x) => x.kind === 'informal_carer_of');
  assert.equal(care.source, 'family');
  assert.equal(care.legal_ground, 'consent');
  assert.equal(care.ground_note, 'mondeling bij huisbezoek');
  assert.ok(care.recorded_by && care.recorded_at);
  assert.equal(d.json.offers.length, 1);
  assert.equal(d.json.needs.length, 1);
  assert.equal(d.json.load.cares_for, 1);
  const page = await web.worker.get(`/persons/${a.ids[0]}/network`);
  assert.match(page.text, /verteld door familie/);
  assert.match(page.text, /toestemming van de bewoner/);
  assert.match(page.text, /mondeling bij huisbezoek/);

  // Every read was logged, with whose data it was, also for Frank, who is no client.
  const me = (await api.community.get('/api/v1/me')).json.id;
  const reads = auditRows(['--person', String(b.ids[0])]).filter((x) => x.action === 'read' && x.entity === 'relation');
  assert.ok(reads.some((x) => Number(x.user) === me), 'the community worker\'s read of Frank\'s relation is logged');
  await web.teamleader.get(`/households/${b.id}/network`);
  const tl = (await api.teamleader.get('/api/v1/me')).json.id;
  assert.ok(auditRows(['--person', String(b.ids[0])]).some((x) => x.action === 'read' && Number(x.user) === tl));
  // A denied look is no look: the administrator's attempt leaves no read of Els.
  const before = auditRows(['--person', String(a.ids[0])]).length;
  assert.equal((await api.admin.get(`/api/v1/persons/${a.ids[0]}/network`)).status, 403);
  assert.equal(auditRows(['--person', String(a.ids[0])]).length, before);

  // Removal at her request: all of it goes, also the relation seen from Frank's side; the removal itself is logged.
  const del = await api.worker.delete(`/api/v1/persons/${a.ids[0]}/network`);
  assert.equal(del.status, 204);
  const after = await api.worker.get(`/api/v1/persons/${a.ids[0]}/network`);
  assert.deepEqual([after.json.relations.length, after.json.offers.length, after.json.needs.length], [0, 0, 0]);
  assert.equal((await api.worker.get(`/api/v1/households/${b.id}/relations`)).json.items.length, 0);
  assert.ok(auditRows(['--person', String(a.ids[0])]).some((x) => x.action === 'delete' && x.entity === 'network'));
  assert.match(cli(['audit', 'verify', '--db', srv.db]), /audit trail intact/);
});

test('the eco-map: SVG drawn by the server with a text alternative; a new resident is marked', async () => {
  const a = await household(api.worker, [['Hiske', 'Bouma', '1938-02-02']]);
  const b = await household(api.worker, [['Ids', 'Bouma', '1965-02-02']]);
  const c = await household(api.worker, [['Jelle', 'Kuipers', '1970-02-02']]);
  await relate(api.worker, b.ids[0], a.ids[0], 'informal_carer_of', { strength: 3 });
  await relate(api.worker, a.ids[0], c.ids[0], 'conflict', { source: 'neighbour', legal_ground: 'legitimate_interest' });
  let r = await web.worker.post(`/persons/${a.ids[0]}/new-resident`, { is_new: '1' });
  assert.equal(r.status, 303);
  r = await web.worker.get(`/households/${a.id}/network`);
  assert.equal(r.status, 200);
  assert.match(r.text, /<svg[^>]*role="img"[^>]*aria-labelledby="eco-title eco-desc"/);
  assert.match(r.text, /<title id="eco-title">Ecogram van [^<]*Bouma<\/title>/);
  assert.match(r.text, /2 mensen rond het huishouden/);
  assert.match(r.text, /marker-start="url\(#eco-arrow\)"/, 'Ids cares for Hiske: the arrow points at the household');
  assert.match(r.text, /stroke="#b00020"/, 'the conflict in its colour');
  assert.match(r.text, /<th scope="row" class="utrecht-table__header-cell">Ids Bouma<\/th><td class="utrecht-table__cell">mantelzorger van/);
  assert.match(r.text, /ja, nieuw/);
  assert.equal((await api.worker.get(`/api/v1/persons/${a.ids[0]}`)).json.is_new_resident, true);
});
