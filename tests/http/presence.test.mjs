// Presence in the neighbourhood: outreach rounds, early signals, collective
// activities, residents' ideas and time. Every route for every role (workers
// and the team leader of the team yes; administrator and policy officer 403;
// another team's records 404; the balance for the team leader only), the
// flows over the pages and over the API, and the bad input the issue names:
// a signal without address or person that is not anonymous, a round outside
// the team's area, a day over 24 hours or in the future.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, WebClient, ApiClient, apiAs, webAs, cli } from './lib.mjs';
import { addToCase } from './case-lib.mjs';

let srv;
const api = {};
const web = {};
let outsiderApi;
let outsiderWeb;
const OUTSIDER = 'wouter';
const OUTSIDER_PASSWORD = 'ander-team-wachtwoord-77';
const STREET = 'Presentiestraat';
const today = new Date();
const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const TODAY = iso(today);
const daysAgo = (n) => iso(new Date(today.getFullYear(), today.getMonth(), today.getDate() - n));
let homes = []; // households on STREET: { id, person, address }
let elsewhere; // a household of the other team

async function household(client, postcode, number, street, family) {
  const r = await client.post('/api/v1/households', {
    name: '',
    address: { postcode, house_number: number, house_letter: '', addition: '', street, town: 'Leeuwarden' },
    members: [{ given_name: 'Koos', family_name: family, birth_date: '1948-03-02' }],
  });
  assert.equal(r.status, 201, r.text);
  return { id: r.json.id, person: r.json.members[0].id, address: r.json.address.id };
}

before(async () => {
  srv = await startServer({ residents: 50 });
  const out = cli(['team', 'add', '--db', srv.db, '--name', 'Team Noord', '--municipality', 'Leeuwarden']);
  const teamId = out.match(/id (\d+)/)[1];
  cli(['user', 'add', '--db', srv.db, '--username', OUTSIDER, '--name', 'Wouter Anders', '--role', 'worker', '--team', teamId],
    `${OUTSIDER_PASSWORD}\n`);
  for (const role of ['worker', 'community', 'teamleader', 'admin', 'policy']) {
    api[role] = await apiAs(srv.base, role);
    web[role] = await webAs(srv.base, role);
  }
  const r = await new ApiClient(srv.base).post('/api/v1/session', { username: OUTSIDER, password: OUTSIDER_PASSWORD });
  outsiderApi = new ApiClient(srv.base, r.json.token);
  outsiderWeb = await new WebClient(srv.base).login(OUTSIDER, OUTSIDER_PASSWORD);
  for (const n of [1, 3, 5, 7]) homes.push(await household(api.worker, '8924 PA', n, STREET, `Boer${n}`));
  elsewhere = await household(outsiderApi, '9999 ZZ', 1, 'Noorderweg', 'Anders');
});
after(async () => { await srv.stop(); });

const errorOf = (html, field) => {
  const m = html.match(new RegExp(`id="f-${field}-error"[^>]*>(?:<span[^>]*>[^<]*</span>)?([^<]*)`));
  return m ? m[1] : null;
};

// ---- fixtures over the API ---------------------------------------------------------------------------------------

async function planRound(client = api.worker, over = {}) {
  const r = await client.post('/api/v1/rounds', { planned_on: TODAY, purpose: 'presence', streets: [STREET], ...over });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

async function newSignal(client = api.worker, over = {}) {
  const r = await client.post('/api/v1/signals', { address_id: homes[0].address, kind: 'door_stays_shut', noticed_by: 'neighbour', ...over });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

async function newActivity(client = api.worker, over = {}) {
  const r = await client.post('/api/v1/activities', {
    title: 'Buurtbarbecue', kind: 'barbecue', starts_on: TODAY, place: 'Speeltuin', organisers: ['Tine', 'Hendrik'], ...over,
  });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

async function newIdea(client = api.worker, over = {}) {
  const r = await client.post('/api/v1/ideas', { title: 'Bankje bij de vijver', brought_by_name: 'Jantje', source: 'outreach', ...over });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

// ---- access: every route, every role -----------------------------------------------------------------------------

test('web pages: workers and the team leader yes, admin and policy 403, another team 404', async () => {
  const round = await planRound();
  const sig = await newSignal();
  const act = await newActivity();
  const idea = await newIdea();
  const lists = ['/neighbourhood', '/rounds', '/rounds?eerder=1', '/rounds/new', '/signals', '/signals?filter=due',
    '/signals?filter=closed', '/signals/new', '/activities', '/activities?eerder=1', '/activities/new', '/ideas',
    '/ideas?status=not_pursued', '/ideas/new', '/time', `/time?dag=${daysAgo(1)}`];
  const records = [`/rounds/${round.id}`, `/rounds/${round.id}/walk`, `/signals/${sig.id}`, `/activities/${act.id}`,
    `/ideas/${idea.id}`, `/signals/new?ronde=${round.id}&stop=${round.stops[0].id}`, `/signals/new?persoon=${homes[0].person}`,
    `/activities/new?idee=${idea.id}`];
  for (const p of [...lists, ...records]) {
    for (const role of ['worker', 'community', 'teamleader']) {
      const r = await web[role].get(p);
      assert.equal(r.status, 200, `${role} ${p}`);
    }
    for (const role of ['admin', 'policy']) assert.equal((await web[role].get(p)).status, 403, `${role} ${p}`);
  }
  for (const p of lists) assert.equal((await outsiderWeb.get(p)).status, 200, `outsider ${p}`);
  for (const p of records) assert.equal((await outsiderWeb.get(p)).status, 404, `outsider ${p}`);
  assert.doesNotMatch((await outsiderWeb.get('/signals')).text, /Presentiestraat/);
});

test('the balance page and API are for the team leader only', async () => {
  assert.equal((await web.teamleader.get('/team/balance')).status, 200);
  assert.equal((await web.teamleader.get('/team/balance?weken=4')).status, 200);
  for (const role of ['worker', 'community', 'admin', 'policy']) {
    assert.equal((await web[role].get('/team/balance')).status, 403, role);
    assert.equal((await api[role].get('/api/v1/teams/1/balance')).status, 403, role);
  }
  assert.equal((await api.teamleader.get('/api/v1/teams/1/balance')).status, 200);
  assert.equal((await api.teamleader.get('/api/v1/teams/2/balance')).status, 404);
  assert.equal((await api.teamleader.get('/api/v1/teams/1/balance?weeks=27')).status, 400);
});

test('web forms: admin and policy get 403 on every POST, another team 404', async () => {
  const round = await planRound();
  const sig = await newSignal();
  const act = await newActivity();
  const idea = await newIdea();
  const posts = [['/rounds', {}], [`/rounds/${round.id}/stops/${round.stops[0].id}`, { outcome: 'short_talk' }],
    [`/rounds/${round.id}/status`, { status: 'done' }], ['/signals', { kind: 'debts' }],
    [`/signals/${sig.id}/followups`, { contact_made: '0', kind: 'visit' }], [`/signals/${sig.id}/close`, { outcome: 'no_concern' }],
    ['/activities', { title: 'x' }], [`/activities/${act.id}/roles`, { role: 'participant', name: 'Piet' }],
    [`/activities/${act.id}/outcome`, { outcome: 'Gezellig' }], ['/ideas', { title: 'x' }],
    [`/ideas/${idea.id}/status`, { status: 'supported' }], ['/time', { day: TODAY, casework: '60' }]];
  for (const [p, f] of posts) {
    for (const role of ['admin', 'policy']) {
      await web[role].get('/');
      assert.equal((await web[role].post(p, f)).status, 403, `${role} POST ${p}`);
    }
  }
  for (const [p, f] of posts.filter(([x]) => /\/\d+\//.test(x))) {
    await outsiderWeb.get('/');
    assert.equal((await outsiderWeb.post(p, f)).status, 404, `outsider POST ${p}`);
  }
  assert.equal((await api.worker.get(`/api/v1/signals/${sig.id}`)).json.status, 'open', 'nothing changed');
});

test('API: workers and the team leader yes, admin and policy 403, another team 404', async () => {
  const round = await planRound();
  const sig = await newSignal();
  const act = await newActivity();
  const idea = await newIdea();
  const gets = ['/api/v1/rounds', '/api/v1/rounds?past=true', `/api/v1/rounds/${round.id}`, '/api/v1/signals',
    '/api/v1/signals?filter=due', `/api/v1/signals/${sig.id}`, '/api/v1/activities', `/api/v1/activities/${act.id}`,
    '/api/v1/ideas', `/api/v1/ideas/${idea.id}`, '/api/v1/time'];
  for (const p of gets) {
    for (const role of ['worker', 'community', 'teamleader']) assert.equal((await api[role].get(p)).status, 200, `${role} ${p}`);
    for (const role of ['admin', 'policy']) assert.equal((await api[role].get(p)).status, 403, `${role} ${p}`);
    assert.equal((await outsiderApi.get(p)).status, /\/\d+$/.test(p) ? 404 : 200, `outsider ${p}`);
  }
  const writes = [['POST', '/api/v1/rounds', {}], ['PATCH', `/api/v1/rounds/${round.id}`, { status: 'walking' }],
    ['PATCH', `/api/v1/rounds/${round.id}/stops/${round.stops[0].id}`, { outcome: 'short_talk' }],
    ['POST', '/api/v1/signals', {}], ['POST', `/api/v1/signals/${sig.id}/followups`, { kind: 'visit', contact_made: false }],
    ['POST', `/api/v1/signals/${sig.id}/close`, { outcome: 'no_concern' }], ['POST', '/api/v1/activities', {}],
    ['PATCH', `/api/v1/activities/${act.id}`, { outcome: 'x' }], ['POST', `/api/v1/activities/${act.id}/people`, { role: 'participant', name: 'Piet' }],
    ['POST', '/api/v1/ideas', {}], ['PATCH', `/api/v1/ideas/${idea.id}`, { status: 'supported' }],
    ['POST', '/api/v1/time', { day: TODAY, minutes: { casework: 60 } }]];
  for (const [m, p, b] of writes) {
    for (const role of ['admin', 'policy']) assert.equal((await api[role].req(m, p, b)).status, 403, `${role} ${m} ${p}`);
    if (/\/\d+(\/|$)/.test(p)) assert.equal((await outsiderApi.req(m, p, b)).status, 404, `outsider ${m} ${p}`);
  }
  assert.equal((await api.worker.get(`/api/v1/signals/${sig.id}`)).json.status, 'open', 'nothing changed');
});

// ---- rounds ------------------------------------------------------------------------------------------------------

test('a round is planned on the page, walked stop by stop, and the next round shows last time', async () => {
  const w = web.community;
  let r = await w.get('/rounds/new');
  assert.match(r.text, new RegExp(`value="${STREET}"`));
  r = await w.post('/rounds', { planned_on: TODAY, purpose: 'presence', streets: STREET, worker_ids: ['2'], note: 'Dinsdagronde' });
  assert.equal(r.status, 303, r.text.slice(0, 400));
  const id = r.location.match(/\/rounds\/(\d+)/)[1];
  r = await w.get(`/rounds/${id}/walk`);
  const stops = [...r.text.matchAll(/action="\/rounds\/\d+\/stops\/(\d+)"/g)].map((m) => m[1]);
  assert.equal(stops.length, 4);
  assert.match(r.text, /0 van 4 vastgelegd/);
  r = await w.post(`/rounds/${id}/stops/${stops[0]}`, { outcome: 'not_home_note_left' });
  assert.equal(r.status, 303);
  assert.match(r.location, new RegExp(`/rounds/${id}/walk\\?melding=stop_saved#stop-${stops[1]}$`));
  r = await w.post(`/rounds/${id}/stops/${stops[1]}`, { outcome: 'short_talk', note: 'Wil meedoen met de barbecue' });
  assert.match(r.location, new RegExp(`#stop-${stops[2]}$`));
  r = await w.post(`/rounds/${id}/stops/${stops[2]}`, { outcome: 'concern' });
  assert.equal(r.location, `/signals/new?ronde=${id}&stop=${stops[2]}`, 'a concern leads straight to the signal form');
  r = await w.get(r.location);
  assert.match(r.text, /Adres \(van de ronde\):<\/span> Presentiestraat 5/);
  r = await w.post('/signals', { round_id: id, round_stop_id: stops[2], kind: 'loneliness', noticed_by: 'worker', urgency: 'high' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  assert.match(r.location, new RegExp(`/rounds/${id}/walk\\?melding=signal#stop-${stops[3]}$`));
  r = await w.get(`/rounds/${id}/walk`);
  assert.match(r.text, /3 van 4 vastgelegd/);
  assert.match(r.text, /Open signaal: Eenzaamheid/);
  const page = await w.get(`/rounds/${id}`);
  assert.match(page.text, /Wil meedoen met de barbecue/);
  assert.match(page.text, /Onderweg|Bezig|lopen/i);
  // the next round over the same street shows what happened last time
  const next = await planRound(api.community);
  const byAddr = Object.fromEntries(next.stops.map((s) => [s.address.label, s]));
  assert.equal(byAddr['Presentiestraat 3'].last_time.outcome, 'short_talk');
  assert.equal(byAddr['Presentiestraat 3'].last_time.note, 'Wil meedoen met de barbecue');
  assert.equal(byAddr['Presentiestraat 5'].open_signals[0].kind, 'loneliness');
  assert.equal(byAddr['Presentiestraat 7'].last_time, null);
  r = await w.get(`/rounds/${next.id}/walk`);
  assert.match(r.text, /Vorige keer:<\/span> [^<]*Kort gesprek \(Wil meedoen met de barbecue\)/);
  // done: read-only
  r = await w.post(`/rounds/${id}/status`, { status: 'done' });
  assert.equal(r.status, 303);
  r = await w.post(`/rounds/${id}/stops/${stops[3]}`, { outcome: 'short_talk' });
  assert.equal(r.status, 409);
  assert.doesNotMatch((await w.get(`/rounds/${id}/walk`)).text, /name="outcome"/);
});

test('a round outside the team\'s area is refused, naming the address', async () => {
  let r = await web.worker.post('/rounds', { planned_on: TODAY, purpose: 'presence', addresses: '8924 PA 1\n9999 ZZ 1' });
  assert.equal(r.status, 400);
  assert.match(errorOf(r.text, 'addresses'), /Regel 2: .*9999ZZ 1.*buiten het werkgebied/);
  r = await web.worker.post('/rounds', { planned_on: TODAY, purpose: 'presence' });
  assert.equal(r.status, 400);
  assert.match(errorOf(r.text, 'streets'), /minstens één straat of adres/);
  r = await api.worker.post('/api/v1/rounds', { planned_on: TODAY, purpose: 'presence', address_ids: [elsewhere.address] });
  assert.equal(r.status, 400);
  assert.match(r.json.fields.address_ids, /buiten het werkgebied/);
  r = await api.worker.post('/api/v1/rounds', { planned_on: 'morgen', purpose: 'wandelen', streets: ['Noorderweg'] });
  assert.equal(r.status, 400);
  assert.deepEqual(Object.keys(r.json.fields).sort(), ['planned_on', 'purpose', 'streets']);
});

test('API: a round in walking order; outcomes not before its day; status', async () => {
  const r0 = await api.worker.post('/api/v1/rounds', { planned_on: TODAY, purpose: 'welcome', addresses: ['8924PA 7', '8924 pa 1'] });
  assert.equal(r0.status, 201, r0.text);
  assert.deepEqual(r0.json.stops.map((s) => s.position), [1, 2]);
  assert.equal(r0.json.status, 'planned');
  let r = await api.worker.patch(`/api/v1/rounds/${r0.json.id}/stops/${r0.json.stops[0].id}`, { outcome: 'welcome_visit', note: 'Nieuw in de wijk' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.outcome, 'welcome_visit');
  assert.equal((await api.worker.get(`/api/v1/rounds/${r0.json.id}`)).json.status, 'walking');
  r = await api.worker.patch(`/api/v1/rounds/${r0.json.id}/stops/${r0.json.stops[1].id}`, { outcome: 'dancing' });
  assert.equal(r.status, 400);
  assert.ok(r.json.fields.outcome);
  const future = await api.worker.post('/api/v1/rounds', { planned_on: iso(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 3)), purpose: 'presence', streets: [STREET] });
  assert.equal(future.status, 201);
  r = await api.worker.patch(`/api/v1/rounds/${future.json.id}/stops/${future.json.stops[0].id}`, { outcome: 'short_talk' });
  assert.ok([400, 409].includes(r.status), r.text);
  r = await api.worker.patch(`/api/v1/rounds/${r0.json.id}`, { status: 'done' });
  assert.equal(r.status, 200);
  assert.equal(r.json.status, 'done');
  const list = await api.worker.get('/api/v1/rounds?past=true');
  assert.ok(list.json.items.some((x) => x.id === r0.json.id));
});

// ---- signals -----------------------------------------------------------------------------------------------------

test('a signal without address or person must be explicitly anonymous', async () => {
  let r = await web.worker.post('/signals', { kind: 'drug_nuisance', noticed_by: 'police', urgency: 'normal' });
  assert.equal(r.status, 400);
  assert.match(errorOf(r.text, 'anonymous'), /anoniem/i);
  r = await web.worker.post('/signals', { kind: 'drug_nuisance', noticed_by: 'police', urgency: 'normal', anonymous: '1', place: 'Plein' });
  assert.equal(r.status, 303);
  r = await web.worker.get(r.location);
  assert.match(r.text, /Drugsoverlast: anoniem, Plein/);
  r = await api.worker.post('/api/v1/signals', { kind: 'debts', noticed_by: 'gp' });
  assert.equal(r.status, 400);
  assert.ok(r.json.fields.anonymous);
  r = await api.worker.post('/api/v1/signals', { kind: 'debts', noticed_by: 'gp', anonymous: true, address_id: homes[1].address });
  assert.equal(r.status, 400);
  assert.ok(r.json.fields.anonymous);
  r = await api.worker.post('/api/v1/signals', { kind: 'debts', noticed_by: 'gp', address: '9999 ZZ 1' });
  assert.equal(r.status, 400);
  assert.match(r.json.fields.address, /buiten het werkgebied/);
  r = await api.worker.post('/api/v1/signals', { kind: 'x', noticed_by: 'y', urgency: 'z', address: '8924 PA 1', noticed_on: '2999-01-01', follow_up_days: 91 });
  assert.equal(r.status, 400);
  for (const f of ['kind', 'noticed_by', 'urgency', 'follow_up_days']) assert.ok(r.json.fields[f], f);
});

test('a signal is followed up until contact is made, with a reminder when it is overdue', async () => {
  const s = await newSignal(api.worker, { noticed_on: daysAgo(10), urgency: 'normal' });
  assert.equal(s.follow_up_days, 7);
  assert.equal(s.next_due_on, daysAgo(3));
  assert.equal(s.due, true);
  let due = await api.worker.get('/api/v1/signals?filter=due');
  assert.ok(due.json.items.some((x) => x.id === s.id));
  assert.match((await web.worker.get('/neighbourhood')).text, new RegExp(`/signals/${s.id}"`));
  // the reminder is in the work queue on the start page too
  const home = (await web.worker.get('/')).text;
  assert.match(home, /Signalen die opgevolgd moeten worden/);
  assert.match(home, new RegExp(`href="/signals/${s.id}">Deur blijft dicht`));
  assert.doesNotMatch((await outsiderWeb.get('/')).text, new RegExp(`href="/signals/${s.id}"`));
  // a visit without contact: still open, due again a week after the visit
  let r = await web.worker.post(`/signals/${s.id}/followups`, { contact_made: '0', kind: 'visit', at: daysAgo(1), note: 'Deur bleef dicht' });
  assert.equal(r.status, 303);
  let got = (await api.worker.get(`/api/v1/signals/${s.id}`)).json;
  assert.equal(got.status, 'open');
  assert.equal(got.next_due_on, iso(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 6)));
  assert.equal(got.due, false);
  due = await api.worker.get('/api/v1/signals?filter=due');
  assert.ok(!due.json.items.some((x) => x.id === s.id));
  r = await api.worker.post(`/api/v1/signals/${s.id}/followups`, { kind: 'visit', contact_made: true, note: 'Koos deed open' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.status, 'following');
  assert.equal(r.json.followup_list.length, 2);
  r = await api.worker.post(`/api/v1/signals/${s.id}/followups`, { kind: 'visit', at: daysAgo(20) });
  assert.equal(r.status, 400);
  assert.ok(r.json.fields.at && r.json.fields.contact_made);
  r = await web.worker.post(`/signals/${s.id}/followups`, { kind: 'visit' });
  assert.equal(r.status, 400);
  assert.match(errorOf(r.text, 'contact_made'), /contact/);
  const page = await web.worker.get(`/signals/${s.id}`);
  assert.match(page.text, /Deur bleef dicht/);
  assert.match(page.text, /contact gehad/);
});

test('a signal passed to a partner needs what was shared and the legal ground', async () => {
  const s = await newSignal(api.community, { kind: 'hemp_growing', noticed_by: 'worker' });
  let r = await web.community.post(`/signals/${s.id}/close`, { outcome: 'passed_to_partner', partner_name: 'Wijkagent' });
  assert.equal(r.status, 400);
  assert.ok(errorOf(r.text, 'shared_what'));
  assert.ok(errorOf(r.text, 'legal_ground'));
  r = await web.community.post(`/signals/${s.id}/close`, { outcome: 'passed_to_partner', partner_name: 'Wijkagent', shared_what: 'Adres en waarneming', legal_ground: 'public_task' });
  assert.equal(r.status, 303);
  assert.match(r.location, /melding=signal_closed/);
  const got = (await api.community.get(`/api/v1/signals/${s.id}`)).json;
  assert.equal(got.status, 'closed');
  assert.equal(got.outcome, 'passed_to_partner');
  assert.equal(got.legal_ground, 'public_task');
  r = await api.community.post(`/api/v1/signals/${s.id}/close`, { outcome: 'no_concern' });
  assert.equal(r.status, 409);
  r = await api.community.post(`/api/v1/signals/${s.id}/followups`, { kind: 'visit', contact_made: true });
  assert.equal(r.status, 409);
  const closed = await api.community.get('/api/v1/signals?filter=closed');
  assert.ok(closed.json.items.some((x) => x.id === s.id));
  assert.equal((await api.community.get('/api/v1/signals?filter=old')).status, 400);
});

test('a signal is passed to a partner chosen from the social map (the police officer)', async () => {
  const found = await api.community.get(`/api/v1/services?q=${encodeURIComponent('Wijkagent Heechterp-Schieringen')}&limit=100`);
  const police = found.json.items.find((x) => x.name === 'Wijkagent Heechterp-Schieringen');
  assert.ok(police, 'the police officer is on the demo social map');
  const s = await newSignal(api.community, { kind: 'hemp_growing', noticed_by: 'worker' });
  const form = await web.community.get(`/signals/${s.id}`);
  assert.match(form.text, new RegExp(`<option value="${police.id}">Wijkagent Heechterp-Schieringen \\(`));
  let r = await web.community.post(`/signals/${s.id}/close`, { outcome: 'passed_to_partner', partner_service_key: '00000000-0000-4000-8000-000000000000', shared_what: 'Adres', legal_ground: 'public_task' });
  assert.equal(r.status, 400);
  assert.match(errorOf(r.text, 'partner_service_key'), /sociale kaart/);
  r = await api.community.post(`/api/v1/signals/${s.id}/close`, { outcome: 'passed_to_partner', partner_service_key: 'politie', shared_what: 'Adres', legal_ground: 'public_task' });
  assert.equal(r.status, 400);
  assert.ok(r.json.fields.partner_service_key);
  r = await web.community.post(`/signals/${s.id}/close`, { outcome: 'passed_to_partner', partner_service_key: police.id, shared_what: 'Adres en wat ik rook', legal_ground: 'public_task' });
  assert.equal(r.status, 303);
  const got = (await api.community.get(`/api/v1/signals/${s.id}`)).json;
  assert.equal(got.partner_service_key, police.id);
  assert.match(got.partner_name, /^Wijkagent Heechterp-Schieringen \(/);
  assert.equal(got.shared_what, 'Adres en wat ik rook');
  const page = await web.community.get(`/signals/${s.id}`);
  assert.match(page.text, new RegExp(`href="/socialmap/services/${police.id}"`));
});

test('a signal becomes a case for the household in one step, and its history goes with it', async () => {
  const s = await newSignal(api.worker, { address_id: homes[3].address, kind: 'neglected_garden', noticed_by: 'housing_corporation' });
  await api.worker.post(`/api/v1/signals/${s.id}/followups`, { kind: 'visit', contact_made: true, note: 'Hulp bij de tuin' });
  const r = await web.worker.post(`/signals/${s.id}/close`, { outcome: 'became_case' });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  const caseId = Number(r.location.match(/^\/cases\/(\d+)\?melding=signal_case/)[1]);
  const c = await api.worker.get(`/api/v1/cases/${caseId}`);
  assert.equal(c.status, 200);
  assert.equal(c.json.household_id ?? c.json.household?.id, homes[3].id);
  const got = (await api.worker.get(`/api/v1/signals/${s.id}`)).json;
  assert.equal(got.outcome, 'became_case');
  assert.equal(got.case_id, caseId);
  assert.equal(got.followup_list[0].note, 'Hulp bij de tuin');
  // the case page shows the signal and its follow-ups
  const casePage = await web.worker.get(`/cases/${caseId}`);
  assert.match(casePage.text, /id="h-signalen">Aanleiding: een signaal uit de wijk</);
  assert.match(casePage.text, new RegExp(`href="/signals/${s.id}">Verwaarloosde tuin`));
  assert.match(casePage.text, /Hulp bij de tuin/);
  // a second signal about the same household joins the open case
  const s2 = await newSignal(api.worker, { person_id: homes[3].person, kind: 'loneliness', noticed_by: 'gp' });
  const j = await api.worker.post(`/api/v1/signals/${s2.id}/close`, { outcome: 'became_case' });
  assert.equal(j.status, 200, j.text);
  assert.equal(j.json.case_id, caseId);
  // over the API: the signals of the case, each with its follow-ups
  const list = await api.worker.get(`/api/v1/signals?case_id=${caseId}`);
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.json.items.map((x) => x.id).sort((a, b) => a - b), [s.id, s2.id]);
  assert.equal(list.json.items.find((x) => x.id === s.id).followup_list[0].note, 'Hulp bij de tuin');
  assert.match((await web.worker.get(`/cases/${caseId}`)).text, /Aanleiding: signalen uit de wijk/);
  // need-to-know: the team leader sees the case's signals once the coordinator adds him to the case
  assert.equal((await api.teamleader.get(`/api/v1/signals?case_id=${caseId}`)).status, 403);
  await addToCase(api.worker, caseId, api.teamleader, 'Denkt mee over de aanpak');
  assert.equal((await api.teamleader.get(`/api/v1/signals?case_id=${caseId}`)).status, 200);
  for (const role of ['admin', 'policy']) assert.equal((await api[role].get(`/api/v1/signals?case_id=${caseId}`)).status, 403, role);
  assert.equal((await outsiderApi.get(`/api/v1/signals?case_id=${caseId}`)).status, 404);
  assert.equal((await api.worker.get('/api/v1/signals?case_id=abc')).status, 400);
  assert.equal((await api.worker.get('/api/v1/signals?case_id=999999')).status, 404);
  // an anonymous signal cannot become a case
  const anon = await newSignal(api.worker, { address_id: undefined, anonymous: true, place: 'Plein', kind: 'drug_nuisance' });
  const a = await api.worker.post(`/api/v1/signals/${anon.id}/close`, { outcome: 'became_case' });
  assert.equal(a.status, 400);
  assert.ok(a.json.fields.outcome);
});

// ---- activities and ideas ----------------------------------------------------------------------------------------

test('a barbecue is planned with two resident organisers; people join; it records what it brought', async () => {
  let r = await web.community.post('/activities', { title: 'Buurtbarbecue Presentiestraat', kind: 'barbecue', starts_on: TODAY, place: 'Speeltuin' });
  assert.equal(r.status, 400);
  assert.ok(errorOf(r.text, 'organisers'));
  r = await web.community.post('/activities', {
    title: 'Buurtbarbecue Presentiestraat', kind: 'barbecue', starts_on: TODAY, schedule: '17:00 tot 21:00', place: 'Speeltuin',
    organisers: ['Tine de Boer', 'Hendrik Jansen', ''], volunteers: ['Mustafa', ''], costs: '85,50', supported_by: '2',
  });
  assert.equal(r.status, 303, r.text.slice(0, 400));
  const id = r.location.match(/\/activities\/(\d+)/)[1];
  let a = (await api.community.get(`/api/v1/activities/${id}`)).json;
  assert.equal(a.organisers, 2);
  assert.equal(a.volunteers, 1);
  assert.equal(a.costs_cents, 8550);
  assert.deepEqual(a.people.filter((p) => p.role === 'organiser').map((p) => p.name).sort(), ['Hendrik Jansen', 'Tine de Boer']);
  r = await web.community.post(`/activities/${id}/roles`, { role: 'participant', anonymous_count: '23' });
  assert.equal(r.status, 303);
  r = await web.community.post(`/activities/${id}/roles`, { role: 'participant', name: 'Koos Boer' });
  assert.equal(r.status, 303);
  r = await api.community.post(`/api/v1/activities/${id}/people`, { role: 'participant', person_id: homes[0].person });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.participants, 25);
  r = await web.community.post(`/activities/${id}/roles`, { role: 'organiser', anonymous_count: '3' });
  assert.equal(r.status, 400);
  r = await web.community.post(`/activities/${id}/outcome`, { outcome: 'Veertig buren, drie nieuwe vrijwilligers', costs: '92' });
  assert.equal(r.status, 303);
  a = (await api.community.get(`/api/v1/activities/${id}`)).json;
  assert.equal(a.outcome, 'Veertig buren, drie nieuwe vrijwilligers');
  assert.equal(a.costs_cents, 9200);
  const page = await web.community.get(`/activities/${id}`);
  assert.match(page.text, /23 deelnemers \(anoniem geteld\)/);
  assert.match(page.text, /Tine de Boer/);
  r = await api.community.post('/api/v1/activities', { title: 'Cursus', kind: 'course', starts_on: TODAY, ends_on: daysAgo(5), place: 'Buurthuis', organisers: ['Els'], costs_cents: -1 });
  assert.equal(r.status, 400);
  assert.ok(r.json.fields.ends_on);
  r = await api.community.patch(`/api/v1/activities/${id}`, { outcome: '' });
  assert.equal(r.status, 400);
  assert.ok((await api.community.get('/api/v1/activities')).json.items.some((x) => x.id === Number(id)));
});

test('an idea is recorded, supported, not pursued with a reason, or becomes an activity', async () => {
  let r = await web.worker.post('/ideas', { title: '', source: 'outreach' });
  assert.equal(r.status, 400);
  assert.ok(errorOf(r.text, 'title'));
  assert.ok(errorOf(r.text, 'brought_by_name'));
  r = await web.worker.post('/ideas', { title: 'Moestuin op het grasveld', brought_by_name: 'Gerda', source: 'outreach', body: 'Samen groente kweken' });
  assert.equal(r.status, 303);
  const id = r.location.match(/\/ideas\/(\d+)/)[1];
  r = await web.worker.post(`/ideas/${id}/status`, { status: 'supported' });
  assert.equal(r.status, 303);
  assert.equal((await api.worker.get(`/api/v1/ideas/${id}`)).json.status, 'supported');
  // the activity form from the idea is prefilled; planning it turns the idea into an activity
  r = await web.worker.get(`/activities/new?idee=${id}`);
  assert.match(r.text, /value="Moestuin op het grasveld"/);
  r = await web.worker.post('/activities', { idea_id: id, title: 'Moestuin op het grasveld', kind: 'other', starts_on: TODAY, place: 'Grasveld', organisers: 'Gerda' });
  assert.equal(r.status, 303, r.text.slice(0, 300));
  const act = Number(r.location.match(/\/activities\/(\d+)/)[1]);
  const idea = (await api.worker.get(`/api/v1/ideas/${id}`)).json;
  assert.equal(idea.status, 'became_activity');
  assert.equal(idea.activity_id, act);
  assert.match((await web.worker.get(`/ideas/${id}`)).text, new RegExp(`/activities/${act}"`));
  // not pursued needs the reason
  const other = await newIdea(api.worker);
  r = await web.worker.post(`/ideas/${other.id}/status`, { status: 'not_pursued' });
  assert.equal(r.status, 400);
  assert.ok(errorOf(r.text, 'reason'));
  r = await api.worker.patch(`/api/v1/ideas/${other.id}`, { status: 'not_pursued', reason: 'De gemeente maait daar' });
  assert.equal(r.status, 200);
  assert.equal(r.json.reason, 'De gemeente maait daar');
  r = await api.worker.patch(`/api/v1/ideas/${id}`, { status: 'supported' });
  assert.ok([400, 409].includes(r.status), 'became_activity is final');
  const list = await api.worker.get('/api/v1/ideas?status=not_pursued');
  assert.ok(list.json.items.some((x) => x.id === other.id));
});

// ---- time --------------------------------------------------------------------------------------------------------

test('time is written per day in blocks; over 24 hours or in the future is refused; the team leader sees the balance', async () => {
  const ahmedOf = (b) => b.workers.find((x) => x.name === 'Ahmed El Amrani');
  const before = ahmedOf((await api.teamleader.get('/api/v1/teams/1/balance?weeks=1')).json).total; // the demo's time
  let r = await web.community.post('/time', { day: TODAY, casework: '120', outreach: '240', collective: '60', consultation: '30', other: '0' });
  assert.equal(r.status, 303);
  assert.match(r.location, new RegExp(`/time\\?dag=${TODAY}&melding=time_saved`));
  r = await web.community.get(`/time?dag=${TODAY}`);
  assert.match(r.text, /<option value="240" selected>4:00<\/option>/);
  r = await web.community.post('/time', { day: TODAY, casework: '720', outreach: '720', collective: '60' });
  assert.equal(r.status, 400);
  assert.match(r.text, /hoogstens 24 uur/);
  const tomorrow = iso(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1));
  r = await web.community.post('/time', { day: tomorrow, casework: '60' });
  assert.equal(r.status, 400);
  assert.match(errorOf(r.text, 'day'), /toekomst/);
  r = await api.worker.post('/api/v1/time', { day: daysAgo(1), minutes: { casework: 420, outreach: 60, collective: 0, consultation: 0, other: 0 } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.total, 480);
  r = await api.worker.post('/api/v1/time', { day: daysAgo(1), minutes: { consultation: 30 } });
  assert.equal(r.json.minutes.casework, 420, 'blocks left out keep their value');
  assert.equal(r.json.total, 510);
  r = await api.worker.post('/api/v1/time', { day: daysAgo(1), minutes: { other: 1000 } });
  assert.equal(r.status, 400);
  assert.ok(r.json.fields.minutes);
  r = await api.worker.post('/api/v1/time', { day: 'gisteren', minutes: { casework: -5 } });
  assert.equal(r.status, 400);
  assert.ok(r.json.fields.day && r.json.fields.casework);
  const days = (await api.worker.get(`/api/v1/time?from=${daysAgo(3)}`)).json.items;
  assert.equal(days.find((d) => d.day === daysAgo(1)).total, 510);
  assert.ok(days.every((d) => d.day >= daysAgo(3) && d.day <= TODAY));
  const bal = (await api.teamleader.get('/api/v1/teams/1/balance?weeks=4')).json;
  assert.equal(bal.week_starts.length, 4);
  assert.equal(bal.agreed_prevention_share, 40);
  const after = (await api.teamleader.get('/api/v1/teams/1/balance?weeks=1')).json;
  const ahmed = ahmedOf(after).total;
  assert.equal(ahmed.total - before.total, 450);
  assert.equal(ahmed.minutes.outreach - before.minutes.outreach, 240);
  assert.equal(ahmed.minutes.collective - before.minutes.collective, 60);
  const sum = after.workers.reduce((t, w) => t + w.total.total, 0);
  assert.ok(after.team_total.total >= sum, 'the team counts every worker');
  const page = await web.teamleader.get('/team/balance');
  assert.match(page.text, /<svg[^>]*role="img"/);
  assert.match(page.text, /Ahmed El Amrani/);
});
