// Need-to-know (issue 7): every case-content route (web and API), taken from the
// router itself, for every role and every relation to the case:
// - the coordinator and a member added with a reason see and change the content;
// - a worker of the same team who is no member, and the team leader who is no
//   member, get 403 (the "known to the team" page / "need_to_know" with the case
//   id) without any of the content, and change nothing;
// - the policy officer and the administrator get 403, never content;
// - a worker of another team gets 404 (the case is not even known to exist);
// - break the glass: a reason is required; access for a limited time (the server
//   runs with --break-glass 4s), recorded in the audit trail with the reason,
//   reported to the coordinator and team leader, and gone when it expired;
// - a membership ends, and with it the access; the coordinator sees who looked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, runCli, webAs, apiAs } from './lib.mjs';
import { otherTeam, userId, isoDay, main, sql } from './case-lib.mjs';

const GLASS_SECONDS = 4;
const SECRET_REASON = 'Vertrouwelijk-7731: zorgen om huiselijk geweld';
const SECRET_GIVEN = 'Wendelien';

let srv, api, web, other, ids, service;
let seq = 0;

// Content routes: everything under a case, its plan, its household and the persons, assessments and network of it.
const CONTENT = /^(\/api\/v1)?\/(cases|goals|actions|households|persons|assessments|intakes\/findings|relations|needs|consents|referrals)\/\{id\}/;
// Routes with their own tests below (membership, emergency access, who looked), and the resident's
// rights (his file, erasure), which are for the coordinator and the team leader (tests/http/privacy.test.mjs).
const ACCESS_ROUTES = /\/(members|emergency-access|access-log)(\/|$)|\/persons\/\{id\}\/(rights|file|file\.pdf|erase|erasure)$/;
const routes = cli(['routes']).trim().split('\n').map((l) => {
  const [method, pattern] = l.split('\t');
  return { method, pattern };
}).filter((r) => CONTENT.test(r.pattern) && !ACCESS_ROUTES.test(r.pattern));

// A household with a case, plan, contact, intake, assessment, relation and need, coordinated by the worker.
async function fixture(coordinator) {
  seq += 1;
  const h = await coordinator.post('/api/v1/households', {
    name: `Huishouden Zwart ${seq}`,
    address: { postcode: '8924 CD', house_number: String(2000 + seq * 11 + Math.floor(Math.random() * 300) * 10), street: 'Schieringerweg', town: 'Leeuwarden' },
    members: [{ given_name: SECRET_GIVEN, family_name: 'Zwart', birth_date: '1983-02-11' },
      { given_name: 'Tjitske', family_name: 'Zwart', birth_date: '2013-07-30' }],
  });
  assert.equal(h.status, 201, h.text);
  const [adult, child] = h.json.members.map((m) => m.id);
  const c = await coordinator.post('/api/v1/cases', { household_id: h.json.id, reason: SECRET_REASON });
  assert.equal(c.status, 201, c.text);
  const g = await coordinator.post(`/api/v1/cases/${c.json.id}/goals`, { domain: 'money', body: 'Rekeningen op tijd betalen' });
  assert.equal(g.status, 201, g.text);
  const a = await coordinator.post(`/api/v1/goals/${g.json.id}/actions`, { body: 'Budgetcursus volgen', layer: 'volunteer', performer: 'Schuldhulpmaatje' });
  assert.equal(a.status, 201, a.text);
  const ct = await coordinator.post(`/api/v1/cases/${c.json.id}/contacts`, { kind: 'visit', happened_on: isoDay(-1), minutes: 60, summary: 'Huisbezoek' });
  assert.equal(ct.status, 201, ct.text);
  const it = await coordinator.put(`/api/v1/cases/${c.json.id}/intake`, {
    held_on: isoDay(-1), question: 'Hulp bij de rekeningen', findings: [{ domain: 'money', situation: 'Achterstanden', wish: 'Overzicht' }],
  });
  assert.equal(it.status, 201, it.text);
  const as = await coordinator.post(`/api/v1/persons/${adult}/assessments`, { assessed_on: isoDay(0), scores: { finances: 2 } });
  assert.equal(as.status, 201, as.text);
  const rel = await coordinator.post('/api/v1/relations', {
    person_id: adult, other_person_id: child, kind: 'family', strength: 3, since: '2013-07-30', source: 'resident_self', legal_ground: 'consent',
  });
  assert.equal(rel.status, 201, rel.text);
  const need = await coordinator.post('/api/v1/needs', { household_id: h.json.id, skill: 'odd_jobs', body: 'Een lamp ophangen' });
  assert.equal(need.status, 201, need.text);
  const consent = await coordinator.post(`/api/v1/households/${h.json.id}/consents`, {
    person_id: adult, what: ['contact', 'question'], organization_id: service.organization_id,
    purpose: 'referral', given_on: isoDay(0), form: 'written',
  });
  assert.equal(consent.status, 201, consent.text);
  const ref = await coordinator.post(`/api/v1/actions/${a.json.id}/referrals`,
    { service_id: service.id, reason: 'Geldzorgen, wil hulp', urgency: 'soon', shared: ['contact', 'question'] });
  assert.equal(ref.status, 201, ref.text);
  return {
    cases: c.json.id, goals: g.json.id, actions: a.json.id, households: h.json.id, persons: adult,
    assessments: as.json.id, 'intakes/findings': it.json.findings[0].id, relations: rel.json.id, needs: need.json.id,
    consents: consent.json.id, referrals: ref.json.id,
  };
}

function pathOf(pattern, fx) {
  const kind = pattern.match(CONTENT)[2];
  const path = pattern.replace('{id}', String(fx[kind]));
  return pattern.endsWith('/consents/check') ? `${path}?what=contact&purpose=referral` : path;
}

async function call(client, method, path) {
  if (path.startsWith('/api/')) {
    const body = ['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined;
    return client.req(method, path, body);
  }
  return method === 'GET' ? client.get(path) : client.post(path, {});
}

async function addMember(coordinator, caseId, member, reason = 'Denkt mee over de schulden') {
  const r = await coordinator.post(`/api/v1/cases/${caseId}/members`, { user_id: await userId(member), reason });
  assert.equal(r.status, 201, r.text);
  return r.json.items.find((m) => m.ended_at === null && m.reason === reason);
}

before(async () => {
  srv = await startServer({ residents: 60, extraArgs: ['--break-glass', `${GLASS_SECONDS}s`] });
  api = {}; web = {};
  for (const role of ['worker', 'worker2', 'community', 'teamleader', 'admin', 'policy']) {
    api[role] = await apiAs(srv.base, role);
    web[role] = await webAs(srv.base, role);
  }
  other = await otherTeam(srv);
  const services = await api.worker.get('/api/v1/services?q=schuld');
  assert.equal(services.status, 200, services.text);
  service = services.json.items[0];
  ids = await fixture(api.worker);
  await addMember(api.worker, ids.cases, api.worker2);
});
after(async () => { await srv.stop(); });

test('the content routes are all covered', () => {
  assert.ok(routes.length >= 60, `only ${routes.length} content routes`);
  for (const r of routes) assert.ok(pathOf(r.pattern, ids), r.pattern);
});

test('the coordinator and a member read every content route', async () => {
  for (const role of ['worker', 'worker2']) {
    for (const r of routes.filter((x) => x.method === 'GET')) {
      const client = r.pattern.startsWith('/api/') ? api[role] : web[role];
      const res = await call(client, r.method, pathOf(r.pattern, ids));
      assert.equal(res.status, 200, `${role} GET ${r.pattern}: ${res.status}`);
    }
  }
});

const leaks = (text) => text.includes(SECRET_REASON) || text.includes(SECRET_GIVEN);

// Opening a case for a household that has one says so, with who coordinates: what the team may know.
const KNOWN_LEVEL = /^\/households\/\{id\}\/case$/;

test('a non-member of the team and the team leader get 403 without content; nothing changes', async () => {
  const before_ = await api.worker.get(`/api/v1/cases/${ids.cases}/plan`);
  for (const role of ['community', 'teamleader']) {
    for (const r of routes) {
      const api_ = r.pattern.startsWith('/api/');
      const res = await call(api_ ? api[role] : web[role], r.method, pathOf(r.pattern, ids));
      if (role === 'teamleader' && /\/handover$/.test(r.pattern)) {
        // The team leader hands coordination over without reading the case (an empty form: 400, nothing changes).
        assert.equal(res.status, 400, `teamleader ${r.method} ${r.pattern}`);
        assert.ok(!leaks(res.text), `teamleader ${r.method} ${r.pattern} leaks content`);
        continue;
      }
      if (KNOWN_LEVEL.test(r.pattern)) {
        assert.equal(res.status, r.method === 'GET' ? 200 : 409, `${role} ${r.method} ${r.pattern}`);
        assert.match(res.text, /al een open casus/);
        assert.ok(!leaks(res.text), `${role} ${r.method} ${r.pattern} leaks content`);
        continue;
      }
      assert.equal(res.status, 403, `${role} ${r.method} ${r.pattern}: ${res.status}`);
      assert.ok(!leaks(res.text), `${role} ${r.method} ${r.pattern} leaks content`);
      if (api_) {
        assert.equal(res.json.error, 'need_to_know', `${role} ${r.method} ${r.pattern}`);
        assert.equal(res.json.case_id, ids.cases);
      } else {
        assert.match(res.text, /bekend bij het team/, `${role} ${r.method} ${r.pattern}: the known page`);
      }
    }
  }
  const after_ = await api.worker.get(`/api/v1/cases/${ids.cases}/plan`);
  assert.deepEqual(after_.json, before_.json, 'the plan did not change');
  const rel = await api.worker.get(`/api/v1/households/${ids.households}/relations`);
  assert.equal(rel.json.items.filter((x) => !x.ended_on).length, 1, 'the relation still stands');
});

test("the resident's file: the coordinator and the team leader, not a member or another worker", async () => {
  for (const [role, code] of [['worker', 200], ['teamleader', 200], ['worker2', 403], ['community', 403], ['policy', 403], ['admin', 403]]) {
    const r = await api[role].get(`/api/v1/persons/${ids.persons}/file`);
    assert.equal(r.status, code, `${role}: ${r.status}`);
    if (code !== 200) assert.ok(!leaks(r.text), `${role} leaks content`);
  }
  assert.equal((await other.api.worker.get(`/api/v1/persons/${ids.persons}/file`)).status, 404);
});

test('the known page says who coordinates and how to ask access, and nothing more', async () => {
  const r = await web.community.get(`/cases/${ids.cases}`);
  assert.equal(r.status, 403);
  const m = main(r.text);
  assert.match(m, /Dit huishouden is bekend bij het team/);
  assert.match(m, /Sanne de Vries/);
  assert.match(m, /Toegang vragen/);
  assert.match(m, /emergency-access/, 'the way to break the glass');
  assert.doesNotMatch(m, /Budgetcursus|Huisbezoek|Rekeningen op tijd/);
  assert.doesNotMatch(m, /\/cases\/\d+\/members"/, 'a worker cannot add members');
  const tl = main((await web.teamleader.get(`/cases/${ids.cases}`)).text);
  assert.match(tl, /\/cases\/\d+\/members"/, 'the team leader can add a member');
});

test('policy officer and administrator get 403, another team 404, on every content route', async () => {
  for (const [who, client, code] of [['policy', { web: web.policy, api: api.policy }, 403],
    ['admin', { web: web.admin, api: api.admin }, 403], ['other team', { web: other.web.worker, api: other.api.worker }, 404]]) {
    for (const r of routes) {
      const res = await call(r.pattern.startsWith('/api/') ? client.api : client.web, r.method, pathOf(r.pattern, ids));
      assert.equal(res.status, code, `${who} ${r.method} ${r.pattern}: ${res.status}`);
      assert.ok(!leaks(res.text), `${who} ${r.method} ${r.pattern} leaks content`);
    }
  }
});

test('the case list shows the team which households are known, the reason only to who may read', async () => {
  const mine = await api.worker.get('/api/v1/cases?status=all&limit=200');
  const theirs = await api.community.get('/api/v1/cases?status=all&limit=200');
  const m = mine.json.items.find((c) => c.id === ids.cases);
  const t = theirs.json.items.find((c) => c.id === ids.cases);
  assert.equal(m.reason, SECRET_REASON);
  assert.equal(t.reason, null);
  assert.equal(t.coordinator.display_name, 'Sanne de Vries');
});

test('a member sees and changes the content through every write route', async () => {
  // Each write route on a fresh case, so that removing one thing does not hide the next route.
  const order = (r) => (r.method === 'DELETE' || /remove|end$|close$/.test(r.pattern) ? 1 : 0);
  for (const r of routes.filter((x) => x.method !== 'GET').sort((a, b) => order(a) - order(b))) {
    const fx = await fixture(api.worker);
    await addMember(api.worker, fx.cases, api.worker2);
    // Handing over coordination is for the coordinator (and team leader), not for a member.
    const role = /\/handover$/.test(r.pattern) ? 'worker' : 'worker2';
    const res = await call(r.pattern.startsWith('/api/') ? api[role] : web[role], r.method, pathOf(r.pattern, fx));
    assert.ok(![401, 403, 404].includes(res.status) && res.status < 500, `${role} ${r.method} ${r.pattern}: ${res.status} ${res.text.slice(0, 200)}`);
    if (role === 'worker') {
      const member = await call(r.pattern.startsWith('/api/') ? api.worker2 : web.worker2, r.method, pathOf(r.pattern, fx));
      assert.equal(member.status, 403, `a member may not ${r.method} ${r.pattern}`);
    }
  }
});

test('members: added with a reason by the coordinator or team leader, not by a member; ended again', async () => {
  const fx = await fixture(api.worker);
  const ahmed = await userId(api.community);
  const noReason = await api.worker.post(`/api/v1/cases/${fx.cases}/members`, { user_id: ahmed });
  assert.equal(noReason.status, 400);
  assert.ok(noReason.json.fields.reason);
  const joost = await addMember(api.worker, fx.cases, api.worker2);
  const byMember = await api.worker2.post(`/api/v1/cases/${fx.cases}/members`, { user_id: ahmed, reason: 'Mag ik iemand toevoegen?' });
  assert.equal(byMember.status, 403, 'a member cannot add members');
  const twice = await api.worker.post(`/api/v1/cases/${fx.cases}/members`, { user_id: await userId(api.worker2), reason: 'Nog eens' });
  assert.equal(twice.status, 400);
  assert.match(twice.json.fields.user_id, /al lid/);
  const coordinatorAsMember = await api.worker.post(`/api/v1/cases/${fx.cases}/members`, { user_id: await userId(api.worker), reason: 'Ik' });
  assert.equal(coordinatorAsMember.status, 400);
  const outsider = await api.worker.post(`/api/v1/cases/${fx.cases}/members`, { user_id: await userId(other.api.worker), reason: 'Ander team' });
  assert.equal(outsider.status, 400);
  assert.ok(outsider.json.fields.user_id);
  // The team leader adds himself, with a reason, and then reads the case.
  assert.equal((await api.teamleader.get(`/api/v1/cases/${fx.cases}`)).status, 403);
  const tl = await api.teamleader.post(`/api/v1/cases/${fx.cases}/members`, { user_id: await userId(api.teamleader), reason: 'Zorgen over de veiligheid; ik volg de casus' });
  assert.equal(tl.status, 201, tl.text);
  assert.equal((await api.teamleader.get(`/api/v1/cases/${fx.cases}`)).status, 200);
  // The coordinator ends Joost's membership: his access ends with it.
  assert.equal((await api.worker2.get(`/api/v1/cases/${fx.cases}/plan`)).status, 200);
  assert.equal((await api.worker2.delete(`/api/v1/cases/${fx.cases}/members/${joost.id}`)).status, 403, 'a member does not end memberships');
  assert.equal((await api.worker.delete(`/api/v1/cases/${fx.cases}/members/${joost.id}`)).status, 204);
  assert.equal((await api.worker.delete(`/api/v1/cases/${fx.cases}/members/${joost.id}`)).status, 404, 'already ended');
  assert.equal((await api.worker2.get(`/api/v1/cases/${fx.cases}/plan`)).status, 403);
  const list = await api.worker.get(`/api/v1/cases/${fx.cases}/members`);
  const ended = list.json.items.find((m) => m.id === joost.id);
  assert.ok(ended.ended_at, 'the ended membership stays on record');
  assert.equal(ended.ended_by, 'Sanne de Vries');
  // Web: the coordinator adds through the form, errors name the field.
  await web.worker.get(`/cases/${fx.cases}`);
  const bad = await web.worker.post(`/cases/${fx.cases}/members`, { user_id: String(ahmed), reason: '' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Vul de reden in/);
  const ok = await web.worker.post(`/cases/${fx.cases}/members`, { user_id: String(ahmed), reason: 'Kent de familie uit het buurthuis' });
  assert.equal(ok.status, 303);
  assert.equal((await web.community.get(`/cases/${fx.cases}`)).status, 200);
  // Assigning an action to a colleague makes him a member.
  const fx2 = await fixture(api.worker);
  assert.equal((await api.worker2.get(`/api/v1/cases/${fx2.cases}`)).status, 403);
  const act = await api.worker.post(`/api/v1/goals/${fx2.goals}/actions`, { body: 'Samen naar de bank', layer: 'team', performer_user_id: await userId(api.worker2) });
  assert.equal(act.status, 201, act.text);
  assert.equal((await api.worker2.get(`/api/v1/cases/${fx2.cases}`)).status, 200);
});

test('break the glass: a reason, access for a limited time, in the audit trail, reported, then gone', async () => {
  const fx = await fixture(api.worker);
  const r0 = await api.community.get(`/api/v1/cases/${fx.cases}`);
  assert.equal(r0.status, 403);
  const short = await api.community.post(`/api/v1/cases/${fx.cases}/emergency-access`, { reason: 'nood' });
  assert.equal(short.status, 400);
  assert.ok(short.json.fields.reason);
  assert.equal((await api.policy.post(`/api/v1/cases/${fx.cases}/emergency-access`, { reason: 'Ik wil het graag zien' })).status, 403);
  assert.equal((await other.api.worker.post(`/api/v1/cases/${fx.cases}/emergency-access`, { reason: 'Ik wil het graag zien' })).status, 404);
  assert.equal((await api.worker.post(`/api/v1/cases/${fx.cases}/emergency-access`, { reason: 'Ik ben de regisseur zelf' })).status, 409);
  const reason = 'Bewoonster belt in crisis, regisseur niet bereikbaar';
  const g = await api.community.post(`/api/v1/cases/${fx.cases}/emergency-access`, { reason });
  assert.equal(g.status, 201, g.text);
  const left = (Date.parse(g.json.expires_at) - Date.now()) / 1000;
  assert.ok(left > 0 && left <= GLASS_SECONDS + 1, `expires in ${left} s`);
  const seen = await api.community.get(`/api/v1/cases/${fx.cases}`);
  assert.equal(seen.status, 200);
  assert.equal(seen.json.reason, SECRET_REASON);
  const page = await web.community.get(`/cases/${fx.cases}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /U kijkt via noodtoegang/);
  // In the audit trail, with the reason (NEN 7513).
  const audit = cli(['audit', 'list', '--db', srv.db, '--case', String(fx.cases), '--user', String(await userId(api.community))]);
  assert.match(audit, /case_emergency/);
  assert.match(audit, new RegExp(reason));
  const readRow = audit.split('\n').find((l) => /\bread\b/.test(l) && /\bcase\b/.test(l));
  assert.ok(readRow && readRow.includes(reason), `the read carries the reason: ${readRow}`);
  // Reported to the coordinator and the team leader, not to others.
  for (const [role, sees] of [['worker', true], ['teamleader', true], ['worker2', false]]) {
    const rep = await api[role].get('/api/v1/emergency-access');
    assert.equal(rep.status, 200);
    assert.equal(rep.json.items.some((x) => x.case_id === fx.cases && x.reason === reason), sees, `${role} report`);
    const home = await web[role].get('/');
    assert.equal(home.text.includes(reason), sees, `${role} start page`);
  }
  const onCase = await api.worker.get(`/api/v1/cases/${fx.cases}/emergency-access`);
  assert.equal(onCase.json.items[0].reason, reason);
  assert.equal(onCase.json.items[0].active, true);
  assert.match((await web.worker.get(`/cases/${fx.cases}`)).text, new RegExp(reason));
  // Expired: no access any more.
  await new Promise((r) => setTimeout(r, (GLASS_SECONDS + 1) * 1000));
  assert.equal((await api.community.get(`/api/v1/cases/${fx.cases}`)).status, 403);
  assert.equal((await web.community.get(`/cases/${fx.cases}`)).status, 403);
  const later = await api.worker.get(`/api/v1/cases/${fx.cases}/emergency-access`);
  assert.equal(later.json.items[0].active, false);
});

test('the coordinator and team leader see who looked; members and others do not', async () => {
  const fx = await fixture(api.worker);
  await addMember(api.worker, fx.cases, api.worker2, 'Tweede gesprek samen');
  await api.worker2.get(`/api/v1/cases/${fx.cases}/plan`);
  const log = await api.worker.get(`/api/v1/cases/${fx.cases}/access-log`);
  assert.equal(log.status, 200);
  const joost = log.json.items.find((x) => x.user.display_name === 'Joost Visser');
  assert.ok(joost, 'Joost looked');
  assert.match(joost.what, /bekeken: .*plan/);
  assert.equal(joost.user.role, 'worker');
  assert.ok(log.json.items.some((x) => x.reason === 'Tweede gesprek samen' && /leden/.test(x.what)), 'adding a member is logged with its reason');
  assert.equal((await api.teamleader.get(`/api/v1/cases/${fx.cases}/access-log`)).status, 200);
  assert.equal((await api.worker2.get(`/api/v1/cases/${fx.cases}/access-log`)).status, 403);
  assert.equal((await api.community.get(`/api/v1/cases/${fx.cases}/access-log`)).status, 403);
  assert.equal((await api.policy.get(`/api/v1/cases/${fx.cases}/access-log`)).status, 403);
  assert.equal((await other.api.worker.get(`/api/v1/cases/${fx.cases}/access-log`)).status, 404);
  const page = main((await web.worker.get(`/cases/${fx.cases}`)).text);
  assert.match(page, /Wie keek er/);
  assert.match(page, /Joost Visser/);
  assert.doesNotMatch(main((await web.worker2.get(`/cases/${fx.cases}`)).text), /Wie keek er/);
});

test('a household without a case stays open to the team (front door)', async () => {
  seq += 1;
  const h = await api.worker.post('/api/v1/households', {
    name: `Huishouden Nieuw ${seq}`,
    address: { postcode: '8924 CD', house_number: String(5000 + seq * 13), street: 'Schieringerweg', town: 'Leeuwarden' },
    members: [{ given_name: 'Hylke', family_name: 'Nieuw', birth_date: '1990-01-01' }],
  });
  assert.equal(h.status, 201, h.text);
  assert.equal((await api.community.get(`/api/v1/households/${h.json.id}`)).status, 200);
  assert.equal((await api.teamleader.get(`/api/v1/households/${h.json.id}`)).status, 200);
  // Once a case is opened, the household is for its coordinator and members.
  const c = await api.community.post('/api/v1/cases', { household_id: h.json.id, reason: 'Eenzaamheid' });
  assert.equal(c.status, 201, c.text);
  assert.equal((await api.community.get(`/api/v1/households/${h.json.id}`)).status, 200);
  assert.equal((await api.worker.get(`/api/v1/households/${h.json.id}`)).status, 403);
});

test('every membership and emergency route answers each role as it should (API and web)', async () => {
  const fx = await fixture(api.worker);
  const c = fx.cases;
  const joost = await addMember(api.worker, c, api.worker2);
  const ahmed = await userId(api.community);
  const outsiders = [other.api.worker, other.api.teamleader];
  // Reading: the members (coordinator, member, team leader), the emergency accesses of the case (coordinator,
  // team leader) and those to report (every worker and team leader of the team).
  for (const [role, members, onCase, reports] of [
    ['worker', 200, 200, 200], ['worker2', 200, 403, 200], ['teamleader', 200, 200, 200],
    ['community', 403, 403, 200], ['admin', 403, 403, 403], ['policy', 403, 403, 403]]) {
    assert.equal((await api[role].get(`/api/v1/cases/${c}/members`)).status, members, `${role} GET members`);
    assert.equal((await api[role].get(`/api/v1/cases/${c}/emergency-access`)).status, onCase, `${role} GET emergency-access`);
    assert.equal((await api[role].get('/api/v1/emergency-access')).status, reports, `${role} GET reports`);
  }
  assert.equal((await api.admin.get(`/api/v1/cases/${c}/access-log`)).status, 403);
  for (const o of outsiders) {
    assert.equal((await o.get(`/api/v1/cases/${c}/members`)).status, 404);
    assert.equal((await o.get(`/api/v1/cases/${c}/emergency-access`)).status, 404);
    assert.equal((await o.get('/api/v1/emergency-access')).status, 200, 'the reports of his own team');
    assert.equal((await o.get(`/api/v1/cases/${c}/access-log`)).status, 404);
  }
  // Changing the members: only the coordinator and the team leader.
  for (const role of ['worker2', 'community', 'admin', 'policy']) {
    assert.equal((await api[role].post(`/api/v1/cases/${c}/members`, { user_id: ahmed, reason: 'Wil meedenken' })).status, 403, `${role} POST members`);
    assert.equal((await api[role].delete(`/api/v1/cases/${c}/members/${joost.id}`)).status, 403, `${role} DELETE member`);
    assert.equal((await web[role].post(`/cases/${c}/members`, { user_id: String(ahmed), reason: 'Wil meedenken' })).status, 403, `${role} web add`);
    assert.equal((await web[role].post(`/cases/${c}/members/${joost.id}/end`)).status, 403, `${role} web end`);
  }
  for (const o of outsiders) {
    assert.equal((await o.post(`/api/v1/cases/${c}/members`, { user_id: ahmed, reason: 'Wil meedenken' })).status, 404);
    assert.equal((await o.delete(`/api/v1/cases/${c}/members/${joost.id}`)).status, 404);
  }
  for (const w of [other.web.worker, other.web.teamleader]) {
    assert.equal((await w.post(`/cases/${c}/members`, { user_id: String(ahmed), reason: 'Wil meedenken' })).status, 404);
    assert.equal((await w.post(`/cases/${c}/members/${joost.id}/end`)).status, 404);
  }
  const added = await web.teamleader.post(`/cases/${c}/members`, { user_id: String(ahmed), reason: 'Kent de buurt goed' });
  assert.equal(added.status, 303, 'the team leader adds a member through the form');
  const ahmedMember = (await api.worker.get(`/api/v1/cases/${c}/members`)).json.items.find((m) => m.ended_at === null && m.reason === 'Kent de buurt goed');
  assert.ok(ahmedMember);
  assert.equal((await api.community.get(`/api/v1/cases/${c}`)).status, 200, 'the new member reads the case');
  assert.equal((await web.teamleader.post(`/cases/${c}/members/${ahmedMember.id}/end`)).status, 303, 'and ends the membership');
  assert.equal((await api.community.get(`/api/v1/cases/${c}`)).status, 403);
  assert.equal((await web.worker.post(`/cases/${c}/members/${ahmedMember.id}/end`)).status, 404, 'ended already');
  // Breaking the glass: for a worker or team leader of the team without access; who has access already needs none.
  const why = 'Bewoner belt in paniek, regisseur is op vakantie';
  for (const [role, status] of [['worker', 409], ['worker2', 409], ['admin', 403], ['policy', 403]]) {
    assert.equal((await api[role].post(`/api/v1/cases/${c}/emergency-access`, { reason: why })).status, status, `${role} POST emergency-access`);
  }
  for (const [role, status] of [['worker', 303], ['worker2', 303], ['admin', 403], ['policy', 403]]) {
    assert.equal((await web[role].post(`/cases/${c}/emergency-access`, { reason: why })).status, status, `${role} web emergency-access`);
  }
  for (const o of outsiders) assert.equal((await o.post(`/api/v1/cases/${c}/emergency-access`, { reason: why })).status, 404);
  for (const w of [other.web.worker, other.web.teamleader]) assert.equal((await w.post(`/cases/${c}/emergency-access`, { reason: why })).status, 404);
  assert.equal((await web.community.post(`/cases/${c}/emergency-access`, { reason: 'nood' })).status, 400, 'too short a reason: the form again');
  assert.equal((await web.community.post(`/cases/${c}/emergency-access`, { reason: why })).status, 303);
  assert.equal((await api.community.get(`/api/v1/cases/${c}`)).status, 200, 'emergency access through the form');
  const tl = await api.teamleader.post(`/api/v1/cases/${c}/emergency-access`, { reason: why });
  assert.equal(tl.status, 201, tl.text);
  assert.equal((await api.teamleader.get(`/api/v1/cases/${c}`)).status, 200);
  // The team leader manages the members, whether or not he reads the case.
  assert.equal((await api.teamleader.delete(`/api/v1/cases/${c}/members/${joost.id}`)).status, 204);
  assert.equal((await api.worker2.get(`/api/v1/cases/${c}`)).status, 403);
  // Anonymous: a login is asked for.
  for (const [method, path] of [['GET', `/api/v1/cases/${c}/members`], ['POST', `/api/v1/cases/${c}/members`],
    ['DELETE', `/api/v1/cases/${c}/members/${joost.id}`], ['GET', `/api/v1/cases/${c}/emergency-access`],
    ['POST', `/api/v1/cases/${c}/emergency-access`], ['GET', '/api/v1/emergency-access'], ['GET', `/api/v1/cases/${c}/access-log`]]) {
    assert.equal((await fetch(`${srv.base}${path}`, { method })).status, 401, `anonymous ${method} ${path}`);
  }
});

test('the demo: performers of actions are members of their case', () => {
  const n = Number(sql(srv.db, "SELECT COUNT(*) FROM case_member WHERE reason = 'Voert een actie uit in het plan.'"));
  assert.ok(n > 0, 'the demo has performers as members');
  const missing = Number(sql(srv.db, `SELECT COUNT(*) FROM action a JOIN goal g ON g.id = a.goal_id JOIN plan p ON p.id = g.plan_id
    JOIN cases c ON c.id = p.case_id WHERE a.performer_user_id IS NOT NULL AND a.performer_user_id <> c.coordinator_id
    AND NOT EXISTS (SELECT 1 FROM case_member m WHERE m.case_id = c.id AND m.user_id = a.performer_user_id AND m.ended_at IS NULL)`));
  assert.equal(missing, 0, 'every colleague with an action sees the case');
});

test('serve refuses a --break-glass that is no duration', () => {
  for (const bad of ['forever', '0h', '31d', '5x']) {
    const r = runCli(['serve', '--db', srv.db, '--listen', '127.0.0.1:1', '--break-glass', bad]);
    assert.equal(r.code, 1, bad);
    assert.match(r.err, /--break-glass/);
  }
});
