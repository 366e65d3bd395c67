// The social map: every page and API route for every role (read for all, maintain for workers, team
// leader and administrator, never for the policy officer), search with filters and distance, the
// maintenance forms with their field errors, the public HSDS API (published services only, no
// internal fields), and the console import/export: the export validated against the HSDS 3.0
// schemas with ajv, re-import by id without duplicates, bad files reported with file, row and field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { startServer, webAs, apiAs, ApiClient, WebClient, cli, BIN, PG } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The HSDS 3.0 schemas and datapackage as published by Open Referral (CC BY-SA 4.0, see its LICENSE).
const SCHEMAS = join(root, 'tests', 'data', 'hsds-3.0');
const NOBODY = '00000000-0000-4000-8000-000000000000';

let srv;
const api = {};
const web = {};
let tmp;

before(async () => {
  srv = await startServer();
  for (const role of ['worker', 'teamleader', 'admin', 'policy']) {
    api[role] = await apiAs(srv.base, role);
    web[role] = await webAs(srv.base, role);
  }
  tmp = mkdtempSync(join(tmpdir(), 'wt-sm-'));
});
after(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await srv.stop();
});

async function serviceId(name) {
  const r = await api.worker.get(`/api/v1/services?q=${encodeURIComponent(name)}&limit=100`);
  assert.equal(r.status, 200, r.text);
  const hit = r.json.items.find((s) => s.name === name);
  assert.ok(hit, `service ${name} on the demo map`);
  return hit;
}

// ---- reading: every role --------------------------------------------------------------------------------------------

test('every role reads the map; the demo map has 60 to 150 services around the neighbourhood', async () => {
  const debt = await serviceId('Schuldhulpverlening');
  for (const role of ['worker', 'teamleader', 'admin', 'policy']) {
    for (const path of ['/socialmap', '/socialmap?q=schulden', '/socialmap/organizations', '/socialmap/check', '/socialmap/terms',
      `/socialmap/services/${debt.id}`, `/socialmap/organizations/${debt.organization_id}`]) {
      const r = await web[role].get(path);
      assert.equal(r.status, 200, `${role} ${path}`);
    }
    const a = await api[role].get('/api/v1/services?limit=1');
    assert.equal(a.status, 200, role);
  }
  const all = await web.worker.get('/socialmap');
  const total = Number(all.text.match(/(\d+) voorzieningen\./)[1]);
  assert.ok(total >= 60 && total <= 150, `${total} services`);
  for (const kind of ['Huisartsenpraktijk', 'Centrum voor Jeugd en Gezin', 'Voedselbank', 'Wijkagent', 'Woonstichting',
    'Buurtvereniging', 'VV Schieringen', 'Protestantse Gemeente', 'Mindwerk GGZ', 'OBS']) {
    assert.ok((await web.worker.get(`/socialmap/organizations?q=${encodeURIComponent(kind.split(' ')[0])}`)).text.includes(kind.split(' ')[0]), kind);
  }
});

test('anonymous: the map asks for a login, the HSDS API is open', async () => {
  const anon = new WebClient(srv.base);
  const r = await anon.get('/socialmap');
  assert.equal(r.status, 303);
  const a = await new ApiClient(srv.base).get('/api/v1/services');
  assert.equal(a.status, 401);
  const h = await new ApiClient(srv.base).get('/hsds/services');
  assert.equal(h.status, 200);
});

test('the service page shows organisation, address, opening hours, contact, for whom and how to refer', async () => {
  const debt = await serviceId('Schuldhulpverlening');
  const r = await web.worker.get(`/socialmap/services/${debt.id}`);
  for (const text of ['Gemeente Leeuwarden - Geldzaken', 'Oldehoofsterkerkhof 2, 8911 DH Leeuwarden', 'Maandag tot en met vrijdag 09:00-17:00',
    'Anouk Terpstra', 'Inwoners van Leeuwarden met problematische schulden', 'Hoe verwijst u door', '14 058', 'Laatst gecontroleerd']) {
    assert.ok(r.text.includes(text), text);
  }
  assert.equal((await web.worker.get(`/socialmap/services/${NOBODY}`)).status, 404);
  assert.equal((await api.worker.get(`/api/v1/services/${NOBODY}`)).status, 404);
});

// Writes straight into the server's database (SQLite file or PostgreSQL URL): the referrals of the
// support domain are made here as rows, so this test only depends on the referral table.
function sql(statement) {
  if (PG) return execFileSync('psql', ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-d', srv.db, '-c', statement], { encoding: 'utf8' });
  return execFileSync('sqlite3', [srv.db, statement], { encoding: 'utf8' });
}

test('the service page counts the referrals it received and how many were accepted, never who', async () => {
  const debt = await serviceId('Schuldhulpverlening');
  const before = await web.worker.get(`/socialmap/services/${debt.id}`);
  assert.match(before.text, /Het team heeft hier nog niet naar verwezen\./);
  const [action, caseId] = sql('SELECT a.id, p.case_id FROM action a JOIN goal g ON g.id = a.goal_id JOIN plan p ON p.id = g.plan_id ORDER BY a.id LIMIT 1')
    .trim().split('|');
  const row = (kind, status, accepted) => `(${action}, ${caseId}, '${kind}', 'Gemeente Leeuwarden', '${debt.organization_id}', '${debt.id}', 'Schulden',` +
    ` 'normal', 'public_task', ${kind === 'consultation' ? 1 : 0}, '${status}', '2026-10-01', ${accepted ? "'2026-10-03'" : 'NULL'}, '2026-10-01', '2026-10-01')`;
  sql('INSERT INTO referral (action_id, case_id, kind, organisation, organization_id, service_id, reason, urgency, legal_ground, anonymous,' +
    ' status, sent_on, accepted_on, created_at, updated_at) VALUES ' +
    [row('referral', 'sent', false), row('referral', 'accepted', true), row('referral', 'ended', true), row('referral', 'declined', false),
      row('consultation', 'accepted', true)].join(', '));
  for (const role of ['worker', 'teamleader', 'admin', 'policy']) {
    const page = await web[role].get(`/socialmap/services/${debt.id}`);
    assert.match(page.text, /4 verwijzingen ontvangen, waarvan 2 geaccepteerd\./, role);
    assert.ok(!page.text.includes('Schulden</'), 'no reason or person on the page');
    const a = await api[role].get(`/api/v1/services/${debt.id}`);
    assert.equal(a.status, 200, role);
    assert.deepEqual(a.json.wijkteam.referrals, { received: 4, accepted: 2 }, role);
  }
  const other = await serviceId('Voedselpakket');
  assert.deepEqual((await api.worker.get(`/api/v1/services/${other.id}`)).json.wijkteam.referrals, { received: 0, accepted: 0 });
  const hsds = await new ApiClient(srv.base).get(`/hsds/services/${debt.id}`);
  assert.equal(hsds.status, 200);
  assert.ok(!('wijkteam' in hsds.json) && !hsds.text.includes('referrals'), 'the open HSDS API shows no referral figures');
});

// ---- search ---------------------------------------------------------------------------------------------------------

test('free text with and without diacritics, filters, age', async () => {
  const a = await api.worker.get('/api/v1/services?q=di%C3%ABtist');
  const b = await api.worker.get('/api/v1/services?q=DIETIST');
  assert.deepEqual(a.json.items.map((s) => s.id), b.json.items.map((s) => s.id));
  assert.equal(a.json.items[0].name, 'Diëtist');
  const money = await api.worker.get('/api/v1/services?domain=money&free=true&limit=100');
  assert.ok(money.json.items.length > 5);
  assert.ok(money.json.items.every((s) => s.life_domains.includes('money') && s.free_of_charge));
  const second = await api.worker.get('/api/v1/services?line=second&limit=100');
  assert.ok(second.json.items.length >= 5);
  assert.ok(second.json.items.every((s) => s.line === 'second'));
  const elderly = await api.worker.get('/api/v1/services?target=elderly&limit=100');
  assert.ok(elderly.json.items.every((s) => s.target_groups.includes('elderly')));
  const arabic = await api.worker.get('/api/v1/services?language=ar&limit=100');
  assert.ok(arabic.json.items.some((s) => s.name === 'Taalcafé'));
  const child = await api.worker.get('/api/v1/services?age=8&limit=100');
  assert.ok(child.json.items.every((s) => (s.minimum_age ?? 0) <= 8 && (s.maximum_age ?? 200) >= 8));
  const bad = await api.worker.get('/api/v1/services?domain=tuinieren&km=500&age=abc');
  assert.equal(bad.status, 400);
  for (const f of ['age']) assert.ok(bad.json.fields[f], f);
  const badWeb = await web.worker.get('/socialmap?domain=tuinieren&q=x');
  assert.equal(badWeb.status, 400);
  assert.match(badWeb.text, /Kies een levensgebied uit de lijst/);
});

test('within 2 km of a postcode, sorted by distance; text and distance together', async () => {
  const r = await api.worker.get('/api/v1/services?postcode=8923%20AX&km=2&limit=100');
  assert.equal(r.status, 200, r.text);
  const d = r.json.items.map((s) => s.distance_km);
  assert.ok(d.length > 20);
  assert.ok(d.every((x) => x <= 2));
  assert.deepEqual(d, [...d].sort((x, y) => x - y));
  assert.match(r.json.origin, /8923 AX/);
  const far = await api.worker.get('/api/v1/services?postcode=8923AX&km=100&line=second&limit=100');
  assert.ok(far.json.items.some((s) => s.distance_km > 20), 'Heerenveen is over 20 km away');
  const debt = await api.worker.get('/api/v1/services?postcode=8923AX&km=2&q=schulden&free=true');
  assert.ok(debt.json.items.length > 0);
  assert.ok(debt.json.items.every((s) => s.distance_km <= 2 && s.free_of_charge));
  const unknown = await api.worker.get('/api/v1/services?postcode=1011AB');
  assert.equal(unknown.status, 400);
  assert.ok(unknown.json.fields.postcode);
  const page = await web.worker.get('/socialmap?q=schulden&postcode=8923+AX&km=2');
  assert.equal(page.status, 200);
  assert.match(page.text, /binnen 2,0 km/);
});

test('distance from a household: only for its team, the read is logged', async () => {
  const h = await api.worker.post('/api/v1/households', {
    name: '',
    address: { postcode: '8923 AX', house_number: 7, house_letter: '', addition: '', street: 'Heechterpplein', town: 'Leeuwarden' },
    members: [{ given_name: 'Tjitske', family_name: 'de Jong', birth_date: '1975-02-03' }],
  });
  assert.equal(h.status, 201, h.text);
  const hid = h.json.id;
  const r = await api.worker.get(`/api/v1/services?household=${hid}&km=1&domain=money`);
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.items.length > 0);
  assert.match(r.json.origin, /de Jong/);
  const page = await web.worker.get(`/socialmap?household=${hid}&km=1&q=schulden`);
  assert.equal(page.status, 200);
  assert.match(page.text, /Afstand vanaf het adres van/);
  for (const role of ['admin', 'policy']) {
    const x = await api[role].get(`/api/v1/services?household=${hid}`);
    assert.equal(x.status, 403, role);
    assert.equal((await web[role].get(`/socialmap?household=${hid}`)).status, 403, role);
  }
  const hp = await web.worker.get(`/households/${hid}`);
  assert.ok(hp.text.includes(`href="/socialmap?household=${hid}"`), 'the household page links to the map from its address');
  const audit = cli(['audit', 'list', '--db', srv.db, '--household', String(hid)]);
  assert.match(audit, /read/);
});

// ---- maintenance ----------------------------------------------------------------------------------------------------

test('policy officer may not maintain the map; every form and write is refused', async () => {
  const debt = await serviceId('Schuldhulpverlening');
  for (const path of ['/socialmap/organizations/new', `/socialmap/services/new?organization=${debt.organization_id}`,
    `/socialmap/services/${debt.id}/edit`, `/socialmap/organizations/${debt.organization_id}/edit`, '/socialmap/terms/new',
    `/socialmap/schedules/new?service=${debt.id}`, `/socialmap/contacts/new?service=${debt.id}`,
    `/socialmap/locations/new?organization=${debt.organization_id}`]) {
    assert.equal((await web.policy.get(path)).status, 403, path);
    assert.equal((await web.worker.get(path)).status, 200, path);
  }
  for (const path of ['/socialmap/organizations', '/socialmap/services', '/socialmap/terms', `/socialmap/services/${debt.id}/checked`,
    `/socialmap/services/${debt.id}/edit`, '/socialmap/schedules', '/socialmap/contacts', '/socialmap/locations']) {
    assert.equal((await web.policy.post(path, { name: 'x' })).status, 403, path);
  }
  assert.equal((await api.policy.post('/api/v1/services', { name: 'x', organization_id: debt.organization_id })).status, 403);
  assert.equal((await api.policy.put(`/api/v1/organizations/${debt.organization_id}`, { name: 'x', description: 'y' })).status, 403);
});

test('workers, the team leader and the administrator add an organisation, location, service, schedule and contact', async () => {
  for (const role of ['worker', 'teamleader', 'admin']) {
    const w = web[role];
    await w.get('/socialmap/organizations/new');
    const bad = await w.post('/socialmap/organizations', { name: '', description: 'x', email: 'geen', website: 'www.x.nl' });
    assert.equal(bad.status, 400);
    for (const m of ['Naam is verplicht', 'geen geldig e-mailadres', 'geen geldige volledige URL']) assert.ok(bad.text.includes(m), m);
    const org = await w.post('/socialmap/organizations', { name: `Repair Café ${role}`, description: 'Samen repareren', phone: '058 111 22 33' });
    assert.equal(org.status, 303, org.text);
    const orgId = org.location.match(/organizations\/([0-9a-f-]{36})/)[1];
    await w.get(`/socialmap/locations/new?organization=${orgId}`);
    const farLoc = await w.post('/socialmap/locations', { organization_id: orgId, name: 'Parijs', latitude: '48.85', longitude: '2.35' });
    assert.equal(farLoc.status, 400);
    assert.match(farLoc.text, /niet in Nederland/);
    const badPc = await w.post('/socialmap/locations', { organization_id: orgId, name: 'X', 'address.address_1': 'Straat 1', 'address.postal_code': '123', 'address.city': 'Leeuwarden', 'address.state_province': 'Fryslân' });
    assert.equal(badPc.status, 400);
    assert.match(badPc.text, /Nederlandse postcode/);
    const loc = await w.post('/socialmap/locations', { organization_id: orgId, name: 'Buurthuis', latitude: '53.2045', longitude: '5.8262',
      'address.address_1': 'Heechterpplein 9', 'address.postal_code': '8923ax', 'address.city': 'Leeuwarden', 'address.state_province': 'Fryslân' });
    assert.equal(loc.status, 303, loc.text);
    const orgPage = await w.get(`/socialmap/organizations/${orgId}`);
    const locId = orgPage.text.match(/locations\/([0-9a-f-]{36})\/edit/)[1];
    assert.match(orgPage.text, /8923 AX/);
    const svc = await w.post('/socialmap/services', { organization_id: orgId, name: `Fietsreparatie ${role}`, description: 'Uw fiets weer heel',
      status: 'active', domains: ['participation', 'money'], targets: 'adults', line: 'first', languages: ['nl', 'fy'],
      locations: locId, free_of_charge: '1', published: '1', application_process: 'Vrij binnenlopen', minimum_age: '12', maximum_age: '8' });
    assert.equal(svc.status, 400);
    assert.match(svc.text, /maximumleeftijd is lager/);
    const ok = await w.post('/socialmap/services', { organization_id: orgId, name: `Fietsreparatie ${role}`, description: 'Uw fiets weer heel',
      status: 'active', domains: ['participation', 'money'], targets: 'adults', line: 'first', languages: ['nl', 'fy'],
      locations: locId, free_of_charge: '1', published: '1', application_process: 'Vrij binnenlopen', internal_note: 'Vraag naar Piet' });
    assert.equal(ok.status, 303, ok.text);
    const sid = ok.location.match(/services\/([0-9a-f-]{36})/)[1];
    const badSched = await w.post('/socialmap/schedules', { service_id: sid, freq: 'WEEKLY', byday: 'SA', opens_at: '13:00', closes_at: '10:00' });
    assert.equal(badSched.status, 400);
    assert.match(badSched.text, /sluitingstijd ligt niet na de openingstijd/);
    const weekOfMonth = await w.post('/socialmap/schedules', { service_id: sid, freq: 'WEEKLY', byday: 'SA', week: '1', opens_at: '10:00', closes_at: '13:00' });
    assert.equal(weekOfMonth.status, 400);
    const sched = await w.post('/socialmap/schedules', { service_id: sid, freq: 'MONTHLY', byday: 'SA', week: '2', opens_at: '10:00', closes_at: '13:00' });
    assert.equal(sched.status, 303, sched.text);
    const contact = await w.post('/socialmap/contacts', { service_id: sid, name: 'Piet Posthuma', title: 'Coördinator', phone: '06 1234 5678' });
    assert.equal(contact.status, 303, contact.text);
    const page = await w.get(`/socialmap/services/${sid}`);
    for (const t of ['Elke tweede zaterdag van de maand 10:00-13:00', 'Piet Posthuma', 'Heechterpplein 9', 'Vraag naar Piet', 'Nederlands, Fries', 'Gratis']) {
      assert.ok(page.text.includes(t), t);
    }
    const found = await api.worker.get(`/api/v1/services?q=fietsreparatie%20${role}&domain=money&language=fy`);
    assert.equal(found.json.items.length, 1);
    // remove the contact again
    const cid = page.text.match(/contacts\/([0-9a-f-]{36})\/delete/)[1];
    const del = await w.post(`/socialmap/contacts/${cid}/delete`, { terug: `/socialmap/services/${sid}` });
    assert.equal(del.status, 303);
    assert.ok(!(await w.get(`/socialmap/services/${sid}`)).text.includes('Piet Posthuma'));
  }
});

test('entries not checked for a year are flagged until someone checks them', async () => {
  const check = await web.worker.get('/socialmap/check');
  const m = check.text.match(/services\/([0-9a-f-]{36})\/checked/);
  assert.ok(m, 'the demo map has services not checked for a year');
  const sid = m[1];
  // the service's own line under its name (its opening hours and contacts carry dates of their own)
  const flagged = /<p class="utrecht-paragraph">(Laatst gecontroleerd: [^<]*|Nooit gecontroleerd) <strong class="wt-flag">Langer dan een jaar niet gecontroleerd/;
  assert.match((await web.worker.get(`/socialmap/services/${sid}`)).text, flagged);
  const r = await web.worker.post(`/socialmap/services/${sid}/checked`, { terug: 'check' });
  assert.equal(r.status, 303);
  assert.match(r.location, /^\/socialmap\/check\?melding=checked/);
  assert.doesNotMatch((await web.worker.get(`/socialmap/services/${sid}`)).text, flagged);
  assert.ok(!(await web.worker.get('/socialmap/check')).text.includes(`services/${sid}/checked`));
  const s = await api.worker.get(`/api/v1/services/${sid}`);
  assert.equal(s.json.wijkteam.needs_check, false);
});

test('own categories can be added; the fixed taxonomies cannot be changed', async () => {
  const r = await web.worker.post('/socialmap/terms', { taxonomy_id: '5e1f0000-0000-4000-8000-000000000004', name: 'Werkt met tolken', description: 'Tolk aanwezig of te regelen' });
  assert.equal(r.status, 303, r.text);
  const terms = await web.worker.get('/socialmap/terms');
  assert.match(terms.text, /Werkt met tolken/);
  const fixed = await web.worker.post('/socialmap/terms', { taxonomy_id: '5e1f0000-0000-4000-8000-000000000001', name: 'Tuinieren' });
  assert.equal(fixed.status, 400);
  assert.equal((await web.worker.get('/socialmap/terms/5e1f0001-0000-4000-8000-000000000001/edit')).status, 409);
});

// ---- the JSON API ---------------------------------------------------------------------------------------------------

test('API: an HSDS service object is added, updated and read back; problems name the nested field', async () => {
  const org = await api.worker.post('/api/v1/organizations', { name: 'Stichting Tuin', description: 'Buurttuinen' });
  assert.equal(org.status, 201, org.text);
  const body = {
    name: 'Buurttuin', status: 'active', organization_id: org.json.id, description: 'Samen tuinieren',
    service_at_locations: [{ location: { location_type: 'physical', name: 'Tuin', latitude: 40.1, longitude: 5.82 } }],
    wijkteam: { published: false, internal_note: 'Sleutel bij de buurvrouw' },
  };
  const bad = await api.worker.post('/api/v1/services', body);
  assert.equal(bad.status, 400);
  assert.ok(bad.json.fields['service_at_locations[0].location.latitude'], JSON.stringify(bad.json));
  body.service_at_locations[0].location.latitude = 53.21;
  const ok = await api.worker.post('/api/v1/services', body);
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.published, false);
  assert.equal(ok.json.internal_note, 'Sleutel bij de buurvrouw');
  const id = ok.json.id;
  const got = await api.teamleader.get(`/api/v1/services/${id}`);
  assert.equal(got.status, 200);
  assert.equal(got.json.service_at_locations[0].location.name, 'Tuin');
  assert.equal(got.json.organization.name, 'Stichting Tuin');
  const put = await api.admin.put(`/api/v1/services/${id}`, { name: 'Buurttuin Oost', status: 'active', organization_id: org.json.id });
  assert.equal(put.status, 200, put.text);
  assert.equal(put.json.name, 'Buurttuin Oost');
  const mismatch = await api.worker.put(`/api/v1/services/${id}`, { id: NOBODY, name: 'x', status: 'active', organization_id: org.json.id });
  assert.equal(mismatch.status, 400);
  assert.ok(mismatch.json.fields.id);
  assert.equal((await api.worker.put(`/api/v1/services/${NOBODY}`, { name: 'x', status: 'active', organization_id: org.json.id })).status, 404);
  const orgs = await api.policy.get('/api/v1/organizations?q=stichting%20t');
  assert.ok(orgs.json.items.some((o) => o.name === 'Stichting Tuin'));
  const one = await api.policy.get(`/api/v1/organizations/${org.json.id}`);
  assert.equal(one.json.services[0].name, 'Buurttuin Oost');
  // unpublished: not in the public HSDS API
  assert.equal((await new ApiClient(srv.base).get(`/hsds/services/${id}`)).status, 404);
});

// ---- the public HSDS API --------------------------------------------------------------------------------------------

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const dir = join(SCHEMAS, 'schema');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'openapi.json')) {
    ajv.addSchema(JSON.parse(readFileSync(join(dir, f), 'utf8')), f);
  }
  return ajv;
}

function assertValid(ajv, schema, obj, what) {
  const v = ajv.getSchema(schema);
  assert.ok(v(obj), `${what}: ${JSON.stringify(v.errors?.slice(0, 3))}`);
}

test('HSDS API: pages, nested objects valid against the schemas, no internal fields', async () => {
  const ajv = validator();
  const anon = new ApiClient(srv.base);
  const list = await anon.get('/hsds/services?per_page=5&page=2');
  assert.equal(list.status, 200);
  assert.equal(list.json.page_number, 2);
  assert.equal(list.json.size, 5);
  assert.equal(list.json.first_page, false);
  assert.ok(list.json.total_items >= 60);
  assert.equal(list.headers.get('access-control-allow-origin'), '*');
  const debt = await serviceId('Schuldhulpverlening');
  const one = await anon.get(`/hsds/services/${debt.id}`);
  assert.equal(one.status, 200);
  assertValid(ajv, 'service.json', one.json, 'service');
  assert.equal(one.json.organization.name, 'Gemeente Leeuwarden - Geldzaken');
  assert.ok(!JSON.stringify(one.json).includes('internal_note'));
  assert.ok(!('wijkteam' in one.json));
  const org = await anon.get(`/hsds/organizations/${debt.organization_id}`);
  assertValid(ajv, 'organization.json', org.json, 'organization');
  assert.ok(org.json.services.length >= 3);
  const orgs = await anon.get('/hsds/organizations?search=huisarts');
  assert.equal(orgs.json.total_items, 2);
  const near = await anon.get('/hsds/service_at_locations?postcode=8923AX&proximity=300&full=true');
  assert.equal(near.status, 200);
  assert.ok(near.json.contents.length > 0);
  assertValid(ajv, 'service_at_location.json', near.json.contents[0], 'service_at_location');
  const sal = await anon.get(`/hsds/service_at_locations/${near.json.contents[0].id}`);
  assert.equal(sal.status, 200);
  const terms = await anon.get('/hsds/taxonomy_terms?taxonomy_id=5e1f0000-0000-4000-8000-000000000001');
  assert.equal(terms.json.total_items, 7);
  assertValid(ajv, 'taxonomy_term.json', terms.json.contents[0], 'taxonomy_term');
  const tax = await anon.get('/hsds/taxonomies/5e1f0000-0000-4000-8000-000000000001');
  assertValid(ajv, 'taxonomy.json', tax.json, 'taxonomy');
  const minimal = await anon.get('/hsds/services?minimal=true&per_page=3');
  assert.deepEqual(Object.keys(minimal.json.contents[0]).sort(), ['id', 'last_modified']);
  const bad = await anon.get('/hsds/services?organization_id=nope');
  assert.equal(bad.status, 400);
  assert.equal((await anon.get('/hsds/services?postcode=8923AX&proximity=5')).status, 400);
  assert.equal((await anon.get(`/hsds/organizations/${NOBODY}`)).status, 404);
});

// ---- import and export from the console -----------------------------------------------------------------------------

function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') q = false; else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else if (c !== '\r') cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

function run(args) {
  try {
    return { code: 0, out: execFileSync(BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WIJKTEAM_LOG: 'warn' } }) };
  } catch (e) {
    return { code: e.status, out: String(e.stdout), err: String(e.stderr) };
  }
}

test('export: the tabular package and the JSON validate against HSDS 3.0; a re-import adds no duplicates', async () => {
  const out = join(tmp, 'export');
  const r = run(['socialmap', 'export', out, '--db', srv.db]);
  assert.equal(r.code, 0, r.err);
  const ajv = validator();
  const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
  const std = JSON.parse(readFileSync(join(SCHEMAS, 'datapackage.json'), 'utf8'));
  assert.deepEqual(pkg.resources.map((x) => x.name).sort(), std.resources.map((x) => x.name).sort());
  for (const res of pkg.resources) {
    const stdRes = std.resources.find((x) => x.name === res.name);
    assert.deepEqual(res.schema.fields.map((f) => f.name), stdRes.schema.fields.map((f) => f.name), res.name);
    const rows = parseCsv(readFileSync(join(out, res.path), 'utf8'));
    assert.deepEqual(rows[0], stdRes.schema.fields.map((f) => f.name), `${res.path} header`);
    const types = Object.fromEntries(stdRes.schema.fields.map((f) => [f.name, f.type]));
    for (const row of rows.slice(1)) {
      const obj = {};
      rows[0].forEach((name, i) => { if (row[i] !== '') obj[name] = types[name] === 'number' ? Number(row[i]) : row[i]; });
      for (const f of stdRes.schema.fields.filter((x) => x.constraints?.required)) assert.ok(f.name in obj, `${res.path}: ${f.name}`);
      assertValid(ajv, `${res.name}.json`, obj, `${res.path} ${obj.id}`);
    }
  }
  const services = JSON.parse(readFileSync(join(out, 'json', 'services.json'), 'utf8'));
  assert.ok(services.length >= 60);
  for (const s of services) assertValid(ajv, 'service.json', s, `service ${s.id}`);
  const orgs = JSON.parse(readFileSync(join(out, 'json', 'organizations.json'), 'utf8'));
  for (const o of orgs) assertValid(ajv, 'organization.json', o, `organization ${o.id}`);

  const before = (await api.worker.get('/api/v1/services?ended=true&limit=1')).json;
  const count = async () => Number((await web.worker.get('/socialmap')).text.match(/(\d+) voorzieningen\./)[1]);
  const n0 = await count();
  const again = run(['socialmap', 'import', out, '--db', srv.db]);
  assert.equal(again.code, 0, again.err);
  const json = run(['socialmap', 'import', join(out, 'json'), '--db', srv.db]);
  assert.equal(json.code, 0, json.err);
  assert.equal(await count(), n0);
  assert.ok(before.items.length === 1);
});

test('import: every problem with file, row and field; nothing imported unless bad rows are skipped', async () => {
  const dir = join(tmp, 'bad');
  mkdirSync(dir, { recursive: true });
  const org = 'aa000000-0000-4000-8000-000000000001';
  writeFileSync(join(dir, 'organizations.csv'), `id,name,description\n${org},Nieuwe Stichting,Goed\n`);
  writeFileSync(join(dir, 'services.csv'), 'id,organization_id,name,status\n'
    + `ab000000-0000-4000-8000-000000000001,${org},Nieuwe dienst,active\n`
    + 'ab000000-0000-4000-8000-000000000002,aa000000-0000-4000-8000-0000000000ff,Wees,active\n'
    + `ab000000-0000-4000-8000-000000000003,${org},"Niet gesloten,active\n`);
  writeFileSync(join(dir, 'locations.csv'), `id,location_type,organization_id,latitude,longitude\nac000000-0000-4000-8000-000000000001,physical,${org},51.0,9.5\n`);
  writeFileSync(join(dir, 'schedules.csv'), 'id,service_id,freq,byday\nad000000-0000-4000-8000-000000000001,ab000000-0000-4000-8000-000000000001,DAILY,MO\n');
  const r = run(['socialmap', 'import', dir, '--db', srv.db]);
  assert.equal(r.code, 1);
  assert.match(r.err, /services\.csv:3: organization_id: /);
  assert.match(r.err, /services\.csv:4: /);
  assert.match(r.err, /locations\.csv:2: longitude: /);
  assert.match(r.err, /schedules\.csv:2: freq: /);
  assert.match(r.err, /nothing imported/);
  assert.equal((await api.worker.get('/api/v1/organizations?q=nieuwe%20stichting')).json.items.length, 0);
  const skip = run(['socialmap', 'import', dir, '--db', srv.db, '--skip-bad-rows']);
  assert.equal(skip.code, 0, skip.err);
  assert.match(skip.out, /imported 2 rows/);
  assert.equal((await api.worker.get('/api/v1/services?q=nieuwe%20dienst')).json.items.length, 1);
});

test('a crowded circle: the page counts up to 200 and says "more than", the HSDS API pages by the exact total', async () => {
  // 2,400 generated services, a tenth of their locations within 10 km of the demo neighbourhood (make bench's map).
  const dir = join(tmp, 'crowd');
  execFileSync('node', [join(root, 'scripts', 'bench-socialmap.mjs'), '2400', dir], { stdio: 'ignore' });
  const r = run(['socialmap', 'import', dir, '--db', srv.db]);
  assert.equal(r.code, 0, r.err);
  const cases = await api.worker.get('/api/v1/cases?mine=1&limit=1');
  const hh = cases.json.items[0].household_id;
  const far = await web.worker.get(`/socialmap?household=${hh}&km=10`);
  assert.equal(far.status, 200);
  assert.match(far.text, /Meer dan 200 voorzieningen binnen 10,0 km\./);
  const near = await web.worker.get(`/socialmap?household=${hh}&km=0.2`);
  assert.equal(near.status, 200);
  const shown = (near.text.match(/class="wt-card wt-hit"/g) || []).length;
  assert.match(near.text, new RegExp(`>${shown} voorziening(en)? binnen 200 m\\.`), 'a small circle is counted exactly');
  const hsds = await fetch(`${srv.base}/hsds/services?postcode=8923&proximity=10000&per_page=10`).then((x) => x.json());
  assert.ok(hsds.total_items > 200, `exact total ${hsds.total_items}`);
  assert.equal(hsds.total_pages, Math.ceil(hsds.total_items / 10));
});
