// Contacts on the case timeline, the work queue on the start page, and the
// team leader's overview (caseload and composition), on the pages and over
// the API, for every role.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, WebClient, ApiClient, webAs, apiAs } from './lib.mjs';
import { newCase, caseWithPlan, sql, userId, isoDay, main, otherTeam, addToCase } from './case-lib.mjs';

let srv;
let api; // worker (sanne)
const ids = {};
let other;
before(async () => {
  srv = await startServer();
  api = await apiAs(srv.base, 'worker');
  for (const role of ['worker', 'worker2', 'teamleader']) ids[role] = await userId(await apiAs(srv.base, role));
  other = await otherTeam(srv);
});
after(async () => { await srv.stop(); });

const count = (q) => Number(sql(srv.db, `SELECT COUNT(*) FROM ${q}`));

// ---- contacts ------------------------------------------------------------------------------------------------------

test('API: record contacts and read the timeline, newest first, with paging', async () => {
  const c = await newCase(api);
  const empty = await api.get(`/api/v1/cases/${c.id}/contacts`);
  assert.equal(empty.status, 200);
  assert.deepEqual(empty.json.items, []);
  assert.equal(empty.json.total, 0);
  const first = await api.post(`/api/v1/cases/${c.id}/contacts`,
    { kind: 'visit', happened_on: isoDay(-7), minutes: 60, summary: 'Kennismaking thuis; de post ligt ongeopend' });
  assert.equal(first.status, 201, first.text);
  assert.equal(first.json.kind, 'visit');
  assert.equal(first.json.minutes, 60);
  assert.equal(first.json.user.id, ids.worker);
  assert.equal(first.json.case_id, c.id);
  const joost = await apiAs(srv.base, 'worker2');
  assert.equal((await joost.get(`/api/v1/cases/${c.id}/contacts`)).status, 403, 'no member: no timeline');
  await addToCase(api, c.id, joost, 'Gaat mee op huisbezoek');
  const second = await joost.post(`/api/v1/cases/${c.id}/contacts`, { kind: 'phone', happened_on: isoDay(-1), summary: 'Afspraak verzet' });
  assert.equal(second.status, 201);
  assert.equal(second.json.minutes, 0, 'no duration is 0 minutes');
  assert.equal(second.json.user.display_name, 'Joost Visser');
  const list = await api.get(`/api/v1/cases/${c.id}/contacts`);
  assert.deepEqual(list.json.items.map((k) => k.id), [second.json.id, first.json.id]);
  const page = await api.get(`/api/v1/cases/${c.id}/contacts?limit=1&offset=1`);
  assert.equal(page.json.total, 2);
  assert.deepEqual(page.json.items.map((k) => k.id), [first.json.id]);
  assert.equal(count(`audit WHERE action = 'create' AND entity = 'contact' AND case_id = ${c.id} AND household_id = ${c.household_id}`), 2);
  assert.ok(count(`audit WHERE action = 'read' AND entity = 'contact' AND case_id = ${c.id} AND user_id = ${ids.worker}`) >= 2);
});

test('API: a contact is validated field by field, and nothing is written', async () => {
  const c = await newCase(api);
  const r = await api.post(`/api/v1/cases/${c.id}/contacts`, { kind: 'email', happened_on: isoDay(1), minutes: 1441, summary: '  ' });
  assert.equal(r.status, 400);
  assert.match(r.json.fields.kind, /Kies het soort contact/);
  assert.match(r.json.fields.happened_on, /in de toekomst/);
  assert.match(r.json.fields.minutes, /0 tot 1440/);
  assert.match(r.json.fields.summary, /Vul de samenvatting in/);
  const types = await api.post(`/api/v1/cases/${c.id}/contacts`, { kind: 'visit', happened_on: '2026-02-30', minutes: 'veel', summary: 3 });
  assert.equal(types.status, 400);
  for (const f of ['happened_on', 'minutes', 'summary']) assert.ok(types.json.fields[f], f);
  const missing = await api.post(`/api/v1/cases/${c.id}/contacts`, { kind: 'visit' });
  assert.match(missing.json.fields.happened_on, /Vul de datum van het contact in/);
  assert.equal(count(`contact WHERE case_id = ${c.id}`), 0);
});

test('web: record a contact on the case page; the timeline shows kind, date, duration, who and summary', async () => {
  const c = await newCase(api);
  const web = await webAs(srv.base, 'worker');
  const page = await web.get(`/cases/${c.id}`);
  assert.match(page.text, /Nog geen contacten vastgelegd/);
  assert.match(page.text, /<summary>Contact vastleggen<\/summary>/);
  const r = await web.post(`/cases/${c.id}/contacts`, { kind: 'meeting', happened_on: isoDay(0), minutes: '45', summary: 'Overleg met school over Sem' });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/cases/${c.id}?melding=contact#h-tijdlijn`);
  const body = main((await web.get(r.location)).text);
  assert.match(body, /Het contact staat op de tijdlijn/);
  assert.match(body, new RegExp(`<strong><time datetime="${isoDay(0)}">\\d+ \\w+ \\d{4}</time></strong> · Gesprek of overleg · 45 minuten · door Sanne de Vries`));
  assert.match(body, /Overleg met school over Sem/);
  assert.match(body, /1 contact, nieuwste eerst/);
});

test('web: a contact with errors comes back with the errors next to the fields and what was typed', async () => {
  const c = await newCase(api);
  const web = await webAs(srv.base, 'worker');
  await web.get(`/cases/${c.id}`);
  const r = await web.post(`/cases/${c.id}/contacts`, { kind: 'phone', happened_on: '', minutes: '-5', summary: 'Gebeld met de huisbaas' });
  assert.equal(r.status, 400);
  assert.match(r.text, /Vul de datum van het contact in/);
  assert.match(r.text, /De duur is een aantal minuten van 0 tot 1440/);
  assert.match(r.text, /Gebeld met de huisbaas<\/textarea>/);
  assert.match(r.text, /<option value="phone" selected>/);
  assert.match(r.text, /value="-5"/);
  assert.match(r.text, /href="#f-happened_on"/);
  assert.equal(count(`contact WHERE case_id = ${c.id}`), 0);
});

test('web: a long timeline is paged, 20 at a time', async () => {
  const c = await newCase(api);
  for (let i = 1; i <= 22; i++) {
    const r = await api.post(`/api/v1/cases/${c.id}/contacts`, { kind: 'phone', happened_on: isoDay(-i), summary: `Gesprek nummer ${i}` });
    assert.equal(r.status, 201);
  }
  const web = await webAs(srv.base, 'worker');
  const p1 = main((await web.get(`/cases/${c.id}`)).text);
  assert.match(p1, /22 contacten, nieuwste eerst/);
  assert.match(p1, /Gesprek nummer 1</);
  assert.doesNotMatch(p1, /Gesprek nummer 21</);
  assert.match(p1, new RegExp(`href="/cases/${c.id}\\?tijdlijn=20#h-tijdlijn">Oudere contacten`));
  const p2 = main((await web.get(`/cases/${c.id}?tijdlijn=20`)).text);
  assert.match(p2, /Gesprek nummer 21</);
  assert.match(p2, /Gesprek nummer 22</);
  assert.doesNotMatch(p2, /Gesprek nummer 20</);
  assert.match(p2, /Nieuwere contacten/);
});

test('roles: contacts only for the coordinator and members of the case', async () => {
  const c = await newCase(api);
  const tl = await apiAs(srv.base, 'teamleader');
  assert.equal((await tl.get(`/api/v1/cases/${c.id}/contacts`)).status, 403, 'the team leader is no member yet');
  await addToCase(api, c.id, tl, 'Casusoverleg met de regisseur');
  assert.equal((await tl.post(`/api/v1/cases/${c.id}/contacts`, { kind: 'other', happened_on: isoDay(0), summary: 'Casusoverleg' })).status, 201);
  assert.equal((await tl.get(`/api/v1/cases/${c.id}/contacts`)).status, 200);
  const body = { kind: 'visit', happened_on: isoDay(0), summary: 'Niet van mij' };
  for (const role of ['admin', 'policy', 'community']) {
    const a = await apiAs(srv.base, role);
    const w = await webAs(srv.base, role);
    assert.equal((await a.get(`/api/v1/cases/${c.id}/contacts`)).status, 403, role);
    assert.equal((await a.post(`/api/v1/cases/${c.id}/contacts`, body)).status, 403, role);
    assert.equal((await w.post(`/cases/${c.id}/contacts`, body)).status, 403, role);
  }
  for (const role of ['worker', 'teamleader']) {
    assert.equal((await other.api[role].get(`/api/v1/cases/${c.id}/contacts`)).status, 404, role);
    assert.equal((await other.api[role].post(`/api/v1/cases/${c.id}/contacts`, body)).status, 404, role);
    assert.equal((await other.web[role].post(`/cases/${c.id}/contacts`, body)).status, 404, role);
  }
  assert.equal((await new ApiClient(srv.base).get(`/api/v1/cases/${c.id}/contacts`)).status, 401);
  const anon = await new WebClient(srv.base).post(`/cases/${c.id}/contacts`, body);
  assert.equal(anon.status, 303, 'not logged in: to the login page');
  assert.match(anon.location, /^\/login/);
  assert.equal((await api.get('/api/v1/cases/999999/contacts')).status, 404);
  assert.equal(count(`contact WHERE case_id = ${c.id}`), 1);
});

// ---- the work queue ------------------------------------------------------------------------------------------------

test('work queue: own cases, actions due this week or overdue, and hand-overs received', async () => {
  const joost = await apiAs(srv.base, 'worker2');
  const { c, goal } = await caseWithPlan(api);
  const soon = (await api.post(`/api/v1/goals/${goal.id}/actions`,
    { body: 'Huisbezoek plannen', layer: 'team', performer: 'x', performer_user_id: ids.worker2, due_on: isoDay(2) })).json;
  const late = (await api.post(`/api/v1/goals/${goal.id}/actions`,
    { body: 'Formulier inleveren', layer: 'team', performer: 'x', performer_user_id: ids.worker2, due_on: isoDay(1) })).json;
  const far = (await api.post(`/api/v1/goals/${goal.id}/actions`,
    { body: 'Evaluatie', layer: 'team', performer: 'x', performer_user_id: ids.worker2, due_on: isoDay(40) })).json;
  // A due date that has passed since (the API refuses dates in the past).
  sql(srv.db, `UPDATE action SET due_on = '${isoDay(-3)}' WHERE id = ${late.id}`);
  const ho = await api.post(`/api/v1/cases/${c.id}/handover`, { to_user_id: ids.worker2, reason: 'Joost kent de familie' });
  assert.equal(ho.status, 200);

  const w = await joost.get('/api/v1/worklist');
  assert.equal(w.status, 200);
  assert.ok(w.json.cases.some((x) => x.id === c.id));
  assert.ok(w.json.cases.every((x) => x.coordinator.id === ids.worker2 && x.status === 'open'));
  assert.equal(w.json.total_cases, w.json.cases.length);
  const mine = w.json.actions.filter((x) => x.case_id === c.id);
  assert.deepEqual(mine.map((x) => [x.action_id, x.overdue, x.mine]), [[late.id, true, true], [soon.id, false, true]],
    'overdue first, not the far one');
  assert.ok(!w.json.actions.some((x) => x.action_id === far.id));
  const h = w.json.handovers.find((x) => x.case_id === c.id);
  assert.equal(h.from, 'Sanne de Vries');
  assert.equal(h.reason, 'Joost kent de familie');
  assert.ok(!(await api.get('/api/v1/worklist')).json.cases.some((x) => x.id === c.id), 'no longer Sanne\'s');

  const web = await webAs(srv.base, 'worker2');
  const home = main((await web.get('/')).text);
  assert.match(home, /Welkom, Joost Visser/);
  assert.match(home, /<h2[^>]*>Acties die deze week af moeten<\/h2>/);
  assert.match(home, /Formulier inleveren<\/p><p class="utrecht-paragraph"><strong class="wt-overdue">Te laat\.<\/strong> Streefdatum [^.]*\. <strong>U voert deze actie uit\.<\/strong>/);
  assert.match(home, new RegExp(`U voert deze actie uit\\.</strong> <a class="utrecht-link" href="/cases/${c.id}#goal-${goal.id}">`));
  assert.match(home, /Formulier inleveren/);
  assert.match(home, /Huisbezoek plannen/);
  assert.doesNotMatch(home, /Evaluatie/);
  assert.match(home, /<h2[^>]*>Aan u overgedragen<\/h2>/);
  assert.match(home, /Joost kent de familie/);
  assert.match(home, new RegExp(`<h2[^>]*>Mijn casussen</h2>[\\s\\S]*href="/cases/${c.id}"`));
  // Done actions and closed cases leave the queue.
  await joost.patch(`/api/v1/actions/${late.id}`, { status: 'done' });
  assert.ok(!(await joost.get('/api/v1/worklist')).json.actions.some((x) => x.action_id === late.id));
  await joost.post(`/api/v1/cases/${c.id}/close`, { close_reason: 'goals_achieved', confirm: true });
  const after = (await joost.get('/api/v1/worklist')).json;
  assert.ok(!after.cases.some((x) => x.id === c.id));
  assert.ok(!after.actions.some((x) => x.case_id === c.id));
  assert.ok(!after.handovers.some((x) => x.case_id === c.id));
  assert.ok(count(`audit WHERE action = 'search' AND entity = 'worklist' AND user_id = ${ids.worker2}`) >= 1);
});

test('work queue: a coordinator also follows up what the resident and his network do in his cases', async () => {
  const { c, goal } = await caseWithPlan(api);
  const anouk = (await api.post(`/api/v1/goals/${goal.id}/actions`,
    { body: 'Zelf de woningcorporatie bellen', layer: 'self', performer: 'Anouk', due_on: isoDay(1) })).json;
  const joostsAction = (await api.post(`/api/v1/goals/${goal.id}/actions`,
    { body: 'Brief van de corporatie uitleggen', layer: 'team', performer: 'x', performer_user_id: ids.worker2, due_on: isoDay(4) })).json;
  const w = (await api.get('/api/v1/worklist')).json.actions.filter((x) => x.case_id === c.id);
  assert.deepEqual(w.map((x) => [x.action_id, x.performer, x.mine]),
    [[anouk.id, 'Anouk', false], [joostsAction.id, 'Joost Visser', false]]);
  const home = main((await (await webAs(srv.base, 'worker')).get('/')).text);
  assert.match(home, /Zelf de woningcorporatie bellen<\/p><p class="utrecht-paragraph">Streefdatum [^.]*\. Uitvoerder: Anouk\./);
  // Joost sees only what he carries himself, not the rest of Sanne's case.
  const joost = (await (await apiAs(srv.base, 'worker2')).get('/api/v1/worklist')).json.actions.filter((x) => x.case_id === c.id);
  assert.deepEqual(joost.map((x) => [x.action_id, x.mine]), [[joostsAction.id, true]]);
});

test('start page and work queue per role', async () => {
  for (const role of ['admin', 'policy']) {
    assert.equal((await (await apiAs(srv.base, role)).get('/api/v1/worklist')).status, 403, role);
    const home = await (await webAs(srv.base, role)).get('/');
    assert.equal(home.status, 200, role);
    assert.doesNotMatch(main(home.text), /Mijn casussen|Acties die deze week/);
  }
  assert.match(main((await (await webAs(srv.base, 'admin')).get('/')).text), /ziet geen huishoudens/);
  assert.match(main((await (await webAs(srv.base, 'policy')).get('/')).text), /geanonimiseerde, samengetelde cijfers/);
  const tl = main((await (await webAs(srv.base, 'teamleader')).get('/')).text);
  assert.match(tl, /<h2[^>]*>Team<\/h2>[\s\S]*href="\/team"/);
  const worker = main((await (await webAs(srv.base, 'worker')).get('/')).text);
  assert.doesNotMatch(worker, /href="\/team"/);
  assert.equal((await new ApiClient(srv.base).get('/api/v1/worklist')).status, 401);
  const anon = await new WebClient(srv.base).get('/');
  assert.equal(anon.status, 303);
  assert.match(anon.headers.get('location'), /^\/login/);
  // The other team's worker has his own (empty) queue: nothing of team 1.
  const ow = await other.api.worker.get('/api/v1/worklist');
  assert.equal(ow.status, 200);
  assert.deepEqual([ow.json.cases, ow.json.actions, ow.json.handovers], [[], [], []]);
});

// ---- the team overview ---------------------------------------------------------------------------------------------

test('team overview: caseload per coordinator and composition, for the team leader of the team only', async () => {
  const c = await newCase(api, { coordinator_id: ids.worker2 });
  const tl = await apiAs(srv.base, 'teamleader');
  const me = (await tl.get('/api/v1/me')).json;
  const r = await tl.get(`/api/v1/teams/${me.team_id}/overview`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.team.id, me.team_id);
  assert.equal(r.json.team.name, 'Heechterp-Schieringen');
  const open = Number(sql(srv.db, `SELECT COUNT(*) FROM cases WHERE status = 'open' AND team_id = ${me.team_id}`));
  assert.equal(r.json.open_cases, open);
  assert.equal(r.json.caseload.reduce((s, x) => s + x.open_cases, 0), open);
  const joost = r.json.caseload.find((x) => x.user_id === ids.worker2);
  assert.equal(joost.open_cases, Number(sql(srv.db, `SELECT COUNT(*) FROM cases WHERE status = 'open' AND coordinator_id = ${ids.worker2}`)));
  assert.ok(joost.open_cases >= 1);
  assert.equal(r.json.composition.professionals, 11);
  assert.equal(r.json.composition.too_small, false);
  assert.equal(r.json.composition.too_large, false);
  assert.equal(r.json.composition.no_community_worker, false);
  assert.ok(r.json.composition.by_discipline.some((d) => d.discipline === 'community_worker' && d.label === 'Opbouwwerker' && d.count === 1));
  assert.doesNotMatch(r.text, /Vermeer|Schulden/, 'no resident data');

  const web = await webAs(srv.base, 'teamleader');
  const page = await web.get('/team');
  assert.equal(page.status, 200);
  const body = main(page.text);
  assert.match(body, /<h1[^>]*>Team Heechterp-Schieringen<\/h1>/);
  assert.match(body, new RegExp(`<th scope="row"[^>]*>Joost Visser</th><td[^>]*>Sociaal werker</td><td[^>]*><a class="utrecht-link" href="/cases\\?coordinator=${ids.worker2}">${joost.open_cases}<`));
  assert.match(body, new RegExp(`${open} open casussen`));
  assert.match(body, /<h2[^>]*>Samenstelling<\/h2>/);
  assert.match(body, /11 professionals/);
  assert.doesNotMatch(body, /wt-warning/, 'the demo team is well composed');
  // The list behind the number shows Joost's cases.
  assert.match((await web.get(`/cases?coordinator=${ids.worker2}`)).text, new RegExp(`href="/cases/${c.id}"`));

  for (const role of ['worker', 'worker2', 'admin', 'policy']) {
    assert.equal((await (await apiAs(srv.base, role)).get(`/api/v1/teams/${me.team_id}/overview`)).status, 403, role);
    assert.equal((await (await webAs(srv.base, role)).get('/team')).status, 403, role);
  }
  assert.equal((await other.api.teamleader.get(`/api/v1/teams/${me.team_id}/overview`)).status, 403, 'another team\'s leader');
  assert.equal((await tl.get(`/api/v1/teams/${other.teamId}/overview`)).status, 403);
  assert.equal((await tl.get('/api/v1/teams/999999/overview')).status, 403);
  assert.equal((await new ApiClient(srv.base).get(`/api/v1/teams/${me.team_id}/overview`)).status, 401);
});

test('team overview warns about a small team without a community worker', async () => {
  const r = await other.api.teamleader.get(`/api/v1/teams/${other.teamId}/overview`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.composition.professionals, 2);
  assert.equal(r.json.composition.too_small, true);
  assert.equal(r.json.composition.no_community_worker, true);
  assert.equal(r.json.open_cases, 0);
  const page = main((await other.web.teamleader.get('/team')).text);
  assert.match(page, /minder dan 8 professionals/);
  assert.match(page, /geen opbouwwerker/);
  assert.match(page, /Geen discipline vastgelegd/);
});
