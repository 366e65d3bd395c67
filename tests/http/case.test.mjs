// The case: opening (one open case per household), the case page, the case
// list, hand-over of coordination and closing, on the web and over the API,
// for every role.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, WebClient, ApiClient, webAs, apiAs } from './lib.mjs';
import { newHousehold, newCase, caseWithPlan, sql, userId, main, otherTeam, addToCase } from './case-lib.mjs';

let srv;
let api;       // worker (sanne)
let ids = {};
before(async () => {
  srv = await startServer();
  api = await apiAs(srv.base, 'worker');
  for (const role of ['worker', 'worker2', 'teamleader', 'admin', 'policy']) ids[role] = await userId(await apiAs(srv.base, role));
});
after(async () => { await srv.stop(); });

test('web: a worker opens a case from the household and lands on the case page', async () => {
  const hh = await newHousehold(api, 'Dijkstra');
  const web = await webAs(srv.base, 'worker');
  const form = await web.get(`/households/${hh}/case`);
  assert.equal(form.status, 200);
  assert.match(form.text, /name="reason"/);
  assert.match(form.text, /name="coordinator_id"/);
  const r = await web.post(`/households/${hh}/case`, { reason: 'Huurachterstand en stress', coordinator_id: String(ids.worker) });
  assert.equal(r.status, 303);
  const m = r.location.match(/^\/cases\/(\d+)\?melding=case_opened$/);
  assert.ok(m, r.location);
  const page = await web.get(r.location);
  assert.equal(page.status, 200);
  const body = main(page.text);
  assert.match(body, /<h1[^>]*>Huishouden Dijkstra/);
  assert.match(body, /De casus is geopend/);
  assert.match(body, /Regisseur:.*Sanne de Vries/);
  assert.match(body, /Huurachterstand en stress/);
  assert.match(body, /Anna Dijkstra/, 'members of the household');
  assert.match(body, /Schieringerweg/, 'address');
  for (const h of ['Huishouden', 'Plan', 'Tijdlijn', 'Regie', 'Casus sluiten']) assert.match(body, new RegExp(`<h2[^>]*>${h}</h2>`));
  assert.equal((body.match(/<h1/g) || []).length, 1);
});

test('a second open case for a household is refused (web 409, API 409) and nothing is written', async () => {
  const c = await newCase(api);
  const before = sql(srv.db, 'SELECT COUNT(*) FROM cases');
  const again = await api.post('/api/v1/cases', { household_id: c.household_id, reason: 'Nog een casus' });
  assert.equal(again.status, 409);
  assert.equal(again.json.error, 'conflict');
  assert.match(again.json.message, /al een open casus/);
  const web = await webAs(srv.base, 'worker2');
  const r = await web.post(`/households/${c.household_id}/case`, { reason: 'Dubbel', coordinator_id: String(ids.worker2) });
  assert.equal(r.status, 409);
  assert.match(r.text, /al een open casus/);
  assert.match(r.text, new RegExp(`href="/cases/${c.id}"`));
  assert.equal(sql(srv.db, 'SELECT COUNT(*) FROM cases'), before);
  assert.equal(sql(srv.db, `SELECT COUNT(*) FROM plan WHERE case_id IN (SELECT id FROM cases WHERE household_id = ${c.household_id})`), '1');
});

test('opening validates: reason required, coordinator an active worker of the team; errors name the field', async () => {
  const hh = await newHousehold(api);
  const web = await webAs(srv.base, 'worker');
  await web.get(`/households/${hh}/case`);
  const r = await web.post(`/households/${hh}/case`, { reason: '  ', coordinator_id: String(ids.admin) });
  assert.equal(r.status, 400);
  assert.match(r.text, /Vul de reden van aanmelding in/);
  assert.match(r.text, /De regisseur moet een actieve sociaal werker of teamleider van het team zijn/);
  assert.match(r.text, /href="#f-reason"/);
  const bad = await api.post('/api/v1/cases', { household_id: hh, reason: 'x'.repeat(4001), coordinator_id: ids.policy });
  assert.equal(bad.status, 400);
  assert.ok(bad.json.fields.reason);
  assert.ok(bad.json.fields.coordinator_id);
  const types = await api.post('/api/v1/cases', { household_id: 'een', reason: 5 });
  assert.equal(types.status, 400);
  assert.ok(types.json.fields.household_id);
  const none = await api.post('/api/v1/cases', { reason: 'Zonder huishouden' });
  assert.equal(none.status, 400);
  assert.ok(none.json.fields.household_id);
  const unknown = await api.post('/api/v1/cases', { household_id: 999999, reason: 'Onbekend' });
  assert.equal(unknown.status, 404);
  assert.equal(sql(srv.db, `SELECT COUNT(*) FROM cases WHERE household_id = ${hh}`), '0');
});

test('API: open a case for a colleague, read it, and list the team\'s cases with filters and paging', async () => {
  const c = await newCase(api, { coordinator_id: ids.worker2 });
  assert.equal(c.coordinator.id, ids.worker2);
  assert.equal(c.status, 'open');
  assert.deepEqual(c.handovers, []);
  const got = await api.get(`/api/v1/cases/${c.id}`);
  assert.equal(got.status, 200);
  assert.equal(got.json.household_id, c.household_id);
  const byCoord = await api.get(`/api/v1/cases?coordinator=${ids.worker2}&limit=200`);
  assert.equal(byCoord.status, 200);
  assert.ok(byCoord.json.items.some((x) => x.id === c.id));
  assert.ok(byCoord.json.items.every((x) => x.coordinator.id === ids.worker2));
  const mine = await api.get('/api/v1/cases?mine=1&limit=200');
  assert.ok(mine.json.items.every((x) => x.coordinator.id === ids.worker));
  assert.ok(!mine.json.items.some((x) => x.id === c.id));
  const closed = await api.get('/api/v1/cases?status=closed&limit=200');
  assert.ok(closed.json.items.every((x) => x.status === 'closed'));
  const page = await api.get('/api/v1/cases?status=all&limit=1&offset=0');
  assert.equal(page.json.items.length, 1);
  assert.ok(page.json.total >= 2);
  const sorted = await api.get('/api/v1/cases?status=all&limit=200');
  const dates = sorted.json.items.map((x) => x.opened_on);
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
  const bad = await api.get('/api/v1/cases?status=half');
  assert.equal(bad.status, 400);
  assert.ok(bad.json.fields.status);
});

test('web: the case list shows the team\'s cases, filters and is paginated', async () => {
  const c = await newCase(api);
  const web = await webAs(srv.base, 'teamleader');
  const r = await web.get('/cases');
  assert.equal(r.status, 200);
  assert.match(r.text, new RegExp(`href="/cases/${c.id}"`));
  assert.match(r.text, /<th scope="col"/);
  const closed = await web.get('/cases?status=closed');
  assert.doesNotMatch(closed.text, new RegExp(`href="/cases/${c.id}"`));
  const mine = await web.get('/cases?mine=1');
  assert.doesNotMatch(mine.text, new RegExp(`href="/cases/${c.id}"`), 'the team leader does not coordinate it');
  const coord = await web.get(`/cases?coordinator=${ids.worker}`);
  assert.match(coord.text, new RegExp(`href="/cases/${c.id}"`));
  // Enough cases for a second page.
  for (let i = 0; i < 26; i++) await newCase(api);
  const p1 = await web.get('/cases');
  assert.match(p1.text, /Pagina 1 van \d+/);
  assert.match(p1.text, /rel="next" href="\/cases\?status=open&amp;offset=25"/);
  const p2 = await web.get('/cases?offset=25');
  assert.match(p2.text, /Pagina 2 van/);
  assert.equal((main(p1.text).match(/<tr class="utrecht-table__row"><th scope="row"/g) || []).length, 25);
});

test('hand-over by the coordinator is recorded and shown on the case page', async () => {
  const c = await newCase(api);
  const web = await webAs(srv.base, 'worker');
  const page = await web.get(`/cases/${c.id}`);
  assert.match(page.text, /Regie overdragen/);
  const r = await web.post(`/cases/${c.id}/handover`, { to_user_id: String(ids.worker2), reason: 'Drie weken vakantie' });
  assert.equal(r.status, 303);
  assert.equal(r.location, `/cases/${c.id}?melding=handover#h-regie`);
  const after = main((await web.get(`/cases/${c.id}`)).text);
  assert.match(after, /Regisseur:.*Joost Visser/);
  assert.match(after, /van Sanne de Vries naar Joost Visser \(door Sanne de Vries\)/);
  assert.match(after, /Drie weken vakantie/);
  const row = sql(srv.db, `SELECT from_user_id, to_user_id, by_user_id, reason FROM case_handover WHERE case_id = ${c.id}`);
  assert.equal(row, `${ids.worker}|${ids.worker2}|${ids.worker}|Drie weken vakantie`);
  // Sanne is no longer the coordinator: she may not hand over again.
  const again = await web.post(`/cases/${c.id}/handover`, { to_user_id: String(ids.teamleader), reason: 'Terug' });
  assert.equal(again.status, 403);
});

test('hand-over: only the coordinator or the team leader; errors name the field', async () => {
  const c = await newCase(api);
  const other = await apiAs(srv.base, 'worker2');
  const denied = await other.post(`/api/v1/cases/${c.id}/handover`, { to_user_id: ids.worker2, reason: 'Ik neem het' });
  assert.equal(denied.status, 403);
  const self = await api.post(`/api/v1/cases/${c.id}/handover`, { to_user_id: ids.worker, reason: 'x' });
  assert.equal(self.status, 400);
  assert.ok(self.json.fields.to_user_id);
  const admin = await api.post(`/api/v1/cases/${c.id}/handover`, { to_user_id: ids.admin, reason: '' });
  assert.equal(admin.status, 400);
  assert.ok(admin.json.fields.to_user_id);
  assert.ok(admin.json.fields.reason);
  const web = await webAs(srv.base, 'worker');
  await web.get(`/cases/${c.id}`);
  const form = await web.post(`/cases/${c.id}/handover`, { to_user_id: '', reason: '' });
  assert.equal(form.status, 400);
  assert.match(form.text, /Kies aan wie u de regie overdraagt/);
  assert.match(form.text, /Vul de reden van de overdracht in/);
  assert.equal(sql(srv.db, `SELECT COUNT(*) FROM case_handover WHERE case_id = ${c.id}`), '0');
  const tl = await apiAs(srv.base, 'teamleader');
  const ok = await tl.post(`/api/v1/cases/${c.id}/handover`, { to_user_id: ids.worker2, reason: 'Caseload verdelen' });
  assert.equal(ok.status, 200);
  assert.equal(ok.json.coordinator.id, ids.worker2);
  assert.equal(ok.json.reason, undefined, 'the team leader, no member, gets what the team may know');
  const seen = await api.get(`/api/v1/cases/${c.id}`);
  assert.equal(seen.status, 200, 'the former coordinator stays a member for the hand-over');
  assert.equal(seen.json.handovers.length, 1);
  assert.equal(seen.json.handovers[0].by.id, ids.teamleader);
});

test('closing: reason from the list, open actions need confirmation, a closed case is read-only', async () => {
  const { c } = await caseWithPlan(api);
  const web = await webAs(srv.base, 'worker');
  const page = await web.get(`/cases/${c.id}`);
  assert.match(page.text, /Er staat nog 1 actie open in het plan/);
  const noReason = await web.post(`/cases/${c.id}/close`, { close_reason: '', note: '' });
  assert.equal(noReason.status, 400);
  assert.match(noReason.text, /Kies de reden om de casus te sluiten/);
  const unconfirmed = await web.post(`/cases/${c.id}/close`, { close_reason: 'goals_achieved', note: '' });
  assert.equal(unconfirmed.status, 400);
  assert.match(unconfirmed.text, /<div class="utrecht-form-field-error-message" id="f-confirm-error"><span class="wt-visually-hidden">Fout: <\/span>Er staat nog 1 actie open in het plan. Bevestig dat u de casus toch wilt sluiten/);
  assert.match(unconfirmed.text, /utrecht-form-field--checkbox utrecht-form-field--invalid/);
  const kept = await web.post(`/cases/${c.id}/close`, { close_reason: '', note: 'Verhuisd naar Sneek', confirm: '1' });
  assert.equal(kept.status, 400);
  assert.match(kept.text, /name="confirm" value="1" aria-describedby="f-confirm-error" checked>/, 'the ticked box stays ticked');
  assert.match(kept.text, /Verhuisd naar Sneek<\/textarea>/);
  const other = await api.post(`/api/v1/cases/${c.id}/close`, { close_reason: 'other', confirm: true });
  assert.equal(other.status, 400);
  assert.ok(other.json.fields.note, 'a note is required with "other"');
  assert.equal(sql(srv.db, `SELECT status FROM cases WHERE id = ${c.id}`), 'open');
  const ok = await web.post(`/cases/${c.id}/close`, { close_reason: 'referred_second_line', note: 'Naar GGZ', confirm: '1' });
  assert.equal(ok.status, 303);
  const closed = main((await web.get(`/cases/${c.id}`)).text);
  assert.match(closed, /Gesloten casus/);
  assert.match(closed, /Doorverwezen naar de tweede lijn/);
  assert.doesNotMatch(closed, /Regie overdragen|Contact vastleggen|Doel toevoegen/);
  const twice = await api.post(`/api/v1/cases/${c.id}/close`, { close_reason: 'moved_away' });
  assert.equal(twice.status, 409);
  const contact = await api.post(`/api/v1/cases/${c.id}/contacts`, { kind: 'phone', happened_on: '2026-01-05', summary: 'Na' });
  assert.equal(contact.status, 409);
  const webContact = await web.post(`/cases/${c.id}/contacts`, { kind: 'phone', happened_on: '2026-01-05', summary: 'Na' });
  assert.equal(webContact.status, 409);
  // A new case for the household is possible again.
  const next = await api.post('/api/v1/cases', { household_id: c.household_id, reason: 'Opnieuw aangemeld' });
  assert.equal(next.status, 201);
});

test('every read of the case page is in the audit trail with case and household', async () => {
  const c = await newCase(api);
  await addToCase(api, c.id, await apiAs(srv.base, 'worker2'));
  const web = await webAs(srv.base, 'worker2');
  const q = `SELECT COUNT(*) FROM audit WHERE action = 'read' AND entity = 'case' AND case_id = ${c.id} AND household_id = ${c.household_id} AND user_id = ${ids.worker2}`;
  assert.equal(sql(srv.db, q), '0');
  await web.get(`/cases/${c.id}`);
  await web.get(`/cases/${c.id}`);
  assert.equal(sql(srv.db, q), '2');
  assert.equal(sql(srv.db, `SELECT COUNT(*) FROM audit WHERE action = 'create' AND entity = 'case' AND case_id = ${c.id}`), '1');
});

test('roles: administrator and policy officer get 403 on every case page and API; anonymous must log in', async () => {
  const c = await newCase(api);
  for (const role of ['admin', 'policy']) {
    const web = await webAs(srv.base, role);
    const a = await apiAs(srv.base, role);
    for (const p of ['/cases', `/cases/${c.id}`, `/households/${c.household_id}/case`, '/cases/999999']) {
      const r = await web.get(p);
      assert.equal(r.status, 403, `${role} GET ${p}`);
      assert.doesNotMatch(r.text, /Huishouden Vermeer|Schulden en zorgen/);
    }
    for (const p of [`/households/${c.household_id}/case`, `/cases/${c.id}/handover`, `/cases/${c.id}/close`]) {
      assert.equal((await web.post(p, { reason: 'x', to_user_id: '1', close_reason: 'other', note: 'x' })).status, 403, `${role} POST ${p}`);
    }
    assert.equal((await a.get('/api/v1/cases')).status, 403);
    assert.equal((await a.get(`/api/v1/cases/${c.id}`)).status, 403);
    assert.equal((await a.post('/api/v1/cases', { household_id: c.household_id, reason: 'x' })).status, 403);
    assert.equal((await a.post(`/api/v1/cases/${c.id}/handover`, { to_user_id: ids.worker2, reason: 'x' })).status, 403);
    assert.equal((await a.post(`/api/v1/cases/${c.id}/close`, { close_reason: 'moved_away' })).status, 403);
  }
  assert.equal(sql(srv.db, `SELECT status || coordinator_id FROM cases WHERE id = ${c.id}`), `open${ids.worker}`);
  const anon = await new WebClient(srv.base).get(`/cases/${c.id}`);
  assert.equal(anon.status, 303);
  assert.match(anon.headers.get('location'), /^\/login\?next=\/cases\//);
  assert.equal((await new ApiClient(srv.base).get(`/api/v1/cases/${c.id}`)).status, 401);
  // Need-to-know: a worker of the team who is no member gets the "known to the team" page; members read it.
  const ahmed = await webAs(srv.base, 'community');
  const known = await ahmed.get(`/cases/${c.id}`);
  assert.equal(known.status, 403);
  assert.match(known.text, /bekend bij het team/);
  assert.doesNotMatch(known.text, /Schulden en zorgen/);
  for (const role of ['worker2', 'teamleader']) {
    await addToCase(api, c.id, await apiAs(srv.base, role), `Werkt mee (${role})`);
    assert.equal((await (await webAs(srv.base, role)).get(`/cases/${c.id}`)).status, 200, role);
    assert.equal((await (await apiAs(srv.base, role)).get(`/api/v1/cases/${c.id}`)).status, 200, role);
  }
});

test('unknown cases are 404, bad JSON 400, and the page escapes what users typed', async () => {
  const web = await webAs(srv.base, 'worker');
  assert.equal((await web.get('/cases/999999')).status, 404);
  assert.equal((await api.get('/api/v1/cases/999999')).status, 404);
  assert.equal((await web.post('/cases/999999/close', { close_reason: 'other', note: 'x' })).status, 404);
  const bad = await api.req('POST', '/api/v1/cases', '{"household_id": ');
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error, 'malformed_json');
  const c = await newCase(api, { reason: '<script>alert(1)</script> & "quotes"' });
  const page = await web.get(`/cases/${c.id}`);
  assert.doesNotMatch(page.text, /<script>alert/);
  assert.match(page.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;quotes&quot;/);
});

test('another team: its workers and team leader do not learn that the case exists (404), nor see it in lists', async () => {
  const c = await newCase(api);
  const other = await otherTeam(srv);
  for (const role of ['worker', 'teamleader']) {
    const a = other.api[role];
    const w = other.web[role];
    assert.equal((await a.get(`/api/v1/cases/${c.id}`)).status, 404, role);
    assert.equal((await a.post(`/api/v1/cases/${c.id}/handover`, { to_user_id: ids.worker2, reason: 'x' })).status, 404, role);
    assert.equal((await a.post(`/api/v1/cases/${c.id}/close`, { close_reason: 'moved_away' })).status, 404, role);
    assert.equal((await a.post('/api/v1/cases', { household_id: c.household_id, reason: 'Overnemen' })).status, 404, role);
    const list = await a.get('/api/v1/cases?status=all');
    assert.equal(list.status, 200);
    assert.equal(list.json.total, 0, 'no cases of team 1 in the list of team 2');
    for (const p of [`/cases/${c.id}`, `/households/${c.household_id}/case`]) {
      const r = await w.get(p);
      assert.equal(r.status, 404, `${role} GET ${p}`);
      assert.doesNotMatch(r.text, /Huishouden Vermeer|Schulden en zorgen/);
    }
    assert.equal((await w.post(`/cases/${c.id}/close`, { close_reason: 'moved_away' })).status, 404, role);
    assert.doesNotMatch((await w.get('/cases?status=all')).text, new RegExp(`href="/cases/${c.id}"`));
  }
  // Nor can the case be handed to someone of the other team.
  const wouter = (await other.api.worker.get('/api/v1/me')).json.id;
  const r = await api.post(`/api/v1/cases/${c.id}/handover`, { to_user_id: wouter, reason: 'Verhuisd naar Noord' });
  assert.equal(r.status, 400);
  assert.match(r.json.fields.to_user_id, /actieve sociaal werker of teamleider van het team/);
  assert.equal(sql(srv.db, `SELECT status || '|' || coordinator_id FROM cases WHERE id = ${c.id}`), `open|${ids.worker}`);
});

test('hand-over and closing are written to the audit trail', async () => {
  const c = await newCase(api);
  const tl = await apiAs(srv.base, 'teamleader');
  assert.equal((await tl.post(`/api/v1/cases/${c.id}/handover`, { to_user_id: ids.worker2, reason: 'Verdeling' })).status, 200);
  const joost = await apiAs(srv.base, 'worker2');
  const closed = await joost.post(`/api/v1/cases/${c.id}/close`, { close_reason: 'goals_achieved' });
  assert.equal(closed.status, 200, closed.text);
  assert.equal(closed.json.status, 'closed');
  assert.equal(closed.json.close_reason, 'goals_achieved');
  assert.equal(closed.json.close_note, null);
  assert.match(closed.json.closed_on, /^\d{4}-\d{2}-\d{2}$/);
  const rows = sql(srv.db, `SELECT action || ' ' || entity || ' ' || user_id || ' ' || household_id FROM audit WHERE case_id = ${c.id} AND action <> 'read' ORDER BY id`);
  assert.deepEqual(rows.split('\n'), [
    `create case ${ids.worker} ${c.household_id}`,
    `update case_handover ${ids.teamleader} ${c.household_id}`,
    `create case_member ${ids.teamleader} ${c.household_id}`,
    `update case_close ${ids.worker2} ${c.household_id}`,
  ]);
});

test('the case list filters on cases that lean on the second line (web and API)', async () => {
  const second = await caseWithPlan(api, { layer: 'second_line', performer: 'GGZ-instelling' });
  const network = await caseWithPlan(api, { layer: 'network', performer: 'Zus' });
  const a = await api.get('/api/v1/cases?second_line=1&limit=200');
  assert.equal(a.status, 200);
  assert.ok(a.json.items.some((x) => x.id === second.c.id));
  assert.ok(!a.json.items.some((x) => x.id === network.c.id));
  const web = await webAs(srv.base, 'worker');
  const r = await web.get('/cases?second_line=1');
  assert.equal(r.status, 200);
  assert.match(r.text, new RegExp(`href="/cases/${second.c.id}"`));
  assert.doesNotMatch(r.text, new RegExp(`href="/cases/${network.c.id}"`));
  assert.match(r.text, /name="second_line"[^>]*checked/);
  const done = await api.patch(`/api/v1/actions/${second.action.id}`, { status: 'done' });
  assert.equal(done.status, 200, done.text);
  const after2 = await api.get('/api/v1/cases?second_line=1&limit=200');
  assert.ok(!after2.json.items.some((x) => x.id === second.c.id), 'a finished second-line action no longer counts');
});
