// The one plan of a case: strengths, goals per life domain, actions with their
// layer, who and due date, the agreement with the resident (and when it went
// out of date), on the pages and over the API, for every role.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, WebClient, ApiClient, webAs, apiAs } from './lib.mjs';
import { newCase, caseWithPlan, sql, userId, isoDay, main, otherTeam, addToCase } from './case-lib.mjs';

let srv;
let api; // worker (sanne), the coordinator of the cases made here
const ids = {};
let other;
before(async () => {
  srv = await startServer();
  api = await apiAs(srv.base, 'worker');
  for (const role of ['worker', 'worker2', 'teamleader', 'admin']) ids[role] = await userId(await apiAs(srv.base, role));
  other = await otherTeam(srv);
});
after(async () => { await srv.stop(); });

const count = (q) => Number(sql(srv.db, `SELECT COUNT(*) FROM ${q}`));

// ---- the plan over the API -----------------------------------------------------------------------------------------

test('API: a new case has an empty plan; goals on two domains, actions in layers, counted per layer', async () => {
  const c = await newCase(api);
  const empty = await api.get(`/api/v1/cases/${c.id}/plan`);
  assert.equal(empty.status, 200);
  assert.equal(empty.json.case_id, c.id);
  assert.deepEqual(empty.json.goals, []);
  assert.equal(empty.json.agreed_on, null);
  assert.equal(empty.json.strengths, '');
  const v0 = empty.json.version;

  const money = await api.post(`/api/v1/cases/${c.id}/goals`,
    { domain: 'money', situation: 'Huurachterstand van drie maanden', strength: 'Houdt een kasboek bij', body: 'Geen nieuwe schulden' });
  assert.equal(money.status, 201, money.text);
  assert.equal(money.json.status, 'open');
  assert.equal(money.json.domain, 'money');
  assert.deepEqual(money.json.actions, []);
  const youth = await api.post(`/api/v1/cases/${c.id}/goals`, { domain: 'youth', body: 'Sem gaat weer naar school' });
  assert.equal(youth.status, 201);
  assert.equal(youth.json.situation, '');

  const self = await api.post(`/api/v1/goals/${money.json.id}/actions`,
    { body: 'Post openen en sorteren', layer: 'self', performer: 'Anna', due_on: isoDay(3) });
  assert.equal(self.status, 201, self.text);
  assert.equal(self.json.status, 'planned');
  assert.equal(self.json.due, 'soon');
  assert.equal(self.json.performer_user_id, null);
  const team = await api.post(`/api/v1/goals/${money.json.id}/actions`,
    { body: 'Aanmelden bij schuldhulp', layer: 'team', performer: 'wordt vervangen', performer_user_id: ids.worker2, due_on: isoDay(30) });
  assert.equal(team.status, 201, team.text);
  assert.equal(team.json.performer, 'Joost Visser', 'a team member is named as the team knows him');
  assert.equal(team.json.performer_user_id, ids.worker2);
  assert.equal(team.json.due, 'later');
  const net = await api.post(`/api/v1/goals/${youth.json.id}/actions`,
    { body: 'Oma brengt Sem naar school', layer: 'network', performer: 'Oma Vermeer' });
  assert.equal(net.status, 201);
  assert.equal(net.json.due_on, null);
  assert.equal(net.json.due, null);

  const plan = (await api.get(`/api/v1/cases/${c.id}/plan`)).json;
  assert.deepEqual(plan.layer_counts, { self: 1, network: 1, volunteer: 0, team: 1, second_line: 0 });
  assert.equal(plan.open_actions, 3);
  assert.equal(plan.goals.length, 2);
  assert.deepEqual(plan.goals.map((g) => g.domain).sort(), ['money', 'youth']);
  assert.equal(plan.goals.find((g) => g.domain === 'money').actions.length, 2);
  assert.equal(plan.version, v0 + 5, 'every change raises the version');

  const put = await api.put(`/api/v1/cases/${c.id}/plan`, { strengths: 'Hechte familie; oma woont om de hoek' });
  assert.equal(put.status, 200);
  assert.equal(put.json.strengths, 'Hechte familie; oma woont om de hoek');
  assert.equal(put.json.version, v0 + 6);
  const same = await api.put(`/api/v1/cases/${c.id}/plan`, { strengths: 'Hechte familie; oma woont om de hoek' });
  assert.equal(same.json.version, v0 + 6, 'no change, no new version');
});

test('API: agreeing the plan, and the agreement going out of date after a change', async () => {
  const c = await newCase(api);
  const none = await api.post(`/api/v1/cases/${c.id}/plan/agree`, { agreed_on: isoDay(0) });
  assert.equal(none.status, 400);
  assert.match(none.json.fields.agreed_on, /zonder doelen/);
  const g = await api.post(`/api/v1/cases/${c.id}/goals`, { domain: 'housing', body: 'Woning schoon en veilig' });
  for (const [value, re] of [[undefined, /Vul de datum in/], ['31-12-2025', /geen geldige datum/],
    [isoDay(2), /in de toekomst/], ['2000-01-01', /vóór de opening/]]) {
    const r = await api.post(`/api/v1/cases/${c.id}/plan/agree`, value === undefined ? {} : { agreed_on: value });
    assert.equal(r.status, 400, String(value));
    assert.match(r.json.fields.agreed_on, re, String(value));
  }
  const ok = await api.post(`/api/v1/cases/${c.id}/plan/agree`, { agreed_on: isoDay(0) });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.agreed_on, isoDay(0));
  assert.equal(ok.json.agreed_version, ok.json.version);
  assert.equal(ok.json.agreement_outdated, false);
  const changed = await api.patch(`/api/v1/goals/${g.json.id}`, { body: 'Woning schoon, veilig en warm' });
  assert.equal(changed.status, 200);
  assert.equal(changed.json.body, 'Woning schoon, veilig en warm');
  assert.equal(changed.json.domain, 'housing', 'members not given stay');
  const after = (await api.get(`/api/v1/cases/${c.id}/plan`)).json;
  assert.equal(after.agreement_outdated, true);
  assert.equal(after.agreed_version, ok.json.version);
  assert.equal(after.version, ok.json.version + 1);
  const web = await webAs(srv.base, 'worker');
  assert.match(main((await web.get(`/cases/${c.id}`)).text), /De afspraak betreft een eerdere versie/);
  assert.equal(count(`audit WHERE entity = 'plan_agreement' AND case_id = ${c.id} AND user_id = ${ids.worker}`), 1);
});

test('API: goals and actions are validated field by field, and nothing is written', async () => {
  const c = await newCase(api);
  const before = count('goal');
  const bad = await api.post(`/api/v1/cases/${c.id}/goals`, { domain: 'luck', body: '', situation: 7, status: 'achieved' });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error, 'invalid');
  for (const f of ['domain', 'body', 'situation', 'status']) assert.ok(bad.json.fields[f], f);
  const long = await api.post(`/api/v1/cases/${c.id}/goals`, { domain: 'work', body: 'x'.repeat(201) });
  assert.match(long.json.fields.body, /hoogstens 200 tekens/);
  assert.equal(count('goal'), before);

  const g = (await api.post(`/api/v1/cases/${c.id}/goals`, { domain: 'work', body: 'Vrijwilligerswerk vinden' })).json;
  const actionsBefore = count('action');
  const a = await api.post(`/api/v1/goals/${g.id}/actions`, { body: '', performer: '', due_on: '2020-01-01', status: 'someday' });
  assert.equal(a.status, 400);
  for (const f of ['body', 'layer', 'performer', 'due_on', 'status']) assert.ok(a.json.fields[f], f);
  assert.match(a.json.fields.layer, /Kies wie de actie draagt/);
  assert.match(a.json.fields.due_on, /in het verleden/);
  const notTeam = await api.post(`/api/v1/goals/${g.id}/actions`,
    { body: 'Bellen', layer: 'volunteer', performer: 'x', performer_user_id: ids.worker2 });
  assert.match(notTeam.json.fields.performer_user_id, /hoort in de laag wijkteam/);
  const admin = await api.post(`/api/v1/goals/${g.id}/actions`,
    { body: 'Bellen', layer: 'team', performer: 'x', performer_user_id: ids.admin });
  assert.match(admin.json.fields.performer_user_id, /actief teamlid/);
  const outsider = (await other.api.worker.get('/api/v1/me')).json.id;
  const foreign = await api.post(`/api/v1/goals/${g.id}/actions`,
    { body: 'Bellen', layer: 'team', performer: 'x', performer_user_id: outsider });
  assert.match(foreign.json.fields.performer_user_id, /actief teamlid/);
  assert.equal(count('action'), actionsBefore);

  const x = (await api.post(`/api/v1/goals/${g.id}/actions`, { body: 'Vacaturebank bekijken', layer: 'self', performer: 'Anna', due_on: isoDay(5) })).json;
  const patchBad = await api.patch(`/api/v1/actions/${x.id}`, { layer: 'moon', due_on: 'gisteren' });
  assert.equal(patchBad.status, 400);
  assert.ok(patchBad.json.fields.layer);
  assert.ok(patchBad.json.fields.due_on);
  const goalBad = await api.patch(`/api/v1/goals/${g.id}`, { status: 'maybe' });
  assert.match(goalBad.json.fields.status, /open, bereikt of vervallen/);
  assert.equal(sql(srv.db, `SELECT layer || '|' || due_on FROM action WHERE id = ${x.id}`), `self|${isoDay(5)}`);
});

test('API: actions change state; a cleared due date; a finished goal takes no new actions', async () => {
  const { c, goal, action } = await caseWithPlan(api, { due_on: isoDay(1) });
  const progress = await api.patch(`/api/v1/actions/${action.id}`, { status: 'in_progress' });
  assert.equal(progress.status, 200);
  assert.equal(progress.json.status, 'in_progress');
  assert.equal(progress.json.layer, 'volunteer', 'members not given stay');
  assert.equal(progress.json.due_on, isoDay(1));
  const cleared = await api.patch(`/api/v1/actions/${action.id}`, { due_on: null });
  assert.equal(cleared.json.due_on, null);
  const done = await api.patch(`/api/v1/actions/${action.id}`, { status: 'done' });
  assert.equal(done.json.status, 'done');
  assert.equal((await api.get(`/api/v1/cases/${c.id}/plan`)).json.open_actions, 0);
  const achieved = await api.patch(`/api/v1/goals/${goal.id}`, { status: 'achieved' });
  assert.equal(achieved.status, 200);
  assert.equal(achieved.json.actions.length, 1, 'the goal comes back with its actions');
  const more = await api.post(`/api/v1/goals/${goal.id}/actions`, { body: 'Nog iets', layer: 'self', performer: 'Anna' });
  assert.equal(more.status, 409);
  assert.match(more.json.message, /bereikt of vervallen/);
  // Cancelled actions do not count in the layers.
  const x = (await api.patch(`/api/v1/goals/${goal.id}`, { status: 'open' })).json;
  assert.equal(x.status, 'open');
  const extra = (await api.post(`/api/v1/goals/${goal.id}/actions`, { body: 'Buurvrouw vragen', layer: 'volunteer', performer: 'Buurvrouw' })).json;
  await api.patch(`/api/v1/actions/${extra.id}`, { status: 'cancelled' });
  assert.equal((await api.get(`/api/v1/cases/${c.id}/plan`)).json.layer_counts.volunteer, 1);
});

test('API: a closed case\'s plan is read-only (409) but still readable', async () => {
  const { c, goal, action } = await caseWithPlan(api);
  assert.equal((await api.post(`/api/v1/cases/${c.id}/close`, { close_reason: 'goals_achieved', confirm: true })).status, 200);
  const version = sql(srv.db, `SELECT version FROM plan WHERE case_id = ${c.id}`);
  const tries = [
    await api.put(`/api/v1/cases/${c.id}/plan`, { strengths: 'Later' }),
    await api.post(`/api/v1/cases/${c.id}/plan/agree`, { agreed_on: isoDay(0) }),
    await api.post(`/api/v1/cases/${c.id}/goals`, { domain: 'care', body: 'Nieuw' }),
    await api.patch(`/api/v1/goals/${goal.id}`, { body: 'Anders' }),
    await api.post(`/api/v1/goals/${goal.id}/actions`, { body: 'Nieuw', layer: 'self', performer: 'Anna' }),
    await api.patch(`/api/v1/actions/${action.id}`, { status: 'done' }),
  ];
  for (const r of tries) {
    assert.equal(r.status, 409, r.text);
    assert.match(r.json.message, /gesloten/);
  }
  assert.equal(sql(srv.db, `SELECT version FROM plan WHERE case_id = ${c.id}`), version);
  const read = await api.get(`/api/v1/cases/${c.id}/plan`);
  assert.equal(read.status, 200);
  assert.equal(read.json.goals[0].actions[0].status, 'planned');
  const web = await webAs(srv.base, 'worker');
  const page = main((await web.get(`/cases/${c.id}`)).text);
  assert.match(page, /Rekeningen op tijd betalen/);
  assert.doesNotMatch(page, /Actie wijzigen|Doel wijzigen|Krachten bewerken|<form/);
  const goalPage = await web.get(`/goals/${goal.id}`);
  assert.equal(goalPage.status, 200);
  assert.match(goalPage.text, /het plan kan niet meer worden gewijzigd/);
  assert.equal((await web.post(`/actions/${action.id}`, { status: 'done' })).status, 409);
});

// ---- the plan on the pages -----------------------------------------------------------------------------------------

test('web: write the plan on the case page; the layers are visible at a glance', async () => {
  const c = await newCase(api);
  const web = await webAs(srv.base, 'worker');
  const page = await web.get(`/cases/${c.id}`);
  assert.match(page.text, /Nog niet afgesproken met de bewoner/);
  assert.match(page.text, /Nog geen doelen/);
  assert.doesNotMatch(page.text, /Plan afspreken met de bewoner/, 'no agreement without goals');

  const s = await web.post(`/cases/${c.id}/plan`, { strengths: 'Zoon helpt met de administratie' });
  assert.equal(s.status, 303);
  assert.equal(s.location, `/cases/${c.id}?melding=saved#h-plan`);
  const g = await web.post(`/cases/${c.id}/goals`, { domain: 'health', situation: 'Slaapt slecht', strength: 'Wandelt graag', body: 'Beter slapen' });
  assert.equal(g.status, 303);
  const goalId = Number(g.location.match(/#goal-(\d+)$/)[1]);
  const a = await web.post(`/goals/${goalId}/actions`, { body: 'Naar de huisarts', layer: 'second_line', performer: 'Huisarts', performer_user_id: '', due_on: isoDay(10) });
  assert.equal(a.status, 303, a.text);
  const b = await web.post(`/goals/${goalId}/actions`, { body: 'Wandelgroep', layer: 'team', performer: '', performer_user_id: String(ids.worker2), due_on: '' });
  assert.equal(b.status, 303, b.text);
  const ag = await web.post(`/cases/${c.id}/plan/agree`, { agreed_on: isoDay(0) });
  assert.equal(ag.status, 303);

  const body = main((await web.get(`/cases/${c.id}`)).text);
  assert.match(body, /Afgesproken met de bewoner op/);
  assert.match(body, /Zoon helpt met de administratie/);
  assert.match(body, /<h4[^>]*id="goal-\d+">Gezondheid: Beter slapen<\/h4>/);
  assert.match(body, /Slaapt slecht/);
  assert.match(body, /Wandelt graag/);
  assert.match(body, /<span class="wt-layer wt-layer--second_line">specialist \(tweede lijn\)<\/span> Naar de huisarts/);
  assert.match(body, /Uitvoerder: Joost Visser/);
  // The layer summary: one count per layer.
  const layers = body.match(/<ol class="wt-layers"[^>]*>([\s\S]*?)<\/ol>/)[1];
  const layer = (code, label, n) => new RegExp(`wt-layer--${code}">${label}</span> <span class="wt-layers__count">${n}</span>`);
  assert.match(layers, layer('self', 'zelf', 0));
  assert.match(layers, layer('team', 'wijkteam', 1));
  assert.match(layers, layer('second_line', 'specialist \\(tweede lijn\\)', 1));
  assert.match(layers, /wt-layers__item wt-layers__item--none"><span class="wt-layer wt-layer--self">/, 'an empty layer looks empty');
  const audit = sql(srv.db, `SELECT entity FROM audit WHERE case_id = ${c.id} AND action IN ('create','update') AND entity <> 'case' ORDER BY id`).split('\n');
  // Joost, given an action, became a member of the case (need-to-know).
  assert.deepEqual(audit, ['plan', 'goal', 'plan', 'action', 'plan', 'action', 'case_member', 'plan', 'plan_agreement']);
});

test('web: a form with errors comes back on its own page with every field error and what was typed', async () => {
  const { c, goal, action } = await caseWithPlan(api);
  const web = await webAs(srv.base, 'worker');
  await web.get(`/cases/${c.id}`);
  const g = await web.post(`/cases/${c.id}/goals`, { domain: '', situation: 'Veel stress thuis', strength: '', body: '' });
  assert.equal(g.status, 400);
  assert.match(g.text, /Kies het levensgebied van het doel/);
  assert.match(g.text, /Vul het doel in/);
  assert.match(g.text, /Veel stress thuis<\/textarea>/, 'what was typed stays');
  assert.match(g.text, /href="#f-domain"/, 'the error summary links to the field');

  const a = await web.post(`/goals/${goal.id}/actions`, { body: 'Buurthuis bezoeken', layer: '', performer: '', performer_user_id: 'iemand', due_on: '2020-02-02' });
  assert.equal(a.status, 400);
  assert.match(a.text, /Kies wie de actie draagt/);
  assert.match(a.text, /Vul in wie de actie uitvoert, of kies een teamlid/);
  assert.match(a.text, /Kies een teamlid uit de lijst/);
  assert.match(a.text, /De streefdatum ligt in het verleden/);
  assert.match(a.text, /value="Buurthuis bezoeken"/);
  assert.match(a.text, /value="2020-02-02"/);
  assert.match(a.text, /Bij het doel <strong>Geld &amp; schulden: Rekeningen op tijd betalen<\/strong>/);

  const s = await web.post(`/cases/${c.id}/plan`, { strengths: 'x'.repeat(4001) });
  assert.equal(s.status, 400);
  assert.match(s.text, /hoogstens 4000 tekens/);
  const ag = await web.post(`/cases/${c.id}/plan/agree`, { agreed_on: isoDay(5) });
  assert.equal(ag.status, 400);
  assert.match(ag.text, /ligt in de toekomst/);
  assert.match(ag.text, new RegExp(`value="${isoDay(5)}"`));

  const ge = await web.post(`/goals/${goal.id}`, { domain: 'money', situation: '', strength: '', body: '', status: 'open' });
  assert.equal(ge.status, 400);
  assert.match(ge.text, /Vul het doel in/);
  const ae = await web.post(`/actions/${action.id}`, { body: 'Budgetcursus volgen', layer: 'volunteer', performer: 'Schuldhulpmaatje', performer_user_id: '', due_on: '31-02-2027', status: 'planned' });
  assert.equal(ae.status, 400);
  assert.match(ae.text, /geen geldige datum/);
  assert.match(ae.text, /value="31-02-2027"/);
  assert.equal(sql(srv.db, `SELECT body || '|' || COALESCE(due_on, '') FROM action WHERE id = ${action.id}`), 'Budgetcursus volgen|');
});

test('web: change a goal and an action on their pages; "Klaar" marks an action done', async () => {
  const { c, goal, action } = await caseWithPlan(api);
  await addToCase(api, c.id, await apiAs(srv.base, 'worker2'));
  const web = await webAs(srv.base, 'worker2');
  const gp = await web.get(`/goals/${goal.id}`);
  assert.equal(gp.status, 200);
  assert.match(gp.text, /value="Rekeningen op tijd betalen"/);
  const g = await web.post(`/goals/${goal.id}`, { domain: 'money', situation: 'Drie schuldeisers', strength: '', body: 'Schulden geregeld', status: 'open' });
  assert.equal(g.status, 303);
  assert.equal(g.location, `/cases/${c.id}?melding=saved#goal-${goal.id}`);
  const ap = await web.get(`/actions/${action.id}`);
  assert.equal(ap.status, 200);
  assert.match(ap.text, /value="Budgetcursus volgen"/);
  const a = await web.post(`/actions/${action.id}`, { body: 'Budgetcursus volgen', layer: 'volunteer', performer: 'Schuldhulpmaatje', performer_user_id: '', due_on: isoDay(14), status: 'in_progress' });
  assert.equal(a.status, 303, a.text);
  assert.equal(sql(srv.db, `SELECT status || '|' || due_on FROM action WHERE id = ${action.id}`), `in_progress|${isoDay(14)}`);
  const page = main((await web.get(`/cases/${c.id}`)).text);
  assert.match(page, /Schulden geregeld/);
  assert.match(page, /Stand: Bezig/);
  assert.match(page, /<button[^>]*>Klaar<span class="wt-visually-hidden">: Budgetcursus volgen<\/span><\/button>/);
  const done = await web.post(`/actions/${action.id}`, { status: 'done' });
  assert.equal(done.status, 303);
  assert.equal(sql(srv.db, `SELECT status || '|' || due_on || '|' || layer FROM action WHERE id = ${action.id}`), `done|${isoDay(14)}|volunteer`);
});

// ---- roles ---------------------------------------------------------------------------------------------------------

test('roles: the members of the case (a worker, the team leader) may write the plan; others may not', async () => {
  const { c, goal, action } = await caseWithPlan(api);
  for (const role of ['worker2', 'teamleader']) {
    const a = await apiAs(srv.base, role);
    assert.equal((await a.get(`/api/v1/cases/${c.id}/plan`)).status, 403, `${role} is no member yet`);
    await addToCase(api, c.id, a, `Werkt mee (${role})`);
    assert.equal((await a.get(`/api/v1/cases/${c.id}/plan`)).status, 200, role);
    assert.equal((await a.post(`/api/v1/cases/${c.id}/goals`, { domain: 'care', body: `Doel van ${role}` })).status, 201, role);
    assert.equal((await a.patch(`/api/v1/actions/${action.id}`, { performer: `Maatje ${role}` })).status, 200, role);
    assert.equal((await (await webAs(srv.base, role)).get(`/goals/${goal.id}`)).status, 200, role);
  }
  const version = sql(srv.db, `SELECT version FROM plan WHERE case_id = ${c.id}`);
  const writes = (a) => [
    () => a.get(`/api/v1/cases/${c.id}/plan`),
    () => a.put(`/api/v1/cases/${c.id}/plan`, { strengths: 'x' }),
    () => a.post(`/api/v1/cases/${c.id}/plan/agree`, { agreed_on: isoDay(0) }),
    () => a.post(`/api/v1/cases/${c.id}/goals`, { domain: 'care', body: 'x' }),
    () => a.patch(`/api/v1/goals/${goal.id}`, { body: 'x' }),
    () => a.post(`/api/v1/goals/${goal.id}/actions`, { body: 'x', layer: 'self', performer: 'x' }),
    () => a.patch(`/api/v1/actions/${action.id}`, { status: 'done' }),
  ];
  const pages = (w) => [
    () => w.get(`/goals/${goal.id}`),
    () => w.get(`/actions/${action.id}`),
    () => w.post(`/cases/${c.id}/plan`, { strengths: 'x' }),
    () => w.post(`/cases/${c.id}/plan/agree`, { agreed_on: isoDay(0) }),
    () => w.post(`/cases/${c.id}/goals`, { domain: 'care', body: 'x' }),
    () => w.post(`/goals/${goal.id}`, { body: 'x' }),
    () => w.post(`/goals/${goal.id}/actions`, { body: 'x', layer: 'self', performer: 'x' }),
    () => w.post(`/actions/${action.id}`, { status: 'done' }),
  ];
  for (const role of ['admin', 'policy', 'community']) {
    const a = await apiAs(srv.base, role);
    const w = await webAs(srv.base, role);
    for (const f of writes(a)) assert.equal((await f()).status, 403, role);
    for (const f of pages(w)) {
      const r = await f();
      assert.equal(r.status, 403, role);
      assert.doesNotMatch(r.text, /Rekeningen|Budgetcursus|Schulden en zorgen/);
    }
  }
  for (const role of ['worker', 'teamleader']) {
    for (const f of writes(other.api[role])) assert.equal((await f()).status, 404, `other team ${role}`);
    for (const f of pages(other.web[role])) assert.equal((await f()).status, 404, `other team ${role}`);
  }
  assert.equal(sql(srv.db, `SELECT version FROM plan WHERE case_id = ${c.id}`), version, 'nothing changed');
  assert.equal((await new ApiClient(srv.base).get(`/api/v1/cases/${c.id}/plan`)).status, 401);
  assert.equal((await new ApiClient(srv.base).patch(`/api/v1/actions/${action.id}`, { status: 'done' })).status, 401);
  const anon = await new WebClient(srv.base).get(`/goals/${goal.id}`);
  assert.equal(anon.status, 303);
  assert.match(anon.headers.get('location'), /^\/login/);
  assert.equal((await api.get('/api/v1/goals/999999')).status, 405);
  assert.equal((await api.patch('/api/v1/goals/999999', { body: 'x' })).status, 404);
  assert.equal((await api.patch('/api/v1/actions/999999', { status: 'done' })).status, 404);
  assert.equal((await (await webAs(srv.base, 'worker')).get('/actions/999999')).status, 404);
});

test('reads of the plan, a goal and an action are in the audit trail', async () => {
  const { c, goal, action } = await caseWithPlan(api);
  const joost = await apiAs(srv.base, 'worker2');
  await addToCase(api, c.id, joost);
  const q = (entity) => count(`audit WHERE action = 'read' AND entity = '${entity}' AND case_id = ${c.id} AND household_id = ${c.household_id} AND user_id = ${ids.worker2}`);
  assert.equal(q('plan'), 0);
  await joost.get(`/api/v1/cases/${c.id}/plan`);
  assert.equal(q('plan'), 1);
  const web = await webAs(srv.base, 'worker2');
  await web.get(`/goals/${goal.id}`);
  assert.equal(q('goal'), 1);
  await web.get(`/actions/${action.id}`);
  assert.equal(q('action'), 1);
  assert.equal(q('goal'), 2, 'the action page names its goal');
});
