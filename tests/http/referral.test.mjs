// Consents and referrals: recording and withdrawing a household's consent,
// referring from an action to a service of the social map (refused without
// recorded consent unless a legal ground is recorded), a specialist
// consultation, the steps of the status, the work queue; on the web and over
// the API, for every role, and for a worker of another team.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, WebClient, ApiClient, apiAs } from './lib.mjs';
import { caseWithMembers, outsider, clients, isoDay, main } from './support-lib.mjs';
import { addToCase } from './case-lib.mjs';
import { sql } from './case-lib.mjs';

let srv;
let api;
let web;
let other;
let service;  // a service of the demo social map: { id, organization_id, organization_name, name }
let service2; // one of another organisation

before(async () => {
  srv = await startServer();
  ({ api, web } = await clients(srv.base));
  other = await outsider(srv.base, srv.db);
  const s = await api.worker.get('/api/v1/services?q=schuld');
  assert.equal(s.status, 200, s.text);
  service = s.json.items[0];
  service2 = s.json.items.find((x) => x.organization_id !== service.organization_id);
  assert.ok(service && service2, 'the demo map has debt services of two organisations');
});
after(async () => { await srv.stop(); });

// A case with one goal and one action in the given layer; returns ids.
async function caseWithAction(layer = 'network') {
  const k = await caseWithMembers(api.worker, 'Verwijs');
  // Opened two months ago (the interface opens cases today), so that steps can lie in the past.
  sql(srv.db, `UPDATE cases SET opened_on = '${isoDay(-60)}' WHERE id = ${k.caseId}`);
  const g = await api.worker.post(`/api/v1/cases/${k.caseId}/goals`, { domain: 'money', body: 'Grip op geld' });
  assert.equal(g.status, 201, g.text);
  const a = await api.worker.post(`/api/v1/goals/${g.json.id}/actions`, { body: 'Zus helpt met de post', layer, performer: 'Zus' });
  assert.equal(a.status, 201, a.text);
  return { ...k, goalId: g.json.id, actionId: a.json.id };
}

async function giveConsent(k, fields = {}) {
  const r = await api.worker.post(`/api/v1/households/${k.householdId}/consents`, {
    person_id: k.adult, what: ['contact', 'question'], organization_id: service.organization_id,
    purpose: 'referral', given_on: isoDay(-3), form: 'written', ...fields,
  });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

const referralBody = (extra = {}) => ({ service_id: service.id, reason: 'Geldzorgen, wil hulp', urgency: 'soon', shared: ['contact', 'question'], ...extra });

test('API: a referral without recorded consent is refused and nothing is written; with consent it is sent', async () => {
  const k = await caseWithAction();
  const refused = await api.worker.post(`/api/v1/actions/${k.actionId}/referrals`, referralBody());
  assert.equal(refused.status, 400);
  assert.match(refused.json.fields.consent_id, /geen toestemming/);
  assert.match(refused.json.fields.consent_id, new RegExp(service.organization_name));
  assert.deepEqual((await api.worker.get(`/api/v1/cases/${k.caseId}/referrals`)).json.items, []);
  const consent = await giveConsent(k);
  assert.deepEqual(consent.what, ['contact', 'question']);
  assert.equal(consent.with_whom, service.organization_name, 'the party is the organisation of the map');
  const r = await api.worker.post(`/api/v1/actions/${k.actionId}/referrals`, referralBody());
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.status, 'sent');
  assert.equal(r.json.kind, 'referral');
  assert.equal(r.json.service.id, service.id);
  assert.equal(r.json.service.organisation, service.organization_name);
  assert.deepEqual(r.json.ground, { type: 'consent', consent_id: consent.id, given_on: isoDay(-3), withdrawn_on: null });
  assert.equal(r.json.action.layer, 'network');
  assert.equal(r.json.events.length, 1);
  const list = await api.worker.get(`/api/v1/cases/${k.caseId}/referrals`);
  assert.equal(list.json.items.length, 1);
  // The consent covers contact and question, not health data.
  const more = await api.worker.post(`/api/v1/actions/${k.actionId}/referrals`, referralBody({ shared: ['health'] }));
  assert.equal(more.status, 400);
  assert.match(more.json.fields.consent_id, /geen toestemming/);
  // The case now leans on the second line.
  const lean = await api.worker.get('/api/v1/cases?second_line=1&limit=200');
  assert.ok(lean.json.items.some((x) => x.id === k.caseId));
});

test('API: a legal ground replaces consent; an anonymous consultation needs neither; the advice ends it', async () => {
  const k = await caseWithAction('team');
  const noNote = await api.worker.post(`/api/v1/actions/${k.actionId}/referrals`, referralBody({ legal_ground: 'meldcode' }));
  assert.equal(noNote.status, 400);
  assert.ok(noNote.json.fields.legal_note);
  const grounded = await api.worker.post(`/api/v1/actions/${k.actionId}/referrals`,
    referralBody({ legal_ground: 'meldcode', legal_note: 'Zorgen om de veiligheid van Jelle' }));
  assert.equal(grounded.status, 201, grounded.text);
  assert.equal(grounded.json.ground.type, 'legal_ground');
  const consult = await api.worker.post(`/api/v1/actions/${k.actionId}/referrals`,
    { kind: 'consultation', service_id: service2.id, reason: 'Hoe pakken we de schulden aan?', anonymous: true });
  assert.equal(consult.status, 201, consult.text);
  assert.equal(consult.json.ground.type, 'anonymous');
  assert.deepEqual(consult.json.shared, []);
  const accept = await api.worker.post(`/api/v1/referrals/${consult.json.id}/status`, { status: 'accepted' });
  assert.equal(accept.status, 409, 'a consultation is not accepted, it is answered');
  const noAdvice = await api.worker.post(`/api/v1/referrals/${consult.json.id}/status`, { status: 'ended' });
  assert.equal(noAdvice.status, 400);
  assert.ok(noAdvice.json.fields.note);
  const done = await api.worker.post(`/api/v1/referrals/${consult.json.id}/status`, { status: 'ended', note: 'Eerst een budgetplan maken.' });
  assert.equal(done.status, 200, done.text);
  assert.equal(done.json.outcome, 'Eerst een budgetplan maken.');
  const c = await api.worker.get(`/api/v1/cases/${k.caseId}`);
  assert.equal(c.json.coordinator.id, (await api.worker.get('/api/v1/me')).json.id, 'the case stays with its coordinator');
});

test('API: steps with dates in order; bad input names the field and writes nothing', async () => {
  const k = await caseWithAction();
  await giveConsent(k, { given_on: isoDay(-20) });
  const r = await api.worker.post(`/api/v1/actions/${k.actionId}/referrals`, referralBody({ sent_on: isoDay(-10) }));
  assert.equal(r.status, 201, r.text);
  const id = r.json.id;
  assert.equal((await api.worker.post(`/api/v1/referrals/${id}/status`, { status: 'started' })).status, 409);
  const early = await api.worker.post(`/api/v1/referrals/${id}/status`, { status: 'accepted', on: isoDay(-11) });
  assert.equal(early.status, 400);
  assert.ok(early.json.fields.on);
  const future = await api.worker.post(`/api/v1/referrals/${id}/status`, { status: 'accepted', on: isoDay(1) });
  assert.equal(future.status, 400);
  for (const [status, on] of [['accepted', isoDay(-8)], ['started', isoDay(-5)], ['ended', isoDay(-1)]]) {
    const s = await api.worker.post(`/api/v1/referrals/${id}/status`, { status, on, note: status === 'ended' ? 'Budget op orde' : '' });
    assert.equal(s.status, 200, s.text);
  }
  const got = await api.worker.get(`/api/v1/referrals/${id}`);
  assert.deepEqual(got.json.dates, { sent_on: isoDay(-10), accepted_on: isoDay(-8), started_on: isoDay(-5), ended_on: isoDay(-1), declined_on: null });
  assert.equal(got.json.events.length, 4);
  const bad = await api.worker.post(`/api/v1/actions/${k.actionId}/referrals`,
    { service_id: '00000000-0000-4000-8000-000000000000', reason: '', urgency: 'gisteren', shared: ['bsn'], sent_on: isoDay(2), extra: 1 });
  assert.equal(bad.status, 400);
  for (const f of ['service_id', 'reason', 'urgency', 'shared', 'sent_on', 'extra']) assert.ok(bad.json.fields[f], f);
  const unknown = await api.worker.post(`/api/v1/actions/${k.actionId}/referrals`, referralBody({ service_id: '00000000-0000-4000-8000-000000000000' }));
  assert.match(unknown.json.fields.service_id, /niet in de sociale kaart/);
  assert.equal((await api.worker.get(`/api/v1/cases/${k.caseId}/referrals`)).json.items.length, 1);
});

test('API: consent withdrawn before a referral refuses it; a later withdrawal shows on the referral', async () => {
  const k = await caseWithAction();
  const consent = await giveConsent(k, { given_on: isoDay(-30) });
  const r = await api.worker.post(`/api/v1/actions/${k.actionId}/referrals`, referralBody({ sent_on: isoDay(-20) }));
  assert.equal(r.status, 201, r.text);
  const early = await api.worker.post(`/api/v1/consents/${consent.id}/withdraw`, { withdrawn_on: isoDay(-31) });
  assert.equal(early.status, 400);
  const w = await api.worker.post(`/api/v1/consents/${consent.id}/withdraw`, { withdrawn_on: isoDay(-2), note: 'Wil het zelf regelen' });
  assert.equal(w.status, 200, w.text);
  assert.equal(w.json.withdrawn_on, isoDay(-2));
  assert.equal((await api.worker.post(`/api/v1/consents/${consent.id}/withdraw`, { withdrawn_on: isoDay(-1) })).status, 409);
  const got = await api.worker.get(`/api/v1/referrals/${r.json.id}`);
  assert.equal(got.json.consent_withdrawn, true);
  assert.equal(got.json.ground.withdrawn_on, isoDay(-2));
  const again = await api.worker.post(`/api/v1/actions/${k.actionId}/referrals`, referralBody({ consent_id: consent.id }));
  assert.equal(again.status, 400);
  assert.match(again.json.fields.consent_id, /ingetrokken/);
  const check = await api.worker.get(`/api/v1/households/${k.householdId}/consents/check?what=contact&organization_id=${service.organization_id}&purpose=referral&on=${isoDay(-10)}`);
  assert.deepEqual(check.json, { allowed: true, consent_id: consent.id });
  const now = await api.worker.get(`/api/v1/households/${k.householdId}/consents/check?what=contact&organization_id=${service.organization_id}&purpose=referral`);
  assert.deepEqual(now.json, { allowed: false, consent_id: null });
  const bad = await api.worker.post(`/api/v1/households/${k.householdId}/consents`, { person_id: 999999, what: [], purpose: 'x', given_on: isoDay(1), form: 'sms' });
  assert.equal(bad.status, 400);
  for (const f of ['person_id', 'what', 'with_whom', 'purpose', 'given_on', 'form']) assert.ok(bad.json.fields[f], f);
});

test('work queue: referrals waiting for an answer and assessments due, on the start page and over the API', async () => {
  const k = await caseWithAction();
  await giveConsent(k, { given_on: isoDay(-40) });
  const r = await api.worker.post(`/api/v1/actions/${k.actionId}/referrals`, referralBody({ sent_on: isoDay(-21) }));
  assert.equal(r.status, 201, r.text);
  const w = await api.worker.get('/api/v1/worklist');
  assert.equal(w.status, 200);
  const item = w.json.referrals_waiting.find((x) => x.id === r.json.id);
  assert.ok(item, 'the referral waits');
  assert.equal(item.days, 21);
  assert.equal(item.long_wait, true);
  assert.ok(w.json.assessments_due.some((x) => x.person_id === k.adult), 'the new case has its adult due for an assessment');
  const waiting = await api.worker.get('/api/v1/referrals/waiting');
  assert.ok(waiting.json.items.some((x) => x.id === r.json.id));
  const home = await web.worker.get('/');
  assert.match(home.text, /Verwijzingen die wachten op antwoord/);
  assert.match(home.text, new RegExp(`href="/referrals/${r.json.id}"`));
  assert.match(home.text, /Wacht lang: vraag na/);
  assert.match(home.text, /Metingen die aan de beurt zijn/);
  await api.worker.post(`/api/v1/referrals/${r.json.id}/status`, { status: 'declined', note: 'Wachtlijst' });
  const after = await api.worker.get('/api/v1/worklist');
  assert.ok(!after.json.referrals_waiting.some((x) => x.id === r.json.id), 'answered: no longer waiting');
  const tl = await api.teamleader.get('/api/v1/worklist');
  assert.ok(!tl.json.referrals_waiting.some((x) => x.id === r.json.id), 'only the coordinator\'s queue');
});

test('web: refer from an action: search the map, no consent 400, record consent and come back, send, follow up', async () => {
  const k = await caseWithAction();
  const casePage = await web.worker.get(`/cases/${k.caseId}`);
  assert.match(casePage.text, new RegExp(`href="/actions/${k.actionId}/referrals/new"`));
  assert.match(casePage.text, /id="h-verwijzingen"/);
  assert.match(casePage.text, /id="h-toestemming"/);
  const form = await web.worker.get(`/actions/${k.actionId}/referrals/new?q=schuld`);
  assert.equal(form.status, 200);
  assert.match(form.text, new RegExp(`<option value="${service.id}">`));
  assert.match(form.text, /name="shared" value="contact" checked/);
  const fields = { kind: 'referral', service_id: service.id, reason: 'Geldzorgen <script>', urgency: 'normal', shared: ['contact', 'question'], consent_id: '', legal_ground: '', legal_note: '', sent_on: isoDay(0) };
  const refused = await web.worker.post(`/actions/${k.actionId}/referrals`, fields);
  assert.equal(refused.status, 400);
  assert.match(refused.text, /Controleer de volgende velden/);
  assert.match(refused.text, /href="#f-consent_id"/);
  assert.match(refused.text, /Geldzorgen &lt;script&gt;/, 'what was typed comes back, escaped');
  const link = `/households/${k.householdId}/consents/new?action=${k.actionId}&case=${k.caseId}`;
  assert.ok(refused.text.includes(link.replace(/&/g, '&amp;')), 'a link to record the consent');
  const cform = await web.worker.get(link);
  assert.equal(cform.status, 200);
  assert.match(cform.text, new RegExp(`<option value="${service.organization_id}">`));
  const cbad = await web.worker.post(`/households/${k.householdId}/consents`, { action: String(k.actionId), person_id: '', purpose: 'referral', given_on: isoDay(1), form: '' });
  assert.equal(cbad.status, 400);
  assert.match(cbad.text, /href="#f-what"/);
  const c = await web.worker.post(`/households/${k.householdId}/consents`, {
    action: String(k.actionId), case: String(k.caseId), person_id: String(k.adult), what: ['contact', 'question'],
    organization_id: service.organization_id, with_whom: '', purpose: 'referral', given_on: isoDay(0), form: 'verbal',
  });
  assert.equal(c.status, 303, c.text);
  assert.equal(c.location, `/actions/${k.actionId}/referrals/new?melding=consent`);
  const sent = await web.worker.post(`/actions/${k.actionId}/referrals`, fields);
  assert.equal(sent.status, 303, sent.text);
  assert.match(sent.location, new RegExp(`^/cases/${k.caseId}\\?melding=referral#h-verwijzingen$`));
  const page = await web.worker.get(`/cases/${k.caseId}`);
  const refs = (await api.worker.get(`/api/v1/cases/${k.caseId}/referrals`)).json.items;
  assert.equal(refs.length, 1);
  assert.match(page.text, new RegExp(`href="/referrals/${refs[0].id}"`));
  assert.match(page.text, /Deze casus leunt op de tweede lijn/);
  assert.match(page.text, /Gegeven op/);
  const rp = await web.worker.get(`/referrals/${refs[0].id}`);
  assert.equal(rp.status, 200);
  assert.match(main(rp.text), /Volgende stap vastleggen/);
  const step = await web.worker.post(`/referrals/${refs[0].id}/status`, { status: 'accepted', on: isoDay(0), note: '' });
  assert.equal(step.status, 303);
  const badStep = await web.worker.post(`/referrals/${refs[0].id}/status`, { status: 'started', on: isoDay(3), note: '' });
  assert.equal(badStep.status, 400);
  assert.match(badStep.text, /href="#f-on"/);
  // Withdraw on the case page: the referral shows it.
  const consents = (await api.worker.get(`/api/v1/households/${k.householdId}/consents`)).json.items;
  const wd = await web.worker.post(`/consents/${consents[0].id}/withdraw`, { case: String(k.caseId), withdrawn_on: isoDay(0), note: 'Bedacht' });
  assert.equal(wd.status, 303);
  assert.equal(wd.location, `/cases/${k.caseId}?melding=consent_withdrawn#h-toestemming`);
  const after = await web.worker.get(`/referrals/${refs[0].id}`);
  assert.match(after.text, /is ingetrokken op/);
  const wbad = await web.worker.post(`/consents/${consents[0].id}/withdraw`, { case: String(k.caseId), withdrawn_on: isoDay(0) });
  assert.equal(wbad.status, 409);
});

test('roles: team leader allowed once added to the case; a non-member 403; administrator and policy officer 403; another team 404; anonymous must log in', async () => {
  const k = await caseWithAction();
  const consent = await giveConsent(k);
  // Need-to-know: the team leader reads a case he was added to; a colleague who is no member does not.
  const ahmed = await apiAs(srv.base, 'community');
  assert.equal((await ahmed.get(`/api/v1/cases/${k.caseId}/referrals`)).status, 403);
  assert.equal((await ahmed.get(`/api/v1/households/${k.householdId}/consents`)).status, 403);
  await addToCase(api.worker, k.caseId, api.teamleader, 'Volgt de verwijzing naar de schuldhulp');
  const r = await api.worker.post(`/api/v1/actions/${k.actionId}/referrals`, referralBody());
  assert.equal(r.status, 201);
  const id = r.json.id;
  const reads = [`/api/v1/cases/${k.caseId}/referrals`, `/api/v1/referrals/${id}`, `/api/v1/households/${k.householdId}/consents`,
    `/api/v1/consents/${consent.id}`, `/api/v1/households/${k.householdId}/consents/check?what=contact&purpose=referral`];
  const pages = [`/actions/${k.actionId}/referrals/new`, `/referrals/${id}`, `/households/${k.householdId}/consents/new`];
  for (const p of reads) {
    assert.equal((await api.teamleader.get(p)).status, 200, `teamleader ${p}`);
    assert.equal((await api.admin.get(p)).status, 403, `admin ${p}`);
    assert.equal((await api.policy.get(p)).status, 403, `policy ${p}`);
    assert.equal((await other.api.get(p)).status, 404, `other team ${p}`);
    assert.equal((await new ApiClient(srv.base).get(p)).status, 401, `anonymous ${p}`);
  }
  for (const p of pages) {
    assert.equal((await web.teamleader.get(p)).status, 200, `teamleader ${p}`);
    assert.equal((await web.admin.get(p)).status, 403, `admin ${p}`);
    assert.equal((await web.policy.get(p)).status, 403, `policy ${p}`);
    assert.equal((await other.web.get(p)).status, 404, `other team ${p}`);
    const anon = await new WebClient(srv.base).get(p);
    assert.equal(anon.status, 303, `anonymous ${p}`);
  }
  assert.equal((await api.teamleader.get('/api/v1/referrals/waiting')).status, 200);
  assert.equal((await api.admin.get('/api/v1/referrals/waiting')).status, 403);
  assert.equal((await api.policy.get('/api/v1/referrals/waiting')).status, 403);
  // Writes: the team leader may; the others are refused and nothing is written.
  const tl = await api.teamleader.post(`/api/v1/referrals/${id}/status`, { status: 'accepted' });
  assert.equal(tl.status, 200, tl.text);
  const writes = [
    [`/api/v1/actions/${k.actionId}/referrals`, referralBody()],
    [`/api/v1/referrals/${id}/status`, { status: 'started' }],
    [`/api/v1/households/${k.householdId}/consents`, { person_id: k.adult, what: ['contact'], with_whom: 'Huisarts', purpose: 'referral', given_on: isoDay(0), form: 'verbal' }],
    [`/api/v1/consents/${consent.id}/withdraw`, { withdrawn_on: isoDay(0) }],
  ];
  for (const [p, b] of writes) {
    assert.equal((await api.admin.post(p, b)).status, 403, `admin ${p}`);
    assert.equal((await api.policy.post(p, b)).status, 403, `policy ${p}`);
    assert.equal((await other.api.post(p, b)).status, 404, `other team ${p}`);
    assert.equal((await new ApiClient(srv.base).post(p, b)).status, 401, `anonymous ${p}`);
  }
  const webWrites = [[`/actions/${k.actionId}/referrals`, {}], [`/referrals/${id}/status`, { status: 'started' }],
    [`/households/${k.householdId}/consents`, {}], [`/consents/${consent.id}/withdraw`, { withdrawn_on: isoDay(0) }]];
  for (const [p, b] of webWrites) {
    assert.equal((await web.admin.post(p, b)).status, 403, `admin ${p}`);
    assert.equal((await web.policy.post(p, b)).status, 403, `policy ${p}`);
    assert.equal((await other.web.post(p, b)).status, 404, `other team ${p}`);
  }
  const got = await api.worker.get(`/api/v1/referrals/${id}`);
  assert.equal(got.json.status, 'accepted', 'nothing written by the refused');
  assert.equal((await api.worker.get(`/api/v1/households/${k.householdId}/consents`)).json.items.length, 1);
  // Every read is in the audit trail.
  const n = sql(srv.db, `SELECT COUNT(*) FROM audit WHERE entity = 'referral' AND entity_id = ${id} AND action = 'read'`);
  assert.ok(Number(n) >= 3, `reads of the referral logged: ${n}`);
});
