// Self-sufficiency assessments (ZRM): every route for every role, the
// validation (scores 1..5, dates, unknown domains; nothing half-written), the
// history with chart and table, the block on the case page, the work queue,
// and loading another version of the matrix from the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, cli } from './lib.mjs';
import { caseWithMembers, outsider, clients, isoDay, main } from './support-lib.mjs';
import { addToCase } from './case-lib.mjs';

let srv, api, web, other, fam;

before(async () => {
  srv = await startServer({ residents: 50 });
  ({ api, web } = await clients(srv.base));
  other = await outsider(srv.base, srv.db);
  fam = await caseWithMembers(api.worker, 'Zwart');
  await addToCase(api.worker, fam.caseId, api.teamleader, 'Meten samen met de regisseur');
});
after(async () => { await srv.stop(); });

const scores = (over = {}) => ({ finances: 2, housing: 3, mental_health: 2, social_network: 1, ...over });

test('API: a worker records two assessments and sees progress first to latest', async () => {
  const a = await api.worker.post(`/api/v1/persons/${fam.adult}/assessments`,
    { assessed_on: isoDay(-100), scores: scores(), notes: { finances: 'Schulden bij drie schuldeisers' } });
  assert.equal(a.status, 201, a.text);
  assert.equal(a.json.scores.finances, 2);
  assert.equal(a.json.scores.justice, null, 'a domain not given is not assessed');
  assert.equal(a.json.notes.finances, 'Schulden bij drie schuldeisers');
  assert.equal(a.json.case_id, fam.caseId, 'recorded with the open case');
  assert.equal(a.json.assessed_by.display_name, 'Sanne de Vries');
  const b = await api.teamleader.post(`/api/v1/persons/${fam.adult}/assessments`,
    { assessed_on: isoDay(-5), scores: scores({ finances: 4, social_network: 3, mental_health: '2' }) });
  assert.equal(b.status, 201, b.text);
  const h = await api.worker.get(`/api/v1/persons/${fam.adult}/assessments`);
  assert.equal(h.status, 200);
  assert.equal(h.json.assessments.length, 2);
  assert.equal(h.json.assessments[0].id, a.json.id, 'oldest first');
  const p = h.json.progress[0];
  assert.equal(p.scale, 'zrm-2017');
  assert.deepEqual(p.domains.finances, { first: 2, latest: 4, change: 2 });
  assert.deepEqual(p.domains.social_network, { first: 1, latest: 3, change: 2 });
  assert.equal(p.improved, 2);
  assert.equal(p.unchanged, 2);
  assert.equal(p.average_change, 1);
  assert.equal(h.json.due.applies, true);
  assert.equal(h.json.due.due, false, 'assessed five days ago');
  const one = await api.worker.get(`/api/v1/assessments/${a.json.id}`);
  assert.equal(one.status, 200);
  assert.equal(one.json.scores.social_network, 1);
});

test('API: bad scores, dates and domains are named; nothing is written', async () => {
  const before_ = await api.worker.get(`/api/v1/persons/${fam.child}/assessments`);
  const bad = await api.worker.post(`/api/v1/persons/${fam.child}/assessments`,
    { assessed_on: isoDay(3), scores: { finances: 6, housing: 0, nope: 3, justice: true } });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error, 'invalid');
  assert.ok(bad.json.fields.justice === undefined && bad.json.fields['scores.justice'], 'a boolean is not a score');
  const bad2 = await api.worker.post(`/api/v1/persons/${fam.child}/assessments`,
    { assessed_on: isoDay(3), scores: { finances: 6, housing: 0, nope: 3 } });
  assert.equal(bad2.status, 400);
  assert.match(bad2.json.fields.assessed_on, /toekomst/);
  assert.match(bad2.json.fields['scores.finances'], /Financiën/);
  assert.ok(bad2.json.fields['scores.housing']);
  assert.ok(bad2.json.fields['scores.nope']);
  const early = await api.worker.post(`/api/v1/persons/${fam.child}/assessments`,
    { assessed_on: '2010-01-01', scores: { finances: 3 } });
  assert.match(early.json.fields.assessed_on, /geboortedatum/);
  const empty = await api.worker.post(`/api/v1/persons/${fam.child}/assessments`, { assessed_on: isoDay(0), scores: {} });
  assert.ok(empty.json.fields.scores);
  const scale = await api.worker.post(`/api/v1/persons/${fam.child}/assessments`,
    { scale: 'zrm-bestaat-niet', assessed_on: isoDay(0), scores: { finances: 3 } });
  assert.ok(scale.json.fields.scale);
  const after_ = await api.worker.get(`/api/v1/persons/${fam.child}/assessments`);
  assert.equal(after_.json.assessments.length, before_.json.assessments.length);
});

test('API: the scales are data; administrator may list them, policy officer not', async () => {
  const w = await api.worker.get('/api/v1/assessment-scales');
  assert.equal(w.status, 200);
  const zrm = w.json.scales.find((s) => s.code === 'zrm-2017');
  assert.equal(zrm.domains.length, 13);
  assert.equal(zrm.levels[0].label, 'acute problematiek');
  assert.equal(zrm.domains[0].levels.length, 5);
  assert.equal((await api.admin.get('/api/v1/assessment-scales')).status, 200);
  assert.equal((await api.policy.get('/api/v1/assessment-scales')).status, 403);
});

test('other teams, the administrator and the policy officer see no assessment', async () => {
  const h = await api.worker.get(`/api/v1/persons/${fam.adult}/assessments`);
  const id = h.json.assessments[0].id;
  for (const [who, code] of [[other.api, 404], [api.admin, 403], [api.policy, 403]]) {
    assert.equal((await who.get(`/api/v1/persons/${fam.adult}/assessments`)).status, code);
    assert.equal((await who.get(`/api/v1/assessments/${id}`)).status, code);
    assert.equal((await who.post(`/api/v1/persons/${fam.adult}/assessments`, { assessed_on: isoDay(0), scores: { finances: 3 } })).status, code);
  }
  for (const [who, code] of [[other.web, 404], [web.admin, 403], [web.policy, 403]]) {
    assert.equal((await who.get(`/persons/${fam.adult}/assessments`)).status, code);
    assert.equal((await who.get(`/persons/${fam.adult}/assessments/new`)).status, code);
    assert.equal((await who.get(`/assessments/${id}`)).status, code);
    assert.equal((await who.post(`/persons/${fam.adult}/assessments`, { assessed_on: isoDay(0), 'scores.finances': '3' })).status, code);
  }
  assert.equal((await api.admin.get('/api/v1/assessments/due')).status, 403);
  const after_ = await api.worker.get(`/api/v1/persons/${fam.adult}/assessments`);
  assert.equal(after_.json.assessments.length, 2, 'nothing was written by those who may not');
});

test('web: the form scores each domain against its description; errors come back next to the field', async () => {
  for (const role of ['worker', 'teamleader']) {
    const form = await web[role].get(`/persons/${fam.adult}/assessments/new`);
    assert.equal(form.status, 200);
    const m = main(form.text);
    assert.match(m, /<legend[^>]*>Financiën<\/legend>/);
    assert.match(m, /Vorige meting: 4\./, 'the previous score is shown');
    assert.equal((m.match(/type="radio"/g) || []).length, 13 * 6);
  }
  const bad = await web.worker.post(`/persons/${fam.adult}/assessments`,
    { scale: 'zrm-2017', assessed_on: isoDay(2), 'scores.finances': '8', 'notes.finances': 'x' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /id="f-scores.finances-error"[^>]*>.*Financiën moet 1, 2, 3, 4 of 5/);
  assert.match(bad.text, /href="#f-assessed_on"/, 'the summary links to the field');
  assert.match(bad.text, /name="notes.finances" value="x"/, 'what was typed is kept');
  const ok = await web.worker.post(`/persons/${fam.adult}/assessments`,
    { scale: 'zrm-2017', assessed_on: isoDay(0), 'scores.finances': '5', 'scores.housing': '4', 'scores.justice': '' });
  assert.equal(ok.status, 303);
  assert.match(ok.location, new RegExp(`/persons/${fam.adult}/assessments\\?melding=assessment`));
});

test('web: the history has an SVG chart per domain with a text alternative, and the table', async () => {
  for (const role of ['worker', 'teamleader']) {
    const r = await web[role].get(`/persons/${fam.adult}/assessments`);
    assert.equal(r.status, 200);
    const m = main(r.text);
    assert.match(m, /<svg class="wt-zrm-chart"[^>]*role="img"[^>]*aria-labelledby="zrm1-d0-title zrm1-d0-desc"/);
    assert.match(m, /<desc id="zrm1-d0-desc">Financiën\. Score per meting/);
    assert.match(m, /Financiën<\/strong>: 2 → 5 \(\+3\)/);
    assert.match(m, /<caption[^>]*>Scores per meting, Zelfredzaamheid-Matrix<\/caption>/);
    assert.match(m, /Nooit beoordeeld: [^<]*Huiselijke relaties/);
    assert.equal((m.match(/href="\/assessments\/\d+"/g) || []).length, 3);
  }
  const h = await api.worker.get(`/api/v1/persons/${fam.adult}/assessments`);
  const one = await web.worker.get(`/assessments/${h.json.assessments[0].id}`);
  assert.equal(one.status, 200);
  assert.match(main(one.text), /Schulden bij drie schuldeisers/);
  assert.match(main(one.text), /2 - niet zelfredzaam/);
});

test('the case page shows first against latest per member; the start page lists assessments due', async () => {
  const c = await web.worker.get(`/cases/${fam.caseId}`);
  assert.equal(c.status, 200);
  const block = c.text.match(/<section[^>]*aria-labelledby="h-zrm">[\s\S]*?<\/section>/)[0];
  assert.match(block, /Marit Zwart<\/strong>: Gemiddeld [\d,]+ → [\d,]+ \(\+[\d,]+ per domein\); \d vooruit/);
  assert.match(block, /Jelle Zwart<\/strong>: Nog geen meting\./);
  assert.match(c.text, /href="#h-zrm"/, 'in the page navigation');
  // A new case without any assessment: its adult is due from the opening.
  const fresh = await caseWithMembers(api.worker, 'Visser');
  const home = await web.worker.get('/');
  const due = home.text.match(/<section[^>]*aria-labelledby="h-metingen">[\s\S]*?<\/section>/);
  assert.ok(due, 'the work queue has a section of assessments due');
  assert.match(due[0], new RegExp(`href="/persons/${fresh.adult}/assessments/new">Marit Visser</a>`));
  assert.doesNotMatch(due[0], new RegExp(`/persons/${fresh.child}/`), 'children are not on the adults\' cadence');
  assert.doesNotMatch(due[0], new RegExp(`/persons/${fam.adult}/`), 'assessed today');
  const api_ = await api.worker.get('/api/v1/assessments/due');
  assert.equal(api_.status, 200);
  assert.ok(api_.json.due.some((d) => d.person_id === fresh.adult && d.last_assessed_on === null));
  const tl = await api.teamleader.get('/api/v1/assessments/due?team=1');
  assert.ok(tl.json.due.some((d) => d.person_id === fresh.adult), 'the team leader sees the whole team');
});

test('console: another version of the matrix loads as data, all or nothing', async () => {
  const file = join(srv.dir, 'jeugd.json');
  const levels = ['acute problematiek', 'niet zelfredzaam', 'beperkt', 'voldoende', 'volledig'].map((label) => ({ label }));
  const domain = (code, name) => ({ code, name, description: '', levels: ['1', '2', '3', '4', '5'] });
  writeFileSync(file, JSON.stringify({ code: 'zrm-jeugd', name: 'ZRM jeugd', version: '2020', levels, domains: [domain('school', 'School'), domain('home', 'Thuis')] }));
  assert.match(cli(['assessment', 'load', '--db', srv.db, file]), /scale loaded/);
  writeFileSync(file, JSON.stringify({ code: 'zrm-kapot', name: 'Kapot', version: '1', levels, domains: [{ code: 'x', name: 'X' }] }));
  assert.throws(() => cli(['assessment', 'load', '--db', srv.db, file]), /domains\[0\]/);
  assert.match(cli(['assessment', 'list', '--db', srv.db]), /zrm-jeugd\tZRM jeugd 2020\t2 domains\tactive/);
  assert.doesNotMatch(cli(['assessment', 'list', '--db', srv.db]), /zrm-kapot/);
  const form = await web.worker.get(`/persons/${fam.child}/assessments/new?scale=zrm-jeugd`);
  assert.match(main(form.text), /<legend[^>]*>School<\/legend>/);
  const r = await api.worker.post(`/api/v1/persons/${fam.child}/assessments`, { scale: 'zrm-jeugd', assessed_on: isoDay(0), scores: { school: 4 } });
  assert.equal(r.status, 201, r.text);
  cli(['assessment', 'deactivate', '--db', srv.db, 'zrm-jeugd']);
  const off = await api.worker.post(`/api/v1/persons/${fam.child}/assessments`, { scale: 'zrm-jeugd', assessed_on: isoDay(0), scores: { school: 4 } });
  assert.equal(off.status, 400);
  const h = await api.worker.get(`/api/v1/persons/${fam.child}/assessments`);
  assert.equal(h.json.progress[0].scale, 'zrm-jeugd', 'the earlier assessment keeps its version');
});
