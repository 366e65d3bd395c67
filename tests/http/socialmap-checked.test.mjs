// The date of the last check of contacts, schedules and taxonomy terms (as services, organisations and
// locations have): shown with the flag on the pages, set by an edit (the forms' "Laatst gecontroleerd",
// a bad date named), marked as checked today on the web and in the API (per route x role: every role
// that maintains the map - workers, the community worker (a worker too), the team leader and the
// administrator; the policy officer gets 403), on the check list of the page and the API, and never in
// the open HSDS data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, webAs, apiAs, ApiClient } from './lib.mjs';

const OWN = '5e1f0000-0000-4000-8000-000000000004';
const CARE = '5e1f0001-0000-4000-8000-000000000001';
const NOBODY = '00000000-0000-4000-8000-000000000000';
const WRITERS = ['worker', 'community', 'teamleader', 'admin'];
const NOT_WRITERS = ['policy'];
const FLAG = '<strong class="wt-flag">Langer dan een jaar niet gecontroleerd</strong>';

let srv;
const api = {};
const web = {};

before(async () => {
  srv = await startServer();
  for (const role of [...WRITERS, ...NOT_WRITERS]) {
    api[role] = await apiAs(srv.base, role);
    web[role] = await webAs(srv.base, role);
  }
});
after(async () => { await srv.stop(); });

const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86400000).toISOString().slice(0, 10);

// A new organisation with a service, its contact and its opening hours, through the API (an import: none checked yet).
async function newEntry(w, name) {
  const org = await w.post('/api/v1/organizations', { name: `Stichting ${name}`, description: 'Voor de test' });
  assert.equal(org.status, 201, org.text);
  const svc = await w.post('/api/v1/services', {
    name, status: 'active', organization_id: org.json.id, description: 'Voor de test',
    contacts: [{ name: `Contact ${name}`, email: 'contact@example.nl' }],
    schedules: [{ freq: 'WEEKLY', byday: 'MO', opens_at: '09:00', closes_at: '12:00', description: `Spreekuur ${name}` }],
  });
  assert.equal(svc.status, 201, svc.text);
  const full = await w.get(`/api/v1/services/${svc.json.id}`);
  return { org: org.json.id, svc: svc.json.id, contact: full.json.contacts[0].id, schedule: full.json.schedules[0].id };
}

// ---- the demo ------------------------------------------------------------------------------------------------------

test('demo: contacts, schedules and terms have believable dates, some older than a year', async () => {
  const terms = await api.worker.get('/api/v1/taxonomy_terms');
  assert.equal(terms.status, 200);
  assert.ok(terms.json.items.length >= 17);
  for (const t of terms.json.items) {
    assert.match(t.last_checked, /^\d{4}-\d{2}-\d{2}$/, t.name);
    assert.equal(t.needs_check, Math.floor((Date.now() - Date.parse(t.last_checked)) / 86400000) > 365, t.name);
  }
  const check = await api.worker.get('/api/v1/socialmap/check');
  const listed = [...check.json.contacts, ...check.json.schedules, ...check.json.taxonomy_terms];
  assert.ok(listed.length > 0, 'the demo map has contacts, schedules or terms not checked for a year');
  assert.ok(listed.every((x) => x.needs_check === true && x.last_checked < today()));
  assert.ok(check.json.schedules.every((s) => s.service_id && s.organization_id), 'a schedule names the page that shows it');
  const page = await web.worker.get('/socialmap/check');
  for (const c of check.json.contacts) assert.ok(page.text.includes(`contacts/${c.id}/checked`), c.name);
  for (const s of check.json.schedules) assert.ok(page.text.includes(`schedules/${s.id}/checked`), s.name);
  for (const t of check.json.taxonomy_terms) assert.ok(page.text.includes(`terms/${t.id}/checked`), t.name);
  // a flagged schedule shows its flag on its service's page
  if (check.json.schedules.length) {
    const s = check.json.schedules[0];
    const svc = await web.policy.get(`/socialmap/services/${s.service_id}`);
    assert.ok(svc.text.includes(FLAG));
  }
});

// ---- API -----------------------------------------------------------------------------------------------------------

test('API mark checked: writers check a contact, a schedule and a term; they leave the list; others may not', async () => {
  for (const role of WRITERS) {
    const e = await newEntry(api[role], `Controle ${role}`);
    const term = await api[role].post('/api/v1/taxonomy_terms', { taxonomy_id: OWN, name: `Oude categorie ${role}`, last_checked: '2024-03-01' });
    assert.equal(term.status, 201, term.text);
    assert.equal(term.json.last_checked, '2024-03-01');
    assert.equal(term.json.needs_check, true);
    const before = await api[role].get('/api/v1/socialmap/check?limit=1');
    const contact = before.json.contacts.find((c) => c.id === e.contact);
    assert.ok(contact, 'an imported contact was never checked');
    assert.deepEqual([contact.name, contact.last_checked, contact.needs_check, contact.service_id, contact.organization_id],
      [`Contact Controle ${role}`, null, true, e.svc, e.org]);
    const sched = before.json.schedules.find((s) => s.id === e.schedule);
    assert.ok(sched);
    assert.deepEqual([sched.name, sched.service_id], [`Controle ${role}`, e.svc]);
    assert.equal(before.json.taxonomy_terms.find((t) => t.id === term.json.id).last_checked, '2024-03-01');
    let svc = await api.policy.get(`/api/v1/services/${e.svc}`);
    assert.deepEqual(svc.json.wijkteam.contacts, [{ id: e.contact, last_checked: null, needs_check: true }]);
    assert.deepEqual(svc.json.wijkteam.schedules, [{ id: e.schedule, last_checked: null, needs_check: true }]);
    assert.ok(!('last_checked' in svc.json.contacts[0]) && !('last_checked' in svc.json.schedules[0]), 'the HSDS part stays HSDS');

    for (const [kind, id] of [['contacts', e.contact], ['schedules', e.schedule], ['taxonomy_terms', term.json.id], ['taxonomy_terms', CARE]]) {
      for (const other of NOT_WRITERS)
        assert.equal((await api[other].post(`/api/v1/${kind}/${id}/checked`, {})).status, 403, `${other} ${kind}`);
      assert.equal((await new ApiClient(srv.base).post(`/api/v1/${kind}/${id}/checked`, {})).status, 401, kind);
      const r = await api[role].post(`/api/v1/${kind}/${id}/checked`, {});
      assert.equal(r.status, 200, `${role} ${kind}: ${r.text}`);
      assert.deepEqual(r.json, { id, last_checked: today(), needs_check: false });
      assert.equal((await api[role].post(`/api/v1/${kind}/${NOBODY}/checked`, {})).status, 404);
      assert.equal((await api[role].post(`/api/v1/${kind}/not-a-uuid/checked`, {})).status, 404);
    }
    svc = await api.policy.get(`/api/v1/services/${e.svc}`);
    assert.deepEqual(svc.json.wijkteam.contacts, [{ id: e.contact, last_checked: today(), needs_check: false }]);
    assert.deepEqual(svc.json.wijkteam.schedules, [{ id: e.schedule, last_checked: today(), needs_check: false }]);
    const after = await api[role].get('/api/v1/socialmap/check?limit=1');
    assert.ok(!after.json.contacts.some((c) => c.id === e.contact));
    assert.ok(!after.json.schedules.some((s) => s.id === e.schedule));
    assert.ok(!after.json.taxonomy_terms.some((t) => t.id === term.json.id || t.id === CARE));
    const own = await api.policy.get(`/api/v1/taxonomy_terms?taxonomy_id=${OWN}`);
    const t = own.json.items.find((x) => x.id === term.json.id);
    assert.deepEqual([t.last_checked, t.needs_check], [today(), false]);
  }
  // a service's own route does not take the others' ids
  const e = await newEntry(api.worker, 'Verkeerde soort');
  assert.equal((await api.worker.post(`/api/v1/contacts/${e.schedule}/checked`, {})).status, 404);
});

test('API terms: an edit sets the date of the check (today when left out); a bad date names last_checked', async () => {
  const made = await api.teamleader.post('/api/v1/taxonomy_terms', { taxonomy_id: OWN, name: 'Huisbezoek mogelijk' });
  assert.equal(made.status, 201, made.text);
  assert.deepEqual([made.json.last_checked, made.json.needs_check], [today(), false]);
  for (const bad of ['gisteren', '2026-02-30', '01-03-2026', tomorrow(), 20260301]) {
    for (const r of [await api.worker.post('/api/v1/taxonomy_terms', { taxonomy_id: OWN, name: `Fout ${bad}`, last_checked: bad }),
      await api.worker.put(`/api/v1/taxonomy_terms/${made.json.id}`, { last_checked: bad })]) {
      assert.equal(r.status, 400, `${bad}: ${r.text}`);
      assert.ok(r.json.fields.last_checked, `${bad}: ${r.text}`);
    }
  }
  const never = await api.worker.put(`/api/v1/taxonomy_terms/${made.json.id}`, { last_checked: null });
  assert.equal(never.status, 200, never.text);
  assert.deepEqual([never.json.last_checked, never.json.needs_check], [null, true]);
  const old = await api.worker.put(`/api/v1/taxonomy_terms/${made.json.id}`, { last_checked: '2025-06-30', description: 'Op afspraak' });
  assert.deepEqual([old.json.last_checked, old.json.needs_check], ['2025-06-30', true]);
  const edited = await api.worker.put(`/api/v1/taxonomy_terms/${made.json.id}`, { description: 'Ook in het weekend' });
  assert.deepEqual([edited.json.last_checked, edited.json.needs_check], [today(), false], 'an edit is a check');
  for (const other of NOT_WRITERS) {
    assert.equal((await api[other].post('/api/v1/taxonomy_terms', { taxonomy_id: OWN, name: 'Mag niet', last_checked: today() })).status, 403);
    assert.equal((await api[other].put(`/api/v1/taxonomy_terms/${made.json.id}`, { last_checked: today() })).status, 403);
  }
  // wijkteam's own: never in the open HSDS data
  const open = await new ApiClient(srv.base).get(`/hsds/taxonomy_terms/${made.json.id}`);
  assert.equal(open.status, 200);
  assert.equal(open.json.name, 'Huisbezoek mogelijk');
  assert.ok(!('last_checked' in open.json) && !('needs_check' in open.json));
});

// ---- web -----------------------------------------------------------------------------------------------------------

test('web forms: contacts, schedules and terms ask the date of the check (today for a new one); a bad date is named', async () => {
  for (const role of WRITERS) {
    const w = web[role];
    const e = await newEntry(api[role], `Formulier ${role}`);
    for (const path of [`/socialmap/contacts/new?service=${e.svc}`, `/socialmap/schedules/new?service=${e.svc}`, '/socialmap/terms/new']) {
      const r = await w.get(path);
      assert.equal(r.status, 200, path);
      assert.match(r.text, new RegExp(`name="last_checked"[^>]*value="${today()}"|value="${today()}"[^>]*name="last_checked"`), path);
      for (const other of NOT_WRITERS) assert.equal((await web[other].get(path)).status, 403, `${other} ${path}`);
    }
    for (const path of [`/socialmap/contacts/${e.contact}/edit`, `/socialmap/schedules/${e.schedule}/edit`]) {
      const r = await w.get(path);
      assert.equal(r.status, 200, path);
      assert.match(r.text, /Laatst gecontroleerd/);
    }

    const forms = [
      [`/socialmap/contacts/${e.contact}/edit`, { name: `Fenna Bakker ${role}`, title: 'Consulent' }],
      [`/socialmap/schedules/${e.schedule}/edit`, { freq: 'WEEKLY', byday: ['TU'], opens_at: '13:00', closes_at: '15:00' }],
      ['/socialmap/terms', { taxonomy_id: OWN, name: `Wachtlijst ${role}` }],
    ];
    for (const [path, body] of forms) {
      for (const [bad, says] of [['gisteren', /Vul een geldige datum in/], [tomorrow(), /ligt in de toekomst/]]) {
        await w.get(`/socialmap/services/${e.svc}`);
        const r = await w.post(path, { ...body, last_checked: bad });
        assert.equal(r.status, 400, `${path} ${bad}`);
        assert.match(r.text, /href="#f-last_checked"/, `${path}: the summary names the field`);
        assert.match(r.text, says);
        assert.ok(r.text.includes(`value="${bad}"`), 'what was typed stays');
      }
      for (const other of NOT_WRITERS)
        assert.equal((await web[other].post(path, { ...body, last_checked: today() })).status, 403, `${other} ${path}`);
    }
    // good edits: the contact checked long ago is flagged on the service page, the schedule is not
    await w.get(`/socialmap/services/${e.svc}`);
    assert.equal((await w.post(forms[0][0], { ...forms[0][1], last_checked: '2025-01-15' })).status, 303);
    assert.equal((await w.post(forms[1][0], { ...forms[1][1], last_checked: today() })).status, 303);
    const term = await w.post(forms[2][0], { ...forms[2][1], last_checked: '2025-02-01' });
    assert.equal(term.status, 303, term.text);
    const page = await web.policy.get(`/socialmap/services/${e.svc}`);
    assert.ok(new RegExp(`Fenna Bakker ${role}.*?Laatst gecontroleerd: 15 januari 2025 ${FLAG}`, 's').test(page.text), 'contact date and flag');
    const day = new Date().getUTCDate();
    assert.match(page.text, new RegExp(`[Dd]insdag 13:00-15:00<br>Laatst gecontroleerd: ${day} [a-z]+ \\d{4}</li>`), 'schedule: the date, no flag');
    const terms = await web.policy.get('/socialmap/terms');
    assert.ok(new RegExp(`Wachtlijst ${role}</strong>.*?Laatst gecontroleerd: 1 februari 2025 ${FLAG}`, 's').test(terms.text), 'term date and flag');
  }
});

test('web mark checked: writers check a contact, a schedule and a term where they are shown; others may not', async () => {
  for (const role of WRITERS) {
    const w = web[role];
    const e = await newEntry(api[role], `Nagelopen ${role}`);
    const term = await api[role].post('/api/v1/taxonomy_terms', { taxonomy_id: OWN, name: `Nagelopen ${role}`, last_checked: null });
    let check = await w.get('/socialmap/check');
    for (const p of [`contacts/${e.contact}/checked`, `schedules/${e.schedule}/checked`, `terms/${term.json.id}/checked`])
      assert.ok(check.text.includes(p), `${p} is on the check page`);
    const svcPage = await w.get(`/socialmap/services/${e.svc}`);
    assert.ok(svcPage.text.includes(`/socialmap/contacts/${e.contact}/checked`) && svcPage.text.includes(`/socialmap/schedules/${e.schedule}/checked`));
    assert.ok((await w.get('/socialmap/terms')).text.includes(`/socialmap/terms/${term.json.id}/checked`));
    const readOnly = await web.policy.get(`/socialmap/services/${e.svc}`);
    assert.ok(!readOnly.text.includes(`/socialmap/contacts/${e.contact}/checked`), 'no button for who may not');
    assert.match(readOnly.text, /Nooit gecontroleerd/);

    for (const path of [`/socialmap/contacts/${e.contact}/checked`, `/socialmap/schedules/${e.schedule}/checked`, `/socialmap/terms/${term.json.id}/checked`]) {
      for (const other of NOT_WRITERS) {
        await web[other].get('/socialmap');
        assert.equal((await web[other].post(path, {})).status, 403, `${other} ${path}`);
      }
    }
    await w.get('/socialmap/check');
    const c = await w.post(`/socialmap/contacts/${e.contact}/checked`, { terug: 'check' });
    assert.equal(c.status, 303);
    assert.match(c.location, /^\/socialmap\/check\?melding=checked/);
    const s = await w.post(`/socialmap/schedules/${e.schedule}/checked`, {});
    assert.equal(s.status, 303);
    assert.match(s.location, new RegExp(`^/socialmap/services/${e.svc}\\?melding=checked`));
    const t = await w.post(`/socialmap/terms/${term.json.id}/checked`, {});
    assert.equal(t.status, 303);
    assert.match(t.location, /^\/socialmap\/terms\?melding=checked/);
    check = await w.get('/socialmap/check');
    for (const p of [`contacts/${e.contact}/checked`, `schedules/${e.schedule}/checked`, `terms/${term.json.id}/checked`])
      assert.ok(!check.text.includes(p), `${p} has left the check page`);
    const after = await api.policy.get(`/api/v1/taxonomy_terms?taxonomy_id=${OWN}`);
    assert.equal(after.json.items.find((x) => x.id === term.json.id).last_checked, today());
    for (const kind of ['contacts', 'schedules', 'terms'])
      assert.equal((await w.post(`/socialmap/${kind}/${NOBODY}/checked`, {})).status, 404, kind);
  }
});
