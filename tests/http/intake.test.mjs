// The intake (vraagverheldering): every route for every role, validation with
// named fields (nothing half-written), one intake per case that the
// coordinator and the members of the case read (the team leader, added), a goal of the plan from a finding in one step, and a closed
// case whose intake is read-only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, apiAs } from './lib.mjs';
import { caseWithMembers, outsider, clients, isoDay, main } from './support-lib.mjs';
import { addToCase } from './case-lib.mjs';

let srv, api, web, other, fam;

before(async () => {
  srv = await startServer({ residents: 50 });
  ({ api, web } = await clients(srv.base));
  other = await outsider(srv.base, srv.db);
  fam = await caseWithMembers(api.worker, 'Dijkstra');
  await addToCase(api.worker, fam.caseId, api.teamleader, 'Leest mee voor het casusoverleg');
});
after(async () => { await srv.stop(); });

const intakeBody = (over = {}) => ({
  held_on: isoDay(-2),
  question: 'Ik trek het niet meer met de rekeningen, en ik zit de hele dag alleen thuis.',
  strengths: 'Zorgt goed voor haar zoon',
  opportunities: 'Buurvrouw was boekhouder',
  self_does: 'Houdt de post bij in een map',
  network_does: 'Zus past op',
  own_goals: 'Weer overzicht, en iets leuks doen in de week',
  findings: [
    { domain: 'money', situation: 'Drie betalingsachterstanden', strength: 'Bewaart alle brieven', wish: 'Elke maand de vaste lasten betalen' },
    { domain: 'participation', situation: 'Komt de deur weinig uit', strength: '', wish: '' },
  ],
  ...over,
});

test('API: a worker records the intake; the team leader reads the same one and completes it', async () => {
  assert.equal((await api.worker.get(`/api/v1/cases/${fam.caseId}/intake`)).status, 404, 'no intake yet');
  const r = await api.worker.put(`/api/v1/cases/${fam.caseId}/intake`, intakeBody());
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.findings.length, 2);
  assert.equal(r.json.findings[0].domain, 'money');
  assert.equal(r.json.created.by, 'Sanne de Vries');
  const tl = await api.teamleader.get(`/api/v1/cases/${fam.caseId}/intake`);
  assert.equal(tl.status, 200);
  assert.equal(tl.json.question, intakeBody().question);
  const upd = await api.teamleader.put(`/api/v1/cases/${fam.caseId}/intake`,
    { ...tl.json, findings: [...tl.json.findings, { domain: 'health', situation: 'Slaapt slecht' }] });
  assert.equal(upd.status, 200, upd.text);
  assert.equal(upd.json.findings.length, 3);
  assert.equal(upd.json.updated.by, 'Marieke Hoekstra');
});

test('API: bad input names its fields and changes nothing', async () => {
  const bad = await api.worker.put(`/api/v1/cases/${fam.caseId}/intake`, intakeBody({
    held_on: isoDay(1), question: '', colour: 'red',
    findings: [{ domain: 'moneys', situation: 'x' }, { domain: 'care', situation: '', wish: 'Hulp' }],
  }));
  assert.equal(bad.status, 400);
  assert.match(bad.json.fields.held_on, /toekomst/);
  assert.ok(bad.json.fields.question);
  assert.equal(bad.json.fields.colour, 'Onbekend veld.');
  const again = await api.worker.put(`/api/v1/cases/${fam.caseId}/intake`, intakeBody({
    findings: [{ domain: 'moneys', situation: 'x' }, { domain: 'care', situation: '', wish: 'Hulp' }],
  }));
  assert.equal(again.status, 400);
  assert.ok(again.json.fields['findings.0.domain']);
  assert.ok(again.json.fields['findings.care.situation']);
  const now = await api.worker.get(`/api/v1/cases/${fam.caseId}/intake`);
  assert.equal(now.json.findings.length, 3, 'unchanged');
});

test('a finding becomes a goal of the plan in one step, once; then it stays in the intake', async () => {
  const it = await api.worker.get(`/api/v1/cases/${fam.caseId}/intake`);
  const money = it.json.findings.find((f) => f.domain === 'money');
  const g = await api.worker.post(`/api/v1/intakes/findings/${money.id}/goal`, {});
  assert.equal(g.status, 201, g.text);
  const plan = await api.worker.get(`/api/v1/cases/${fam.caseId}/plan`);
  const goal = plan.json.goals.find((x) => x.id === g.json.goal_id);
  assert.equal(goal.domain, 'money');
  assert.equal(goal.body, 'Elke maand de vaste lasten betalen');
  assert.equal(goal.situation, 'Drie betalingsachterstanden');
  assert.equal((await api.worker.post(`/api/v1/intakes/findings/${money.id}/goal`, {})).status, 409);
  const drop = await api.worker.put(`/api/v1/cases/${fam.caseId}/intake`, intakeBody({ findings: [] }));
  assert.equal(drop.status, 400);
  assert.ok(drop.json.fields['findings.money.situation']);
  // On the web: the participation finding, with the goal typed in the one field next to it.
  const part = it.json.findings.find((f) => f.domain === 'participation');
  const page = await web.worker.get(`/cases/${fam.caseId}`);
  const section = page.text.match(/<section[^>]*aria-labelledby="h-intake">[\s\S]*?<\/section>/)[0];
  assert.match(section, /<blockquote[^>]*>Ik trek het niet meer/);
  assert.match(section, new RegExp(`href="#goal-${g.json.goal_id}">Is een doel in het plan`));
  assert.match(section, new RegExp(`action="/intakes/findings/${part.id}/goal"`));
  const empty = await web.worker.post(`/intakes/findings/${part.id}/goal`, { body: '' });
  assert.equal(empty.status, 400);
  assert.match(empty.text, /Vul het doel in/);
  const ok = await web.worker.post(`/intakes/findings/${part.id}/goal`, { body: 'Eén keer per week naar de inloop' });
  assert.equal(ok.status, 303);
  assert.match(ok.location, new RegExp(`/cases/${fam.caseId}\\?melding=goal#goal-\\d+`));
  const after_ = await web.teamleader.get(`/cases/${fam.caseId}`);
  assert.match(main(after_.text), /Meedoen: Eén keer per week naar de inloop/);
});

test('web: the intake form keeps what was typed and names each bad field', async () => {
  const fresh = await caseWithMembers(api.worker, 'Hoekstra');
  await addToCase(api.worker, fresh.caseId, api.teamleader, 'Leest mee voor het casusoverleg');
  for (const role of ['worker', 'teamleader']) {
    const f = await web[role].get(`/cases/${fresh.caseId}/intake`);
    assert.equal(f.status, 200);
    assert.match(main(f.text), /<h1[^>]*>Intake vastleggen<\/h1>/);
    assert.equal((main(f.text).match(/<details/g) || []).length, 7, 'one block per life domain');
  }
  const bad = await web.worker.post(`/cases/${fresh.caseId}/intake`, {
    held_on: isoDay(0), question: '', findings: ['money', 'care'],
    'findings.money.situation': 'Schulden', 'findings.care.wish': 'Hulp bij douchen',
  });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /href="#f-question"/);
  assert.match(bad.text, /href="#f-findings.care.situation"/);
  assert.match(bad.text, /Hulp bij douchen/, 'what was typed is kept');
  const ok = await web.worker.post(`/cases/${fresh.caseId}/intake`, {
    held_on: isoDay(0), question: 'Mijn moeder kan niet meer alleen douchen', findings: ['money', 'care'],
    'findings.money.situation': '', 'findings.care.situation': 'Moeder woont in, valt vaak',
  });
  assert.equal(ok.status, 303);
  assert.match(ok.location, /melding=intake#h-intake/);
  const r = await api.worker.get(`/api/v1/cases/${fresh.caseId}/intake`);
  assert.deepEqual(r.json.findings.map((x) => x.domain), ['care']);
});

test('other teams, administrator and policy officer see no intake; a closed case is read-only', async () => {
  const it = await api.worker.get(`/api/v1/cases/${fam.caseId}/intake`);
  const fid = it.json.findings.find((f) => f.domain === 'health').id;
  const ahmed = await apiAs(srv.base, 'community');
  for (const [who, code] of [[other.api, 404], [api.admin, 403], [api.policy, 403], [ahmed, 403]]) {
    assert.equal((await who.get(`/api/v1/cases/${fam.caseId}/intake`)).status, code);
    assert.equal((await who.put(`/api/v1/cases/${fam.caseId}/intake`, intakeBody())).status, code);
    assert.equal((await who.post(`/api/v1/intakes/findings/${fid}/goal`, { body: 'x' })).status, code);
  }
  for (const [who, code] of [[other.web, 404], [web.admin, 403], [web.policy, 403]]) {
    assert.equal((await who.get(`/cases/${fam.caseId}/intake`)).status, code);
    assert.equal((await who.post(`/cases/${fam.caseId}/intake`, { held_on: isoDay(0), question: 'x' })).status, code);
    assert.equal((await who.post(`/intakes/findings/${fid}/goal`, { body: 'x' })).status, code);
  }
  const c = await caseWithMembers(api.worker, 'Kok');
  assert.equal((await api.worker.put(`/api/v1/cases/${c.caseId}/intake`, intakeBody())).status, 201);
  const close = await api.worker.post(`/api/v1/cases/${c.caseId}/close`, { close_reason: 'other', note: 'Verhuisd', confirm: true });
  assert.equal(close.status, 200, close.text);
  assert.equal((await api.worker.put(`/api/v1/cases/${c.caseId}/intake`, intakeBody())).status, 409);
  const page = await web.worker.get(`/cases/${c.caseId}`);
  assert.doesNotMatch(page.text, /Maak er een doel van/, 'no forms on a closed case');
  assert.equal((await api.worker.get(`/api/v1/cases/${c.caseId}/intake`)).status, 200, 'still readable');
});
