// Households, persons and search: every route for every role, the validation
// of a registration (each error names its field, nothing half-written), the
// search by name (with and without diacritics), address and date of birth.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, WebClient, ApiClient, apiAs, webAs, cli } from './lib.mjs';

let srv;
let api = {};
let web = {};
let outsiderApi;
let outsiderWeb;
const OUTSIDER = 'wouter';
const OUTSIDER_PASSWORD = 'ander-team-wachtwoord-77';

// A fresh postcode per registration, so tests do not see each other's households.
let pcSeq = 0;
function postcode() {
  pcSeq += 1;
  const n = 2000 + pcSeq;
  return `${n} KB`;
}

// A BSN that passes the 11-proef, different for every call.
let bsnSeq = 10000000;
function bsn() {
  for (;;) {
    bsnSeq += 7;
    const d = String(bsnSeq).padStart(8, '0').split('').map(Number);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * d[i];
    const check = sum % 11;
    if (check < 10) return d.join('') + String(check);
  }
}

function householdBody(over = {}) {
  return {
    name: '',
    address: { postcode: postcode(), house_number: 12, house_letter: '', addition: '', street: 'Kerkstraat', town: 'Leeuwarden' },
    members: [{ given_name: 'Fatma', family_name: 'Çelik', birth_date: '1980-05-01', bsn: bsn(), phone: '058 123 4567', is_volunteer: true }],
    ...over,
  };
}

async function createHousehold(client = api.worker, over = {}) {
  const r = await client.post('/api/v1/households', householdBody(over));
  assert.equal(r.status, 201, r.text);
  return r.json;
}

before(async () => {
  srv = await startServer();
  const out = cli(['team', 'add', '--db', srv.db, '--name', 'Team Noord', '--municipality', 'Leeuwarden']);
  const teamId = out.match(/id (\d+)/)[1];
  cli(['user', 'add', '--db', srv.db, '--username', OUTSIDER, '--name', 'Wouter Anders', '--role', 'worker', '--team', teamId],
    `${OUTSIDER_PASSWORD}\n`);
  for (const role of ['worker', 'teamleader', 'admin', 'policy']) {
    api[role] = await apiAs(srv.base, role);
    web[role] = await webAs(srv.base, role);
  }
  const r = await new ApiClient(srv.base).post('/api/v1/session', { username: OUTSIDER, password: OUTSIDER_PASSWORD });
  assert.equal(r.status, 201, r.text);
  outsiderApi = new ApiClient(srv.base, r.json.token);
  outsiderWeb = await new WebClient(srv.base).login(OUTSIDER, OUTSIDER_PASSWORD);
});
after(async () => { await srv.stop(); });

// ---- access: every route, every role ----------------------------------------------------------------------------

test('web routes: workers and the team leader yes, admin and policy 403, not logged in to the login page', async () => {
  const h = await createHousehold();
  const pid = h.members[0].id;
  const pages = ['/search', '/search?q=celik', '/households/new', `/households/${h.id}`, `/persons/${pid}/edit`];
  for (const p of pages) {
    for (const role of ['worker', 'teamleader']) {
      const r = await web[role].get(p);
      assert.equal(r.status, 200, `${role} GET ${p}`);
    }
    for (const role of ['admin', 'policy']) {
      const r = await web[role].get(p);
      assert.equal(r.status, 403, `${role} GET ${p}`);
    }
    const anon = await new WebClient(srv.base).get(p);
    assert.equal(anon.status, 303, `anonymous GET ${p}`);
    assert.match(anon.headers.get('location'), /^\/login/);
  }
  const person = { given_name: 'Anna', family_name: 'Bakker', birth_date: '2015-03-04' };
  const edit = { given_name: 'Fatma', family_name: 'Çelik', birth_date: '1980-05-01', phone: '06 12345678' };
  const household = (pc) => ({ postcode: pc, house_number: '3', street: 'Dorpsstraat', town: 'Leeuwarden', 'members.0.given_name': 'Piet', 'members.0.family_name': 'Smit' });
  for (const role of ['worker', 'teamleader']) {
    let r = await web[role].post('/households', household(postcode()));
    assert.equal(r.status, 303, `${role} POST /households`);
    assert.match(r.location, /^\/households\/\d+\?melding=household$/);
    r = await web[role].post(`/households/${h.id}/persons`, person);
    assert.equal(r.status, 303, `${role} POST persons`);
    r = await web[role].post(`/persons/${pid}/edit`, edit);
    assert.equal(r.status, 303, `${role} POST edit`);
    assert.equal(r.location, `/households/${h.id}?melding=saved`);
  }
  for (const role of ['admin', 'policy']) {
    assert.equal((await web[role].post('/households', household(postcode()))).status, 403, `${role} POST /households`);
    assert.equal((await web[role].post(`/households/${h.id}/persons`, person)).status, 403, `${role} POST persons`);
    assert.equal((await web[role].post(`/persons/${pid}/edit`, edit)).status, 403, `${role} POST edit`);
  }
  const anon = new WebClient(srv.base);
  for (const p of ['/households', `/households/${h.id}/persons`, `/persons/${pid}/edit`]) {
    const r = await anon.post(p, person, { csrf: false });
    assert.equal(r.status, 303, `anonymous POST ${p}`);
    assert.match(r.location, /^\/login/);
  }
});

test('API routes: workers and the team leader yes, admin and policy 403, without a token 401', async () => {
  const h = await createHousehold();
  const pid = h.members[0].id;
  const calls = (pc) => [
    ['GET', '/api/v1/households?q=celik', undefined, 200],
    ['POST', '/api/v1/households', householdBody({ address: { postcode: pc, house_number: 1, street: 'Weg', town: 'Leeuwarden' } }), 201],
    ['GET', `/api/v1/households/${h.id}`, undefined, 200],
    ['POST', `/api/v1/households/${h.id}/persons`, { given_name: 'Bo', family_name: 'Jansen' }, 201],
    ['GET', `/api/v1/persons/${pid}`, undefined, 200],
    ['PATCH', `/api/v1/persons/${pid}`, { phone: '058 765 4321' }, 200],
  ];
  for (const role of ['worker', 'teamleader']) {
    for (const [m, p, b, want] of calls(postcode())) {
      const r = await api[role].req(m, p, b);
      assert.equal(r.status, want, `${role} ${m} ${p}: ${r.text}`);
    }
  }
  for (const role of ['admin', 'policy']) {
    for (const [m, p, b] of calls(postcode())) {
      const r = await api[role].req(m, p, b);
      assert.equal(r.status, 403, `${role} ${m} ${p}`);
      assert.equal(r.json.error, 'forbidden');
    }
  }
  const anon = new ApiClient(srv.base);
  for (const [m, p, b] of calls(postcode())) {
    const r = await anon.req(m, p, b);
    assert.equal(r.status, 401, `anonymous ${m} ${p}`);
  }
});

test('a worker of another team gets 404 for this team\'s household and person, and finds nothing', async () => {
  const h = await createHousehold();
  const pid = h.members[0].id;
  assert.equal((await outsiderApi.get(`/api/v1/households/${h.id}`)).status, 404);
  assert.equal((await outsiderApi.post(`/api/v1/households/${h.id}/persons`, { given_name: 'X', family_name: 'Y' })).status, 404);
  assert.equal((await outsiderApi.get(`/api/v1/persons/${pid}`)).status, 404);
  assert.equal((await outsiderApi.patch(`/api/v1/persons/${pid}`, { phone: '0612345678' })).status, 404);
  const s = await outsiderApi.get(`/api/v1/households?postcode=${encodeURIComponent(h.address.postcode)}`);
  assert.equal(s.status, 200);
  assert.equal(s.json.items.length, 0);
  assert.equal((await outsiderWeb.get(`/households/${h.id}`)).status, 404);
  assert.equal((await outsiderWeb.get(`/persons/${pid}/edit`)).status, 404);
  assert.equal((await outsiderWeb.post(`/households/${h.id}/persons`, { given_name: 'X', family_name: 'Y' })).status, 404);
  assert.equal((await outsiderWeb.post(`/persons/${pid}/edit`, { given_name: 'X', family_name: 'Y' })).status, 404);
  const page = await outsiderWeb.get(`/search?postcode=${encodeURIComponent(h.address.postcode)}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /Geen huishoudens gevonden/);
  // The household is unchanged: no member was added by the outsider.
  const again = await api.worker.get(`/api/v1/households/${h.id}`);
  assert.equal(again.json.members.length, 1);
  // Unknown ids are 404 for the own team as well.
  assert.equal((await api.worker.get('/api/v1/households/999999')).status, 404);
  assert.equal((await web.worker.get('/persons/999999/edit')).status, 404);
});

// ---- registration -----------------------------------------------------------------------------------------------

test('API: a household is registered with its address and members in one operation', async () => {
  const pc = postcode();
  const b = householdBody({
    name: 'Huishouden Çelik-de Vries',
    address: { postcode: pc.toLowerCase().replace(' ', ''), house_number: '7', house_letter: 'b', addition: '2', street: 'Kerkstraat', town: 'Leeuwarden' },
    members: [
      { given_name: 'Fatma', family_name: 'Çelik', birth_date: '1980-05-01', bsn: '111222333', email: 'fatma@example.nl', is_informal_carer: true },
      { given_name: 'Jan', family_name: 'de Vries', birth_date: '1978-11-02', is_new_resident: true },
      {},
    ],
  });
  const r = await api.worker.post('/api/v1/households', b);
  assert.equal(r.status, 201, r.text);
  const h = r.json;
  assert.equal(h.team_id, 1);
  assert.equal(h.name, 'Huishouden Çelik-de Vries');
  assert.equal(h.address.postcode, pc.replace(' ', ''));
  assert.equal(h.address.house_letter, 'B');
  assert.equal(h.address.formatted, `Kerkstraat 7 B-2, ${pc} Leeuwarden`);
  assert.equal(h.members.length, 2, 'the empty member is skipped');
  assert.equal(h.open_case_id, null);
  const fatma = h.members.find((m) => m.given_name === 'Fatma');
  assert.equal(fatma.bsn_masked, '***-**-333');
  assert.equal(fatma.bsn, undefined, 'the household shows the BSN masked only');
  assert.equal(fatma.is_informal_carer, true);
  assert.equal(typeof fatma.age, 'number');
  const p = await api.worker.get(`/api/v1/persons/${fatma.id}`);
  assert.equal(p.json.bsn, '111222333');
});

test('without a name the household is named after its first member', async () => {
  const h = await createHousehold(api.worker, { name: '' });
  assert.equal(h.name, 'Huishouden Çelik');
});

test('an existing address is reused: same postcode, number, letter and addition', async () => {
  const pc = postcode();
  const a = await createHousehold(api.worker, { address: { postcode: pc, house_number: 5, house_letter: 'A', street: 'Langestraat', town: 'Leeuwarden' } });
  // The second registration needs no street or town: the address is known.
  const b = await createHousehold(api.worker, { address: { postcode: pc.replace(' ', '').toLowerCase(), house_number: 5, house_letter: 'a' } });
  assert.equal(b.address.id, a.address.id);
  assert.equal(b.address.street, 'Langestraat');
  const c = await createHousehold(api.worker, { address: { postcode: pc, house_number: 5, house_letter: 'A', addition: '1', street: 'Langestraat', town: 'Leeuwarden' } });
  assert.notEqual(c.address.id, a.address.id);
  const s = await api.worker.get(`/api/v1/households?postcode=${encodeURIComponent(pc)}&house_number=5`);
  assert.deepEqual(s.json.items.map((x) => x.id).sort(), [a.id, b.id, c.id].sort());
});

async function countAt(pc) {
  const s = await api.worker.get(`/api/v1/households?postcode=${encodeURIComponent(pc)}`);
  assert.equal(s.status, 200);
  return s.json.items.length;
}

test('API: every invalid field is refused with its name, and nothing is written', async () => {
  const taken = bsn();
  await createHousehold(api.worker, { members: [{ given_name: 'Eerste', family_name: 'Eigenaar', bsn: taken }] });
  const cases = [
    [{ address: { postcode: '0123 AB', house_number: 1, street: 'S', town: 'T' } }, 'address.postcode', /postcode/i],
    [{ address: { postcode: '1234 SA', house_number: 1, street: 'S', town: 'T' } }, 'address.postcode', /postcode/i],
    [{ address: { postcode: '12345', house_number: 1, street: 'S', town: 'T' } }, 'address.postcode', /postcode/i],
    [{ address: { postcode: '1234 AB', house_number: 0, street: 'S', town: 'T' } }, 'address.house_number', /1 tot en met 99999/],
    [{ address: { postcode: '1234 AB', house_number: 100000, street: 'S', town: 'T' } }, 'address.house_number', /1 tot en met 99999/],
    [{ address: { postcode: '1234 AB', house_number: 'twaalf', street: 'S', town: 'T' } }, 'address.house_number', /huisnummer/i],
    [{ address: { postcode: '1234 AB', house_number: 1, house_letter: 'AB', street: 'S', town: 'T' } }, 'address.house_letter', /huisletter/i],
    [{ address: { postcode: '1234 AB', house_number: 1, addition: 'toolong', street: 'S', town: 'T' } }, 'address.addition', /toevoeging/i],
    [{ address: { postcode: '9999 ZZ', house_number: 1, town: 'T' } }, 'address.street', /straat/i],
    [{ address: { postcode: '1234 AB', house_number: 1, street: 'x'.repeat(101), town: 'T' } }, 'address.street', /100 tekens/],
    [{ name: 'n'.repeat(101) }, 'name', /100 tekens/],
    [{ members: [] }, 'members', /minstens één gezinslid/],
    [{ members: [{ given_name: 'A' }] }, 'members.0.family_name', /achternaam/],
    [{ members: [{ given_name: 'x'.repeat(101), family_name: 'B' }] }, 'members.0.given_name', /100 tekens/],
    [{ members: [{ given_name: 'A', family_name: 'B', birth_date: '2020-02-30' }] }, 'members.0.birth_date', /geldige geboortedatum/],
    [{ members: [{ given_name: 'A', family_name: 'B', birth_date: '2100-01-01' }] }, 'members.0.birth_date', /toekomst/],
    [{ members: [{ given_name: 'A', family_name: 'B', bsn: '123456789' }] }, 'members.0.bsn', /elfproef/],
    [{ members: [{ given_name: 'A', family_name: 'B', bsn: '12345678' }] }, 'members.0.bsn', /elfproef/],
    [{ members: [{ given_name: 'A', family_name: 'B', bsn: '12345678a' }] }, 'members.0.bsn', /elfproef/],
    [{ members: [{ given_name: 'A', family_name: 'B', bsn: taken }] }, 'members.0.bsn', /al geregistreerd/],
    [{ members: [{ given_name: 'A', family_name: 'B', email: 'geen-adres' }] }, 'members.0.email', /e-mailadres/],
    [{ members: [{ given_name: 'A', family_name: 'B', phone: 'bel me' }] }, 'members.0.phone', /telefoonnummer/],
    [{ members: [{ given_name: 'A', family_name: 'B', is_volunteer: 'ja' }] }, 'members.0.is_volunteer', /true of false/],
    [{ members: 'iedereen' }, 'members', /lijst/],
  ];
  for (const [over, field, msg] of cases) {
    const body = householdBody(over);
    const pc = body.address.postcode;
    const r = await api.worker.post('/api/v1/households', body);
    assert.equal(r.status, 400, `${field}: ${r.text}`);
    assert.equal(r.json.error, 'invalid');
    assert.ok(r.json.fields[field], `${field} named in ${JSON.stringify(r.json.fields)}`);
    assert.match(r.json.fields[field], msg);
    if (/^\d{4} ?[A-Z]{2}$/.test(pc) && pc !== '0123 AB' && pc !== '1234 SA') assert.equal(await countAt(pc), 0, `nothing written for ${field}`);
  }
});

test('a failure in the second member leaves no household, address or first member behind', async () => {
  const pc = postcode();
  const body = householdBody({
    address: { postcode: pc, house_number: 44, street: 'Nieuweweg', town: 'Leeuwarden' },
    members: [
      { given_name: 'Goed', family_name: 'Halfgeschreven', bsn: bsn() },
      { given_name: 'Fout', family_name: 'Halfgeschreven', birth_date: '2100-12-31' },
    ],
  });
  const r = await api.worker.post('/api/v1/households', body);
  assert.equal(r.status, 400);
  assert.ok(r.json.fields['members.1.birth_date']);
  assert.equal(await countAt(pc), 0);
  const byName = await api.worker.get('/api/v1/households?q=halfgeschreven');
  assert.equal(byName.json.items.length, 0);
  // The same BSN is still free: it was never written.
  const ok = await api.worker.post('/api/v1/households', { ...body, members: [body.members[0]] });
  assert.equal(ok.status, 201, ok.text);
  // The address was created now, once: a second household there reuses it.
  const again = await createHousehold(api.worker, { address: { postcode: pc, house_number: 44 } });
  assert.equal(again.address.id, ok.json.address.id);
});

test('two members with the same BSN in one registration are refused', async () => {
  const same = bsn();
  const r = await api.worker.post('/api/v1/households', householdBody({
    members: [{ given_name: 'A', family_name: 'Twee', bsn: same }, { given_name: 'B', family_name: 'Twee', bsn: same }],
  }));
  assert.equal(r.status, 400);
  assert.match(r.json.fields['members.1.bsn'], /ander gezinslid/);
});

test('API: malformed JSON is 400, wrong content type 415', async () => {
  const bad = await api.worker.req('POST', '/api/v1/households', '{"address": ');
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error, 'malformed_json');
  const ct = await api.worker.req('POST', '/api/v1/households', 'x=1', { 'Content-Type': 'text/plain' });
  assert.equal(ct.status, 415);
  const arr = await api.worker.req('PATCH', '/api/v1/persons/1', '[1,2]');
  assert.equal(arr.status, 400);
});

test('web: the registration form has six member rows and works without JavaScript', async () => {
  const r = await web.worker.get('/households/new');
  assert.equal(r.status, 200);
  for (let i = 0; i < 6; i++) assert.match(r.text, new RegExp(`name="members\\.${i}\\.given_name"`));
  for (const f of ['postcode', 'house_number', 'house_letter', 'addition', 'street', 'town', 'name']) {
    assert.match(r.text, new RegExp(`<label class="utrecht-form-label" for="f-${f}"`), f);
  }
  assert.match(r.text, /name="members\.0\.is_volunteer"/);
  assert.match(r.text, /name="members\.0\.is_informal_carer"/);
  assert.match(r.text, /name="members\.0\.is_new_resident"/);
  const more = await web.worker.get('/households/new?rijen=12');
  assert.match(more.text, /name="members\.11\.given_name"/);
});

test('web: a household with members is registered; empty rows are skipped; BSN masked on the page', async () => {
  const pc = postcode();
  const id = bsn();
  const r = await web.worker.post('/households', {
    postcode: pc, house_number: '9', street: 'Schieringerweg', town: 'Leeuwarden', name: '', rows: '6',
    'members.0.given_name': 'Ümit', 'members.0.family_name': 'Öztürk', 'members.0.birth_date': '1990-01-15', 'members.0.bsn': id,
    'members.0.is_volunteer': '1',
    'members.3.given_name': 'Elif', 'members.3.family_name': 'Öztürk', 'members.3.birth_date': '2019-06-30',
    'members.1.given_name': '', 'members.1.family_name': '',
  });
  assert.equal(r.status, 303, r.text);
  const page = await web.worker.get(r.location);
  assert.equal(page.status, 200);
  assert.match(page.text, /Het huishouden is geregistreerd/);
  assert.match(page.text, /Huishouden Öztürk/);
  assert.match(page.text, /Ümit Öztürk/);
  assert.match(page.text, /Elif Öztürk/);
  assert.match(page.text, /15 januari 1990 \(\d+ jaar\)/);
  assert.match(page.text, new RegExp(`\\*\\*\\*-\\*\\*-${id.slice(6)}`));
  assert.ok(!page.text.includes(id), 'the full BSN is not on the household page');
  assert.match(page.text, /vrijwilliger/);
  assert.match(page.text, new RegExp(`Schieringerweg 9, ${pc} Leeuwarden`));
  const hid = r.location.match(/\/households\/(\d+)/)[1];
  const h = await api.worker.get(`/api/v1/households/${hid}`);
  assert.equal(h.json.members.length, 2);
  // The edit page shows the full BSN: an explicit edit.
  const pid = h.json.members.find((m) => m.given_name === 'Ümit').id;
  const edit = await web.worker.get(`/persons/${pid}/edit`);
  assert.match(edit.text, new RegExp(`value="${id}"`));
});

test('web: errors re-render the form with 400, each field named, values kept, nothing written', async () => {
  const pc = postcode();
  const r = await web.worker.post('/households', {
    postcode: pc, house_number: '100000', street: 'Weg', town: 'Leeuwarden', rows: '6',
    'members.0.given_name': 'Kees', 'members.0.family_name': 'Fout', 'members.0.bsn': '123456789',
    'members.2.given_name': 'Mies', 'members.2.birth_date': '2100-01-01',
  });
  assert.equal(r.status, 400);
  assert.match(r.text, /href="#f-house_number"/);
  assert.match(r.text, /href="#f-members\.0\.bsn"/);
  assert.match(r.text, /href="#f-members\.2\.family_name"/);
  assert.match(r.text, /href="#f-members\.2\.birth_date"/);
  assert.match(r.text, /elfproef/);
  assert.match(r.text, /toekomst/);
  assert.match(r.text, /value="Kees"/);
  assert.match(r.text, /aria-invalid="true"/);
  assert.equal(await countAt(pc), 0);
  const none = await web.worker.post('/households', { postcode: pc, house_number: '1', street: 'Weg', town: 'Leeuwarden', rows: '6' });
  assert.equal(none.status, 400);
  assert.match(none.text, /href="#f-members"/);
  assert.match(none.text, /minstens één gezinslid/);
  assert.equal(await countAt(pc), 0);
});

test('web: add a member and edit a person, with validation', async () => {
  const h = await createHousehold();
  await web.worker.get(`/households/${h.id}`);
  const bad = await web.worker.post(`/households/${h.id}/persons`, { given_name: 'Kind', family_name: '', birth_date: 'gisteren' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /href="#f-family_name"/);
  assert.match(bad.text, /href="#f-birth_date"/);
  const ok = await web.worker.post(`/households/${h.id}/persons`, { given_name: 'Kind', family_name: 'Çelik', birth_date: '31-12-2015', is_new_resident: '1' });
  assert.equal(ok.status, 303);
  assert.equal(ok.location, `/households/${h.id}?melding=member`);
  const after = await api.worker.get(`/api/v1/households/${h.id}`);
  const kind = after.json.members.find((m) => m.given_name === 'Kind');
  assert.equal(kind.birth_date, '2015-12-31');
  assert.equal(kind.is_new_resident, true);
  const pid = h.members[0].id;
  await web.worker.get(`/persons/${pid}/edit`);
  const badEdit = await web.worker.post(`/persons/${pid}/edit`, { given_name: 'Fatma', family_name: 'Çelik', bsn: '111111111' });
  assert.equal(badEdit.status, 400);
  assert.match(badEdit.text, /href="#f-bsn"/);
  const edit = await web.worker.post(`/persons/${pid}/edit`, { given_name: 'Fatma', family_name: 'Çelik-Yılmaz', email: 'f@example.nl' });
  assert.equal(edit.status, 303);
  const p = await api.worker.get(`/api/v1/persons/${pid}`);
  assert.equal(p.json.family_name, 'Çelik-Yılmaz');
  assert.equal(p.json.email, 'f@example.nl');
  assert.equal(p.json.bsn, null, 'an emptied BSN field removes the BSN');
});

test('API: PATCH changes only the fields sent; the BSN is checked and unique', async () => {
  const h = await createHousehold();
  const pid = h.members[0].id;
  const before = (await api.worker.get(`/api/v1/persons/${pid}`)).json;
  const r = await api.worker.patch(`/api/v1/persons/${pid}`, { phone: '06-12345678', is_volunteer: false });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.phone, '06-12345678');
  assert.equal(r.json.is_volunteer, false);
  assert.equal(r.json.given_name, before.given_name);
  assert.equal(r.json.bsn, before.bsn);
  const other = await createHousehold();
  const dup = await api.worker.patch(`/api/v1/persons/${pid}`, { bsn: (await api.worker.get(`/api/v1/persons/${other.members[0].id}`)).json.bsn });
  assert.equal(dup.status, 400);
  assert.match(dup.json.fields.bsn, /al geregistreerd/);
  const same = await api.worker.patch(`/api/v1/persons/${pid}`, { bsn: before.bsn });
  assert.equal(same.status, 200, 'keeping one\'s own BSN is fine');
  const clear = await api.worker.patch(`/api/v1/persons/${pid}`, { email: null, birth_date: '2100-01-01' });
  assert.equal(clear.status, 400);
  assert.ok(clear.json.fields.birth_date);
  const empty = await api.worker.patch(`/api/v1/persons/${pid}`, { given_name: '' });
  assert.equal(empty.status, 400);
  assert.ok(empty.json.fields.given_name);
  const add = await api.worker.post(`/api/v1/households/${h.id}/persons`, { given_name: 'Nieuw', family_name: 'Lid', bsn: '12345678' });
  assert.equal(add.status, 400);
  assert.ok(add.json.fields.bsn);
});

// ---- search -----------------------------------------------------------------------------------------------------

test('search by name finds with and without diacritics, family name with or without tussenvoegsel', async () => {
  const h = await createHousehold(api.worker, {
    members: [
      { given_name: 'Şükrü', family_name: 'Çakırgöz', birth_date: '1966-02-03' },
      { given_name: 'Anneke', family_name: 'van der Meulenbelt', birth_date: '1970-07-08' },
    ],
  });
  const find = async (q) => {
    const r = await api.worker.get(`/api/v1/households?q=${encodeURIComponent(q)}`);
    assert.equal(r.status, 200, r.text);
    return r.json.items.map((x) => x.id);
  };
  for (const q of ['cakirgoz', 'Çakırgöz', 'CAKIRGOZ', 'cakir', 'sukru cakirgoz', 'cakirgoz sukru', 'meulenbelt',
    'van der meulenbelt', 'anneke meulenbelt', 'Anneke van der Meulenbelt']) {
    assert.ok((await find(q)).includes(h.id), `found by "${q}"`);
  }
  for (const q of ['cakirgozz', 'sukru meulenbelt x', 'anneke cakirgoz']) {
    assert.ok(!(await find(q)).includes(h.id), `not found by "${q}"`);
  }
  // The web page finds the same, with the household's address and members.
  const page = await web.worker.get('/search?q=%C3%A7ak%C4%B1rg%C3%B6z');
  assert.equal(page.status, 200);
  assert.match(page.text, new RegExp(`href="/households/${h.id}"`));
  assert.match(page.text, /Şükrü Çakırgöz/);
  assert.match(page.text, /Geen open casus/);
  assert.match(page.text, /<th scope="col"/);
});

test('search by postcode and house number, and by date of birth', async () => {
  const pc = postcode();
  const h = await createHousehold(api.worker, {
    address: { postcode: pc, house_number: 31, street: 'Heechterp', town: 'Leeuwarden' },
    members: [{ given_name: 'Geert', family_name: 'Zoekbaar', birth_date: '1944-04-04' }],
  });
  await createHousehold(api.worker, { address: { postcode: pc, house_number: 33, street: 'Heechterp', town: 'Leeuwarden' } });
  const byAddr = await api.worker.get(`/api/v1/households?postcode=${pc.replace(' ', '').toLowerCase()}&house_number=31`);
  assert.deepEqual(byAddr.json.items.map((x) => x.id), [h.id]);
  assert.equal((await api.worker.get(`/api/v1/households?postcode=${encodeURIComponent(pc)}`)).json.items.length, 2);
  const byBirth = await api.worker.get('/api/v1/households?birth_date=1944-04-04');
  assert.ok(byBirth.json.items.some((x) => x.id === h.id));
  const both = await api.worker.get('/api/v1/households?q=zoekbaar&birth_date=1944-04-05');
  assert.equal(both.json.items.length, 0, 'name and date of birth must match the same person');
  const page = await web.worker.get(`/search?postcode=${encodeURIComponent(pc)}&house_number=31`);
  assert.match(page.text, /Geert Zoekbaar/);
  assert.match(page.text, /4 april 1944/);
});

test('search validates its criteria and pages through results', async () => {
  const none = await api.worker.get('/api/v1/households');
  assert.equal(none.status, 400);
  assert.ok(none.json.fields.q);
  const badPc = await api.worker.get('/api/v1/households?postcode=0000AA');
  assert.equal(badPc.status, 400);
  assert.ok(badPc.json.fields.postcode);
  const noPc = await api.worker.get('/api/v1/households?house_number=12');
  assert.equal(noPc.status, 400);
  assert.ok(noPc.json.fields.postcode);
  const badDate = await api.worker.get('/api/v1/households?birth_date=1980-13-01');
  assert.equal(badDate.status, 400);
  assert.ok(badDate.json.fields.birth_date);
  const short = await api.worker.get('/api/v1/households?q=a');
  assert.equal(short.status, 400);
  assert.ok(short.json.fields.q);
  const wild = await api.worker.get(`/api/v1/households?q=${encodeURIComponent('%_%')}`);
  assert.equal(wild.status, 400, 'wildcards are no name');
  const web400 = await web.worker.get('/search?postcode=12');
  assert.equal(web400.status, 400);
  assert.match(web400.text, /href="#f-postcode"/);
  // Paging: 3 households with one family name, 2 per page.
  for (let i = 0; i < 3; i++) await createHousehold(api.worker, { members: [{ given_name: `Kind${i}`, family_name: 'Pagineerbaar' }] });
  const p1 = await api.worker.get('/api/v1/households?q=pagineerbaar&limit=2');
  assert.equal(p1.json.items.length, 2);
  assert.equal(p1.json.more, true);
  const p2 = await api.worker.get('/api/v1/households?q=pagineerbaar&limit=2&offset=2');
  assert.equal(p2.json.items.length, 1);
  assert.equal(p2.json.more, false);
  const ids = new Set([...p1.json.items, ...p2.json.items].map((x) => x.id));
  assert.equal(ids.size, 3);
});

// ---- the household page -----------------------------------------------------------------------------------------

test('the household page offers to open a case: reason and a coordinator of the team, default the current user', async () => {
  const h = await createHousehold();
  const me = (await api.worker.get('/api/v1/me')).json;
  const page = await web.worker.get(`/households/${h.id}`);
  assert.equal(page.status, 200);
  assert.match(page.text, new RegExp(`<form method="post" action="/households/${h.id}/case"`));
  assert.match(page.text, /<textarea[^>]*name="reason"[^>]*required/);
  assert.match(page.text, /<select[^>]*name="coordinator_id"/);
  assert.match(page.text, new RegExp(`<option value="${me.id}" selected>`));
  assert.match(page.text, /Marieke Hoekstra/, 'the team leader can coordinate as well');
  assert.ok(!page.text.includes('Wouter Anders'), 'no coordinators of another team');
  assert.equal((page.text.match(/<h1/g) || []).length, 1);
  assert.match(page.text, new RegExp(`href="/persons/${h.members[0].id}/edit"`));
  assert.match(page.text, /name="given_name"/, 'the add-member form');
});

test('personal data is never cached and never in the server log', async () => {
  const h = await createHousehold(api.worker, { members: [{ given_name: 'Geheim', family_name: 'Logvrij', bsn: '123456782' }] });
  const r = await fetch(`${srv.base}/households/${h.id}`, { headers: { Cookie: web.worker.cookie } });
  assert.match(r.headers.get('cache-control') || '', /no-store/);
  await api.worker.get('/api/v1/households?q=logvrij');
  assert.ok(!srv.stderr().includes('Logvrij'));
  assert.ok(!srv.stderr().includes('123456782'));
});

test('with an open case the household page and the search show it, with its coordinator and a link', async () => {
  const h = await createHousehold(api.worker, { members: [{ given_name: 'Casus', family_name: 'Openaar' }] });
  const page = await web.worker.get(`/households/${h.id}`);
  const me = (await api.worker.get('/api/v1/me')).json;
  const opened = await web.worker.post(`/households/${h.id}/case`, { reason: 'Schulden en zorgen om de kinderen.', coordinator_id: String(me.id) });
  assert.equal(opened.status, 303, opened.text);
  assert.ok(page.status === 200);
  const api1 = await api.worker.get(`/api/v1/households/${h.id}`);
  const caseId = api1.json.open_case_id;
  assert.ok(caseId > 0);
  assert.equal(api1.json.open_case.coordinator_id, me.id);
  const after = await web.worker.get(`/households/${h.id}`);
  assert.match(after.text, new RegExp(`href="/cases/${caseId}"`));
  assert.match(after.text, new RegExp(`Regisseur: ${me.display_name}`));
  assert.ok(!after.text.includes(`action="/households/${h.id}/case"`), 'no second case can be opened from the page');
  const s = await web.worker.get('/search?q=openaar');
  assert.match(s.text, new RegExp(`href="/cases/${caseId}"`));
  assert.match(s.text, new RegExp(`Regisseur: ${me.display_name}`));
  const hits = await api.worker.get('/api/v1/households?q=openaar');
  assert.equal(hits.json.items[0].open_case_id, caseId);
  assert.equal(hits.json.items[0].open_case.coordinator_name, me.display_name);
});
