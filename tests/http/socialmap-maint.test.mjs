// Maintaining the social map: the JSON API for taxonomy terms, the "to be checked" list and marking
// services, organisations and locations as checked (per route x role, allowed and forbidden, with the
// field named on bad input); the web routes that edit locations, contacts and schedules, delete a
// schedule and mark organisations and locations as checked; and the HSDS root, taxonomies and terms
// with their format parameter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, webAs, apiAs, ApiClient } from './lib.mjs';

const OWN = '5e1f0000-0000-4000-8000-000000000004';
const DOMAINS = '5e1f0000-0000-4000-8000-000000000001';
const CARE = '5e1f0001-0000-4000-8000-000000000001';
const NOBODY = '00000000-0000-4000-8000-000000000000';
const WRITERS = ['worker', 'teamleader', 'admin'];

let srv;
const api = {};
const web = {};

before(async () => {
  srv = await startServer();
  for (const role of [...WRITERS, 'policy']) {
    api[role] = await apiAs(srv.base, role);
    web[role] = await webAs(srv.base, role);
  }
});
after(async () => { await srv.stop(); });

// A new organisation with a location and a service there, through the API; none of them checked yet.
async function newEntry(w, name) {
  const org = await w.post('/api/v1/organizations', { name: `Stichting ${name}`, description: 'Voor de test' });
  assert.equal(org.status, 201, org.text);
  const svc = await w.post('/api/v1/services', {
    name, status: 'active', organization_id: org.json.id, description: 'Voor de test',
    service_at_locations: [{ location: { location_type: 'physical', name: `Locatie ${name}`, latitude: 53.2, longitude: 5.8, organization_id: org.json.id } }],
    contacts: [{ name: `Contact ${name}`, email: 'contact@example.nl' }],
    schedules: [{ freq: 'WEEKLY', byday: 'MO', opens_at: '09:00', closes_at: '12:00', description: `Spreekuur ${name}` }],
  });
  assert.equal(svc.status, 201, svc.text);
  const full = await w.get(`/api/v1/services/${svc.json.id}`);
  return { org: org.json.id, svc: svc.json.id, loc: full.json.service_at_locations[0].location.id,
    contact: full.json.contacts[0].id, schedule: full.json.schedules[0].id };
}

// ---- API: taxonomy terms --------------------------------------------------------------------------------------------

test('API taxonomy terms: every role lists them; writers add and change own categories; the policy officer may not', async () => {
  for (const role of [...WRITERS, 'policy']) {
    const all = await api[role].get('/api/v1/taxonomy_terms');
    assert.equal(all.status, 200, role);
    assert.ok(all.json.items.some((t) => t.id === CARE && t.fixed === true), role);
    const dom = await api[role].get(`/api/v1/taxonomy_terms?taxonomy_id=${DOMAINS}`);
    assert.equal(dom.json.items.length, 7);
  }
  assert.equal((await new ApiClient(srv.base).get('/api/v1/taxonomy_terms')).status, 401);
  const unknownTax = await api.worker.get(`/api/v1/taxonomy_terms?taxonomy_id=${NOBODY}`);
  assert.equal(unknownTax.status, 400);
  assert.ok(unknownTax.json.fields.taxonomy_id);

  for (const role of WRITERS) {
    const made = await api[role].post('/api/v1/taxonomy_terms', { taxonomy_id: OWN, name: `Tolk aanwezig ${role}`, code: `tolk_${role}` });
    assert.equal(made.status, 201, made.text);
    assert.equal(made.json.name, `Tolk aanwezig ${role}`);
    assert.equal(made.json.description, `Tolk aanwezig ${role}`);
    assert.equal(made.json.fixed, false);
    assert.equal(made.headers.get('location'), `/api/v1/taxonomy_terms/${made.json.id}`);
    const sub = await api[role].post('/api/v1/taxonomy_terms', { taxonomy_id: OWN, name: `Arabisch ${role}`, parent_id: made.json.id, description: 'Tolk Arabisch' });
    assert.equal(sub.status, 201, sub.text);
    assert.equal(sub.json.parent_id, made.json.id);
    const put = await api[role].put(`/api/v1/taxonomy_terms/${made.json.id}`, { name: `Tolk te regelen ${role}`, description: 'Op afspraak' });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.json.name, `Tolk te regelen ${role}`);
    assert.equal(put.json.code, `tolk_${role}`, 'members left out stay');
    const own = await api.policy.get(`/api/v1/taxonomy_terms?taxonomy_id=${OWN}`);
    assert.ok(own.json.items.some((t) => t.name === `Tolk te regelen ${role}`));
    assert.match((await web.policy.get('/socialmap/terms')).text, new RegExp(`Tolk te regelen ${role}`));
  }
  const policyPost = await api.policy.post('/api/v1/taxonomy_terms', { taxonomy_id: OWN, name: 'Mag niet' });
  assert.equal(policyPost.status, 403);
  const own = await api.worker.get(`/api/v1/taxonomy_terms?taxonomy_id=${OWN}`);
  const some = own.json.items[0].id;
  assert.equal((await api.policy.put(`/api/v1/taxonomy_terms/${some}`, { name: 'Mag niet' })).status, 403);
  assert.equal((await new ApiClient(srv.base).post('/api/v1/taxonomy_terms', { taxonomy_id: OWN, name: 'x' })).status, 401);
  assert.ok(!(await api.worker.get(`/api/v1/taxonomy_terms?taxonomy_id=${OWN}`)).json.items.some((t) => t.name === 'Mag niet'));
});

test('API taxonomy terms: bad input names the field; the fixed taxonomies stay as they are', async () => {
  const cases = [
    [{ taxonomy_id: OWN }, 'name'],
    [{ taxonomy_id: OWN, name: 'x'.repeat(300) }, 'name'],
    [{ name: 'Zonder indeling' }, 'taxonomy_id'],
    [{ taxonomy_id: NOBODY, name: 'Onbekende indeling' }, 'taxonomy_id'],
    [{ taxonomy_id: DOMAINS, name: 'Tuinieren' }, 'taxonomy_id'],
    [{ taxonomy_id: OWN, name: 'Los', parent_id: NOBODY }, 'parent_id'],
    [{ taxonomy_id: OWN, name: 'Getal', code: 12 }, 'code'],
    [{ taxonomy_id: OWN, name: 'Tikfout', desciption: 'x' }, 'desciption'],
  ];
  for (const [body, field] of cases) {
    const r = await api.worker.post('/api/v1/taxonomy_terms', body);
    assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
    assert.ok(r.json.fields[field], `${field} in ${JSON.stringify(r.json)}`);
  }
  const fixed = await api.worker.put(`/api/v1/taxonomy_terms/${CARE}`, { name: 'Zorg' });
  assert.equal(fixed.status, 409);
  assert.equal((await api.worker.put(`/api/v1/taxonomy_terms/${NOBODY}`, { name: 'x' })).status, 404);
  const t = await api.worker.post('/api/v1/taxonomy_terms', { taxonomy_id: OWN, name: 'Verplaatsen' });
  const move = await api.worker.put(`/api/v1/taxonomy_terms/${t.json.id}`, { taxonomy_id: DOMAINS });
  assert.equal(move.status, 400);
  assert.ok(move.json.fields.taxonomy_id);
  const mismatch = await api.worker.put(`/api/v1/taxonomy_terms/${t.json.id}`, { id: NOBODY, name: 'x' });
  assert.equal(mismatch.status, 400);
  assert.ok(mismatch.json.fields.id);
  const notJson = await api.worker.post('/api/v1/taxonomy_terms', '{"name": ');
  assert.equal(notJson.status, 400);
});

// ---- API: what to check ---------------------------------------------------------------------------------------------

test('API check list: every role reads it; the same entries as the page', async () => {
  for (const role of [...WRITERS, 'policy']) {
    const r = await api[role].get('/api/v1/socialmap/check?limit=5');
    assert.equal(r.status, 200, role);
    assert.equal(r.json.check_days, 365);
    assert.ok(r.json.services.length > 0 && r.json.services.length <= 5, 'the demo map has services not checked for a year');
    assert.ok(r.json.services.every((s) => s.needs_check === true));
    assert.ok(Array.isArray(r.json.organizations) && Array.isArray(r.json.locations));
  }
  assert.equal((await new ApiClient(srv.base).get('/api/v1/socialmap/check')).status, 401);
  const page = await web.worker.get('/socialmap/check');
  const api50 = await api.worker.get('/api/v1/socialmap/check?limit=50');
  for (const s of api50.json.services) assert.ok(page.text.includes(`services/${s.id}/checked`), s.name);
  for (const o of api50.json.organizations) assert.ok(page.text.includes(`organizations/${o.id}/checked`), o.name);
  for (const l of api50.json.locations) assert.ok(page.text.includes(`locations/${l.id}/checked`), l.name);
});

test('API mark checked: writers check a service, organisation and location; it leaves the list; the policy officer may not', async () => {
  for (const role of WRITERS) {
    const e = await newEntry(api[role], `Controle ${role}`);
    const before = await api[role].get('/api/v1/socialmap/check?limit=500');
    assert.ok(before.json.organizations.some((o) => o.id === e.org), 'a new organisation was never checked');
    assert.ok(before.json.locations.some((l) => l.id === e.loc && l.organization_id === e.org));
    assert.ok(before.json.services.some((s) => s.id === e.svc));
    for (const [kind, id] of [['services', e.svc], ['organizations', e.org], ['locations', e.loc]]) {
      assert.equal((await api.policy.post(`/api/v1/${kind}/${id}/checked`, {})).status, 403, kind);
      assert.equal((await new ApiClient(srv.base).post(`/api/v1/${kind}/${id}/checked`, {})).status, 401, kind);
      const r = await api[role].post(`/api/v1/${kind}/${id}/checked`, {});
      assert.equal(r.status, 200, `${role} ${kind}: ${r.text}`);
      assert.equal(r.json.id, id);
      assert.equal(r.json.last_checked, new Date().toISOString().slice(0, 10));
      assert.equal((await api[role].post(`/api/v1/${kind}/${NOBODY}/checked`, {})).status, 404);
      assert.equal((await api[role].post(`/api/v1/${kind}/not-a-uuid/checked`, {})).status, 404);
    }
    const after = await api[role].get('/api/v1/socialmap/check?limit=500');
    assert.ok(!after.json.organizations.some((o) => o.id === e.org));
    assert.ok(!after.json.locations.some((l) => l.id === e.loc));
    assert.ok(!after.json.services.some((s) => s.id === e.svc));
    assert.equal((await api[role].get(`/api/v1/services/${e.svc}`)).json.wijkteam.needs_check, false);
  }
});

// ---- web: editing locations, contacts and schedules; removing a schedule; checking organisations and locations ----

test('web: writers edit a location, contact and schedule and remove a schedule; the policy officer may not', async () => {
  for (const role of WRITERS) {
    const w = web[role];
    const e = await newEntry(api[role], `Bewerken ${role}`);
    for (const path of [`/socialmap/locations/${e.loc}/edit`, `/socialmap/contacts/${e.contact}/edit`, `/socialmap/schedules/${e.schedule}/edit`]) {
      assert.equal((await web.policy.get(path)).status, 403, path);
      assert.equal((await w.get(path)).status, 200, `${role} ${path}`);
    }
    assert.equal((await w.get(`/socialmap/locations/${NOBODY}/edit`)).status, 404);
    assert.equal((await w.get(`/socialmap/contacts/${NOBODY}/edit`)).status, 404);
    assert.equal((await w.get(`/socialmap/schedules/${NOBODY}/edit`)).status, 404);
    for (const [path, body] of [[`/socialmap/locations/${e.loc}/edit`, { name: 'x' }], [`/socialmap/contacts/${e.contact}/edit`, { name: 'x' }],
      [`/socialmap/schedules/${e.schedule}/edit`, { freq: 'WEEKLY', byday: 'TU' }], [`/socialmap/schedules/${e.schedule}/delete`, {}],
      [`/socialmap/organizations/${e.org}/checked`, {}], [`/socialmap/locations/${e.loc}/checked`, {}]]) {
      assert.equal((await web.policy.post(path, body)).status, 403, path);
    }

    // location: a bad postcode and a point abroad name their fields; a good edit shows on the organisation's page
    await w.get(`/socialmap/locations/${e.loc}/edit`);
    const badLoc = await w.post(`/socialmap/locations/${e.loc}/edit`, { name: '', latitude: '48.85', longitude: '2.35' });
    assert.equal(badLoc.status, 400);
    assert.match(badLoc.text, /Naam is verplicht/);
    const far = await w.post(`/socialmap/locations/${e.loc}/edit`, { name: 'Parijs', latitude: '48.85', longitude: '2.35' });
    assert.equal(far.status, 400);
    assert.match(far.text, /niet in Nederland/);
    const loc = await w.post(`/socialmap/locations/${e.loc}/edit`, { organization_id: e.org, name: `Wijkcentrum ${role}`, latitude: '53.2041', longitude: '5.8262',
      'address.address_1': 'Kerkstraat 1', 'address.postal_code': '8923ab', 'address.city': 'Leeuwarden', 'address.state_province': 'Fryslân', last_checked: '2026-01-02' });
    assert.equal(loc.status, 303, loc.text);
    assert.equal(loc.location.split('?')[0], `/socialmap/organizations/${e.org}`);
    const orgPage = await w.get(`/socialmap/organizations/${e.org}`);
    for (const t of [`Wijkcentrum ${role}`, 'Kerkstraat 1', '8923 AB']) assert.ok(orgPage.text.includes(t), t);
    assert.equal((await w.post(`/socialmap/locations/${NOBODY}/edit`, { name: 'x' })).status, 404);

    // contact: a bad e-mail address is named; a good edit shows on the service page
    await w.get(`/socialmap/contacts/${e.contact}/edit`);
    const badContact = await w.post(`/socialmap/contacts/${e.contact}/edit`, { name: 'Piet', email: 'geen' });
    assert.equal(badContact.status, 400);
    assert.match(badContact.text, /geen geldig e-mailadres/);
    const contact = await w.post(`/socialmap/contacts/${e.contact}/edit`, { name: `Anna de Vries ${role}`, title: 'Consulent', phone: '058 222 33 44' });
    assert.equal(contact.status, 303, contact.text);
    let page = await w.get(`/socialmap/services/${e.svc}`);
    for (const t of [`Anna de Vries ${role}`, 'Consulent', '058 222 33 44']) assert.ok(page.text.includes(t), t);

    // schedule: closing before opening is refused; a good edit shows; removing it takes it off the page
    await w.get(`/socialmap/schedules/${e.schedule}/edit`);
    const badSched = await w.post(`/socialmap/schedules/${e.schedule}/edit`, { freq: 'WEEKLY', byday: 'TU', opens_at: '13:00', closes_at: '10:00' });
    assert.equal(badSched.status, 400);
    assert.match(badSched.text, /sluitingstijd ligt niet na de openingstijd/);
    const noDays = await w.post(`/socialmap/schedules/${e.schedule}/edit`, { freq: 'WEEKLY' });
    assert.equal(noDays.status, 400);
    assert.match(noDays.text, /Kies de dagen/);
    const sched = await w.post(`/socialmap/schedules/${e.schedule}/edit`, { freq: 'WEEKLY', byday: ['TU', 'TH'], opens_at: '13:00', closes_at: '16:30' });
    assert.equal(sched.status, 303, sched.text);
    page = await w.get(`/socialmap/services/${e.svc}`);
    assert.match(page.text, /[Dd]insdag en donderdag 13:00-16:30/);
    await w.get(`/socialmap/services/${e.svc}`);
    const del = await w.post(`/socialmap/schedules/${e.schedule}/delete`, { terug: `/socialmap/services/${e.svc}` });
    assert.equal(del.status, 303);
    assert.match(del.location, new RegExp(`^/socialmap/services/${e.svc}\\?melding=removed`));
    page = await w.get(`/socialmap/services/${e.svc}`);
    assert.doesNotMatch(page.text, /13:00-16:30/);
    assert.equal((await w.post(`/socialmap/schedules/${e.schedule}/delete`, {})).status, 404);
    assert.equal((await w.get(`/socialmap/schedules/${e.schedule}/edit`)).status, 404);
  }
});

test('web: writers mark an organisation and a location as checked; they leave the check page', async () => {
  for (const role of WRITERS) {
    const w = web[role];
    const e = await newEntry(api[role], `Nagelopen ${role}`);
    let check = await w.get('/socialmap/check');
    assert.ok(check.text.includes(`organizations/${e.org}/checked`), 'a new organisation is listed');
    assert.ok(check.text.includes(`locations/${e.loc}/checked`), 'a new location is listed');
    const o = await w.post(`/socialmap/organizations/${e.org}/checked`, { terug: 'check' });
    assert.equal(o.status, 303);
    assert.match(o.location, /^\/socialmap\/check\?melding=checked/);
    const l = await w.post(`/socialmap/locations/${e.loc}/checked`, {});
    assert.equal(l.status, 303);
    assert.match(l.location, new RegExp(`^/socialmap/organizations/${e.org}\\?melding=checked`));
    check = await w.get('/socialmap/check');
    assert.ok(!check.text.includes(`organizations/${e.org}/checked`));
    assert.ok(!check.text.includes(`locations/${e.loc}/checked`));
    assert.equal((await w.post(`/socialmap/organizations/${NOBODY}/checked`, {})).status, 404);
    assert.equal((await w.post(`/socialmap/locations/${NOBODY}/checked`, {})).status, 404);
  }
});

// ---- the public HSDS API: root, taxonomies, one term, format ----------------------------------------------------

test('HSDS: the root, the taxonomies and one term; format json works, anything else is refused naming it', async () => {
  const anon = new ApiClient(srv.base);
  const root = await anon.get('/hsds');
  assert.equal(root.status, 200);
  assert.equal(root.json.version, '3.0');
  assert.match(root.json.openapi_url, /openapi\.json$/);
  const tax = await anon.get('/hsds/taxonomies');
  assert.equal(tax.status, 200);
  assert.ok(tax.json.total_items >= 4);
  assert.ok(tax.json.contents.some((t) => t.id === DOMAINS && t.name === 'Levensgebieden'));
  const page2 = await anon.get('/hsds/taxonomies?per_page=2&page=2');
  assert.equal(page2.json.contents.length, 2);
  assert.equal(page2.json.page_number, 2);
  const term = await anon.get(`/hsds/taxonomy_terms/${CARE}`);
  assert.equal(term.status, 200);
  assert.equal(term.json.code, 'care');
  assert.equal(term.json.taxonomy_id, DOMAINS);
  assert.equal((await anon.get(`/hsds/taxonomy_terms/${NOBODY}`)).status, 404);
  assert.equal((await anon.get('/hsds/taxonomy_terms/geen-id')).status, 404);
  for (const path of ['/hsds/services', '/hsds/organizations', '/hsds/service_at_locations', '/hsds/taxonomies', '/hsds/taxonomy_terms']) {
    const plain = await anon.get(`${path}?per_page=2`);
    const json = await anon.get(`${path}?per_page=2&format=json`);
    assert.equal(json.status, 200, path);
    assert.deepEqual(json.json, plain.json, path);
    for (const f of ['ndjson', 'csv', 'JSON']) {
      const r = await anon.get(`${path}?format=${f}`);
      assert.equal(r.status, 400, `${path} format=${f}`);
      assert.ok(r.json.fields.format, r.text);
    }
  }
});

// ---- cost: free, a contribution of one's own, or paid ------------------------------------------------------------

test('search by cost: gratis, eigen bijdrage, met kosten on the page and in the API, also with distance', async () => {
  const all = [];
  for (let offset = 0; ; offset += 100) {
    const r = await api.worker.get(`/api/v1/services?limit=100&offset=${offset}`);
    all.push(...r.json.items);
    if (!r.json.more) break;
  }
  const byCost = (c) => all.filter((s) => s.cost.includes(c)).length;
  assert.ok(byCost('free') >= 40 && byCost('contribution') >= 5 && byCost('paid') === 0, JSON.stringify(all.map((s) => s.cost)));
  assert.ok(all.every((s) => s.cost.includes('free') === s.free_of_charge));
  for (const role of [...WRITERS, 'policy']) {
    const r = await api[role].get('/api/v1/services?cost=contribution&limit=100');
    assert.equal(r.status, 200, role);
    assert.equal(r.json.items.length, byCost('contribution'));
    assert.ok(r.json.items.every((s) => s.cost.includes('contribution')));
  }
  const free = await api.worker.get('/api/v1/services?cost=free&limit=100');
  assert.equal(free.json.items.length, byCost('free'));
  const bad = await api.worker.get('/api/v1/services?cost=duur');
  assert.equal(bad.status, 400);
  assert.ok(bad.json.fields.cost);

  // a paid service (an HSDS cost option with an amount), found by cost, also within 2 km of a postcode
  const org = await api.worker.post('/api/v1/organizations', { name: 'Praktijk Betaald', description: 'Coaching' });
  const made = await api.worker.post('/api/v1/services', {
    name: 'Budgetcoaching op maat', status: 'active', organization_id: org.json.id, description: 'Coaching bij geldzaken',
    cost_options: [{ option: 'Per uur', amount: 45, currency: 'EUR' }],
    service_at_locations: [{ location: { location_type: 'physical', name: 'Praktijk', latitude: 53.2045, longitude: 5.8262 } }],
  });
  assert.equal(made.status, 201, made.text);
  assert.deepEqual(made.json.cost, ['paid']);
  const paid = await api.worker.get('/api/v1/services?cost=paid&limit=100');
  assert.deepEqual(paid.json.items.map((s) => s.name), ['Budgetcoaching op maat']);
  const near = await api.worker.get('/api/v1/services?cost=paid&postcode=8923AX&km=2');
  assert.equal(near.status, 200, near.text);
  assert.deepEqual(near.json.items.map((s) => s.name), ['Budgetcoaching op maat']);
  assert.ok(near.json.items[0].distance_km <= 2);
  const nearContribution = await api.worker.get('/api/v1/services?cost=contribution&postcode=8923AX&km=2&limit=100');
  assert.ok(nearContribution.json.items.every((s) => s.cost.includes('contribution') && s.distance_km <= 2));
  // the fees change: the cost follows
  const put = await api.worker.put(`/api/v1/services/${made.json.id}`, {
    name: 'Budgetcoaching op maat', status: 'active', organization_id: org.json.id,
    fees_description: 'Eigen bijdrage naar inkomen',
  });
  assert.equal(put.status, 200, put.text);
  assert.deepEqual(put.json.cost, ['contribution', 'paid']);

  // the page: a choice "Kosten", the tags, and a bad choice named
  for (const role of [...WRITERS, 'policy']) {
    const page = await web[role].get('/socialmap?cost=contribution');
    assert.equal(page.status, 200, role);
    assert.match(page.text, /<select[^>]*name="cost"/);
    const n = Number(page.text.match(/(\d+) voorziening(en)?\./)[1]);
    assert.equal(n, byCost('contribution') + 1);
    assert.match(page.text, /wt-tag">Eigen bijdrage</);
  }
  const paidPage = await web.worker.get('/socialmap?cost=paid');
  assert.match(paidPage.text, /Budgetcoaching op maat/);
  assert.match(paidPage.text, /wt-tag">Met kosten</);
  const freePage = await web.worker.get('/socialmap?cost=free&q=schulden');
  assert.doesNotMatch(freePage.text, /Budgetcoaching/);
  const badPage = await web.worker.get('/socialmap?cost=duur');
  assert.equal(badPage.status, 400);
  assert.match(badPage.text, /Kies gratis, eigen bijdrage of met kosten/);
  const svcPage = await web.worker.get(`/socialmap/services/${made.json.id}`);
  assert.match(svcPage.text, /Eigen bijdrage, Met kosten\. Eigen bijdrage naar inkomen/);
});
