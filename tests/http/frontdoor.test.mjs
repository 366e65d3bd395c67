// The front door (voorportaal): questions, ideas and offers of residents known
// or not yet known; every route for every role, validation, handling,
// linking to a household and registering a household from a question.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, WebClient, ApiClient, apiAs, webAs, cli } from './lib.mjs';

let srv;
const api = {};
const web = {};
let outsiderApi;
let outsiderWeb;
const OUTSIDER = 'wouter';
const OUTSIDER_PASSWORD = 'ander-team-wachtwoord-77';

let seq = 0;
function questionBody(over = {}) {
  seq += 1;
  return { kind: 'question', channel: 'walk_in', name: `Bewoner ${seq}`, contact: '06 11223344', body: `Ik heb een vraag over mijn huur (${seq}).`, ...over };
}

async function createQuestion(client = api.worker, over = {}) {
  const r = await client.post('/api/v1/questions', questionBody(over));
  assert.equal(r.status, 201, r.text);
  return r.json;
}

let pcSeq = 0;
async function createHousehold(client = api.worker, family = 'Voordeur') {
  pcSeq += 1;
  const r = await client.post('/api/v1/households', {
    address: { postcode: `${3000 + pcSeq} VD`, house_number: 1, street: 'Voorstraat', town: 'Leeuwarden' },
    members: [{ given_name: 'Anne', family_name: family }],
  });
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

// ---- access -----------------------------------------------------------------------------------------------------

test('web routes: workers and the team leader yes, admin and policy 403, not logged in to the login page', async () => {
  const q = await createQuestion();
  for (const p of ['/frontdoor', '/frontdoor?status=handled', '/frontdoor/new', `/frontdoor/${q.id}`]) {
    for (const role of ['worker', 'teamleader']) assert.equal((await web[role].get(p)).status, 200, `${role} GET ${p}`);
    for (const role of ['admin', 'policy']) assert.equal((await web[role].get(p)).status, 403, `${role} GET ${p}`);
    const anon = await new WebClient(srv.base).get(p);
    assert.equal(anon.status, 303, `anonymous GET ${p}`);
    assert.match(anon.headers.get('location'), /^\/login/);
  }
  const form = { kind: 'offer', channel: 'phone', name: 'Henk Helpt', body: 'Ik wil graag boodschappen doen voor buren.' };
  const handle = { action: 'status', status: 'handled', outcome: 'Doorverwezen naar het vrijwilligerspunt.' };
  for (const role of ['worker', 'teamleader']) {
    const r = await web[role].post('/frontdoor/new', form);
    assert.equal(r.status, 303, `${role} POST /frontdoor/new`);
    assert.match(r.location, /^\/frontdoor\/\d+\?melding=question$/);
    const id = r.location.match(/\/frontdoor\/(\d+)/)[1];
    const h = await web[role].post(`/frontdoor/${id}`, handle);
    assert.equal(h.status, 303, `${role} POST /frontdoor/{id}`);
    assert.equal(h.location, `/frontdoor/${id}?melding=saved`);
  }
  for (const role of ['admin', 'policy']) {
    assert.equal((await web[role].post('/frontdoor/new', form)).status, 403, `${role} POST /frontdoor/new`);
    assert.equal((await web[role].post(`/frontdoor/${q.id}`, handle)).status, 403, `${role} POST /frontdoor/{id}`);
  }
  const anon = new WebClient(srv.base);
  for (const p of ['/frontdoor/new', `/frontdoor/${q.id}`]) {
    const r = await anon.post(p, form, { csrf: false });
    assert.equal(r.status, 303, `anonymous POST ${p}`);
    assert.match(r.location, /^\/login/);
  }
  // Nothing changed by the forbidden attempts.
  const still = await api.worker.get(`/api/v1/questions/${q.id}`);
  assert.equal(still.json.status, 'open');
});

test('API routes: workers and the team leader yes, admin and policy 403, without a token 401', async () => {
  const q = await createQuestion();
  const calls = [
    ['GET', '/api/v1/questions', undefined, 200],
    ['POST', '/api/v1/questions', questionBody(), 201],
    ['GET', `/api/v1/questions/${q.id}`, undefined, 200],
    ['PATCH', `/api/v1/questions/${q.id}`, { outcome: 'Gebeld, komt langs.' }, 200],
  ];
  for (const role of ['worker', 'teamleader']) {
    for (const [m, p, b, want] of calls) {
      const r = await api[role].req(m, p, b);
      assert.equal(r.status, want, `${role} ${m} ${p}: ${r.text}`);
    }
  }
  for (const role of ['admin', 'policy']) {
    for (const [m, p, b] of calls) {
      const r = await api[role].req(m, p, b);
      assert.equal(r.status, 403, `${role} ${m} ${p}`);
    }
  }
  for (const [m, p, b] of calls) assert.equal((await new ApiClient(srv.base).req(m, p, b)).status, 401, `anonymous ${m} ${p}`);
});

test('a worker of another team gets 404 for this team\'s question and does not see it in his queue', async () => {
  const q = await createQuestion(api.worker, { name: 'Alleen Team Een' });
  assert.equal((await outsiderApi.get(`/api/v1/questions/${q.id}`)).status, 404);
  assert.equal((await outsiderApi.patch(`/api/v1/questions/${q.id}`, { outcome: 'x' })).status, 404);
  assert.equal((await outsiderWeb.get(`/frontdoor/${q.id}`)).status, 404);
  assert.equal((await outsiderWeb.post(`/frontdoor/${q.id}`, { action: 'status', status: 'handled', outcome: 'x' })).status, 404);
  const list = await outsiderApi.get('/api/v1/questions');
  assert.ok(!list.json.items.some((x) => x.id === q.id));
  const page = await outsiderWeb.get('/frontdoor');
  assert.ok(!page.text.includes('Alleen Team Een'));
  // Nor can he link his question to this team's household.
  const h = await createHousehold(api.worker);
  const r = await outsiderApi.post('/api/v1/questions', questionBody({ household_id: h.id }));
  assert.equal(r.status, 400);
  assert.ok(r.json.fields.household_id);
  assert.equal((await api.worker.get('/api/v1/questions/999999')).status, 404);
});

// ---- registering ------------------------------------------------------------------------------------------------

test('API: a question is registered open, for the team of the worker, and read back', async () => {
  const q = await createQuestion(api.worker, { kind: 'idea', channel: 'outreach', name: 'Grietje Idee', contact: null, body: 'Een buurtbarbecue\nin de zomer!' });
  assert.equal(q.status, 'open');
  assert.equal(q.team_id, 1);
  assert.equal(q.kind, 'idea');
  assert.equal(q.channel, 'outreach');
  assert.equal(q.contact, null);
  assert.equal(q.household_id, null);
  assert.match(q.received_at, /^\d{4}-\d\d-\d\dT/);
  const page = await web.worker.get(`/frontdoor/${q.id}`);
  assert.match(page.text, /Idee voor de buurt: Grietje Idee/);
  assert.match(page.text, /Een buurtbarbecue<br>in de zomer!/);
  assert.match(page.text, /Outreach \/ wijkronde/);
  assert.equal((page.text.match(/<h1/g) || []).length, 1);
});

test('API: every invalid field is refused with its name, and nothing is written', async () => {
  const before = (await api.worker.get('/api/v1/questions?limit=100')).json.items.length;
  const cases = [
    [{ kind: 'klacht' }, 'kind'],
    [{ kind: null }, 'kind'],
    [{ channel: 'fax' }, 'channel'],
    [{ name: '' }, 'name'],
    [{ name: 'n'.repeat(101) }, 'name'],
    [{ name: 'Regel\neen' }, 'name'],
    [{ contact: 'c'.repeat(201) }, 'contact'],
    [{ body: '   ' }, 'body'],
    [{ body: 'b'.repeat(4001) }, 'body'],
    [{ body: 42 }, 'body'],
    [{ household_id: 999999 }, 'household_id'],
    [{ household_id: -1 }, 'household_id'],
    [{ household_id: 'een' }, 'household_id'],
  ];
  for (const [over, field] of cases) {
    const r = await api.worker.post('/api/v1/questions', questionBody(over));
    assert.equal(r.status, 400, `${field}: ${r.text}`);
    assert.ok(r.json.fields[field], `${field} named in ${JSON.stringify(r.json.fields)}`);
  }
  const after = (await api.worker.get('/api/v1/questions?limit=100')).json.items.length;
  assert.equal(after, before);
  const ok = await api.worker.post('/api/v1/questions', questionBody({ body: 'é'.repeat(4000) }));
  assert.equal(ok.status, 201, '4000 characters (not bytes) are allowed');
});

test('web: the form validates, keeps what was typed and names each field', async () => {
  const form = await web.worker.get('/frontdoor/new');
  for (const f of ['kind', 'channel', 'name', 'contact', 'body', 'household_id']) assert.match(form.text, new RegExp(`for="f-${f}"`), f);
  const r = await web.worker.post('/frontdoor/new', { kind: 'question', channel: 'phone', name: '', contact: 'mail@voorbeeld.nl', body: '', household_id: 'abc' });
  assert.equal(r.status, 400);
  assert.match(r.text, /href="#f-name"/);
  assert.match(r.text, /href="#f-body"/);
  assert.match(r.text, /href="#f-household_id"/);
  assert.match(r.text, /value="mail@voorbeeld.nl"/);
  const bad = await web.worker.post('/frontdoor/new', { kind: 'x', channel: 'y', name: 'N', body: 'B' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /href="#f-kind"/);
  assert.match(bad.text, /href="#f-channel"/);
  const h = await createHousehold();
  const pre = await web.worker.get(`/frontdoor/new?huishouden=${h.id}`);
  assert.match(pre.text, new RegExp(`name="household_id" value="${h.id}"`));
});

test('the queue lists open questions newest first, escaped, and pages', async () => {
  const ids = [];
  for (let i = 0; i < 27; i++) ids.push((await createQuestion(api.worker, { name: `Wachtrij ${i} <b>vet</b>` })).id);
  const p1 = await web.worker.get('/frontdoor');
  assert.equal(p1.status, 200);
  assert.ok(!p1.text.includes('<b>vet</b>'), 'names are escaped');
  assert.match(p1.text, /Wachtrij 26 &lt;b&gt;vet&lt;\/b&gt;/);
  const first = p1.text.indexOf(`href="/frontdoor/${ids[26]}"`);
  const second = p1.text.indexOf(`href="/frontdoor/${ids[25]}"`);
  assert.ok(first > 0 && second > first, 'newest first');
  assert.match(p1.text, /rel="next" href="\/frontdoor\?status=open&amp;offset=25"/);
  assert.equal((p1.text.match(/<tr class="utrecht-table__row">/g) || []).length, 25);
  const p2 = await web.worker.get('/frontdoor?status=open&offset=25');
  assert.match(p2.text, /rel="prev"/);
  const a1 = await api.worker.get('/api/v1/questions?limit=5');
  assert.equal(a1.json.items.length, 5);
  assert.equal(a1.json.more, true);
  assert.equal(a1.json.items[0].id, ids[26]);
  const badStatus = await api.worker.get('/api/v1/questions?status=weg');
  assert.equal(badStatus.status, 400);
  assert.ok(badStatus.json.fields.status);
  assert.equal((await web.worker.get('/frontdoor?status=weg')).status, 404);
});

// ---- handling ---------------------------------------------------------------------------------------------------

test('handling: handled needs an outcome, case needs a household; a handled question leaves the open queue', async () => {
  const q = await createQuestion(api.worker, { name: 'Afhandel Test' });
  const noOutcome = await api.worker.patch(`/api/v1/questions/${q.id}`, { status: 'handled' });
  assert.equal(noOutcome.status, 400);
  assert.ok(noOutcome.json.fields.outcome);
  const badStatus = await api.worker.patch(`/api/v1/questions/${q.id}`, { status: 'klaar', outcome: 'x' });
  assert.equal(badStatus.status, 400);
  assert.ok(badStatus.json.fields.status);
  const noHousehold = await api.worker.patch(`/api/v1/questions/${q.id}`, { status: 'case', outcome: 'Casus geopend.' });
  assert.equal(noHousehold.status, 400);
  assert.ok(noHousehold.json.fields.household_id);
  const long = await api.worker.patch(`/api/v1/questions/${q.id}`, { status: 'handled', outcome: 'o'.repeat(4001) });
  assert.equal(long.status, 400);
  assert.ok(long.json.fields.outcome);
  assert.equal((await api.worker.get(`/api/v1/questions/${q.id}`)).json.status, 'open', 'nothing changed');

  // Web: the same rules, with the form re-rendered.
  await web.worker.get(`/frontdoor/${q.id}`);
  const webBad = await web.worker.post(`/frontdoor/${q.id}`, { action: 'status', status: 'handled', outcome: '' });
  assert.equal(webBad.status, 400);
  assert.match(webBad.text, /href="#f-outcome"/);
  const webOk = await web.worker.post(`/frontdoor/${q.id}`, { action: 'status', status: 'handled', outcome: 'Uitgelegd hoe huurtoeslag werkt.' });
  assert.equal(webOk.status, 303);
  const done = await api.worker.get(`/api/v1/questions/${q.id}`);
  assert.equal(done.json.status, 'handled');
  assert.equal(done.json.outcome, 'Uitgelegd hoe huurtoeslag werkt.');
  const open = await api.worker.get('/api/v1/questions?limit=100');
  assert.ok(!open.json.items.some((x) => x.id === q.id));
  const handled = await api.worker.get('/api/v1/questions?status=handled&limit=100');
  assert.ok(handled.json.items.some((x) => x.id === q.id));
  const page = await web.worker.get('/frontdoor?status=handled');
  assert.match(page.text, /Afhandel Test/);
  assert.equal((await web.worker.post(`/frontdoor/${q.id}`, { action: 'wissen' })).status, 400);
});

test('linking a question to a known household: through search, by number, and over the API', async () => {
  const h = await createHousehold(api.worker, 'Koppelaar');
  const q = await createQuestion(api.worker, { name: 'Anne Koppelaar' });
  // The question page searches with the question in mind; the result offers a link button.
  const qp = await web.worker.get(`/frontdoor/${q.id}`);
  assert.match(qp.text, new RegExp(`<input type="hidden" name="vraag" value="${q.id}">`));
  assert.match(qp.text, new RegExp(`href="/households/new\\?vraag=${q.id}"`));
  const s = await web.worker.get(`/search?q=koppelaar&vraag=${q.id}`);
  assert.match(s.text, new RegExp(`action="/frontdoor/${q.id}"`));
  assert.match(s.text, new RegExp(`name="household_id" value="${h.id}"`));
  const link = await web.worker.post(`/frontdoor/${q.id}`, { action: 'link', household_id: String(h.id) });
  assert.equal(link.status, 303);
  assert.equal(link.location, `/frontdoor/${q.id}?melding=linked`);
  const linked = await api.worker.get(`/api/v1/questions/${q.id}`);
  assert.equal(linked.json.household_id, h.id);
  assert.equal(linked.json.household_name, h.name);
  const page = await web.worker.get(`/frontdoor/${q.id}`);
  assert.match(page.text, new RegExp(`href="/households/${h.id}"`));
  // Bad numbers are refused with the field named.
  const bad = await web.worker.post(`/frontdoor/${q.id}`, { action: 'link', household_id: '999999' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /href="#f-household_id"/);
  // Over the API: with a household the status "case" is allowed.
  const q2 = await createQuestion();
  const r = await api.worker.patch(`/api/v1/questions/${q2.id}`, { household_id: h.id, status: 'case', outcome: 'Casus geopend voor het huishouden.' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'case');
  assert.equal(r.json.household_id, h.id);
  const unlink = await api.worker.patch(`/api/v1/questions/${q2.id}`, { household_id: null });
  assert.equal(unlink.status, 400, 'a question with a case keeps its household');
  assert.ok(unlink.json.fields.household_id);
});

test('a question from an unknown resident is turned into a new household registration', async () => {
  const q = await createQuestion(api.worker, { name: 'Noor Nieuwkomer', body: 'Net verhuisd, wie kan mij helpen met de gemeente?' });
  const form = await web.worker.get(`/households/new?vraag=${q.id}`);
  assert.equal(form.status, 200);
  assert.match(form.text, /Noor Nieuwkomer/);
  assert.match(form.text, new RegExp(`name="question_id" value="${q.id}"`));
  const r = await web.worker.post('/households', {
    question_id: String(q.id), rows: '6', postcode: '8924 AB', house_number: '17', street: 'Nieuwstraat', town: 'Leeuwarden',
    'members.0.given_name': 'Noor', 'members.0.family_name': 'Nieuwkomer', 'members.0.is_new_resident': '1',
  });
  assert.equal(r.status, 303, r.text);
  const hid = Number(r.location.match(/\/households\/(\d+)/)[1]);
  const linked = await api.worker.get(`/api/v1/questions/${q.id}`);
  assert.equal(linked.json.household_id, hid);
  // The household page shows the questions of the front door linked to it.
  const hp = await web.worker.get(`/households/${hid}`);
  assert.match(hp.text, new RegExp(`href="/frontdoor/${q.id}"`));
  // Over the API as well; a question of another team cannot be used.
  const q2 = await createQuestion();
  const viaApi = await api.worker.post('/api/v1/households', {
    address: { postcode: '8924 AB', house_number: 19, street: 'Nieuwstraat', town: 'Leeuwarden' },
    members: [{ given_name: 'Sam', family_name: 'Nieuwkomer' }], question_id: q2.id,
  });
  assert.equal(viaApi.status, 201, viaApi.text);
  assert.equal((await api.worker.get(`/api/v1/questions/${q2.id}`)).json.household_id, viaApi.json.id);
  const foreign = await outsiderApi.post('/api/v1/questions', questionBody());
  const refused = await api.worker.post('/api/v1/households', {
    address: { postcode: '8924 AB', house_number: 21, street: 'Nieuwstraat', town: 'Leeuwarden' },
    members: [{ given_name: 'Kim', family_name: 'Nieuwkomer' }], question_id: foreign.json.id,
  });
  assert.equal(refused.status, 404);
  const none = await api.worker.get('/api/v1/households?postcode=8924AB&house_number=21');
  assert.equal(none.json.items.length, 0, 'the household was not written either');
});
