// The resident's rights (src/privacy/): his complete file as JSON and PDF, erasure, the rights
// page; every route for every role; on SQLite or PostgreSQL (WIJKTEAM_TEST_PG).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, apiAs, webAs, cli } from './lib.mjs';
import { newHousehold } from './case-lib.mjs';

let s;
const api = {};
const web = {};
const ROLES = ['worker', 'worker2', 'community', 'teamleader', 'admin', 'policy'];

before(async () => {
  s = await startServer({ residents: 150 });
  for (const r of ROLES) api[r] = await apiAs(s.base, r);
  for (const r of ROLES) web[r] = await webAs(s.base, r);
});
after(async () => { await s.stop(); });

function pdfText(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'wt-pdf-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' });
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

// A household with a case coordinated by sanne (the worker), a contact and a goal; returns ids.
async function supportedHousehold(family) {
  const hh = await newHousehold(api.worker, family);
  const c = await api.worker.post('/api/v1/cases', { household_id: hh, reason: `Zorgen om de huur van ${family}` });
  assert.equal(c.status, 201, c.text);
  const ct = await api.worker.post(`/api/v1/cases/${c.json.id}/contacts`,
    { kind: 'visit', happened_on: '2026-01-15', minutes: 45, summary: `Huisbezoek bij ${family}: brieven geordend` });
  assert.equal(ct.status, 201, ct.text);
  const h = await api.worker.get(`/api/v1/households/${hh}`);
  const members = h.json.members.map((m) => m.id);
  return { hh, caseId: c.json.id, anna: members[0], sem: members[1] };
}

test('the file: the coordinator and the team leader, nobody else; JSON with every section and the access log', async () => {
  const { anna } = await supportedHousehold('Bakker');
  const allowed = { worker: 200, teamleader: 200, worker2: 403, community: 403, admin: 403, policy: 403 };
  for (const r of ROLES) {
    assert.equal((await api[r].get(`/api/v1/persons/${anna}/file`)).status, allowed[r], `api ${r}`);
    assert.equal((await api[r].get(`/api/v1/persons/${anna}/file.pdf`)).status, allowed[r], `api pdf ${r}`);
    assert.equal((await web[r].get(`/persons/${anna}/rights`)).status, allowed[r], `web ${r}`);
    assert.equal((await web[r].get(`/persons/${anna}/file.pdf`)).status, allowed[r], `web pdf ${r}`);
  }
  assert.equal((await api.worker.get('/api/v1/persons/99999999/file')).status, 404);
  assert.equal((await web.teamleader.get('/persons/99999999/rights')).status, 404);

  const f = (await api.worker.get(`/api/v1/persons/${anna}/file`)).json;
  assert.equal(f.name, 'Anna Bakker');
  const keys = f.sections.map((x) => x.key);
  for (const k of ['person', 'household', 'members', 'cases', 'plans', 'goals', 'actions', 'contacts', 'intake',
    'assessments', 'relations', 'offers', 'needs', 'signals', 'questions', 'consents', 'referrals', 'audit']) {
    assert.ok(keys.includes(k), `section ${k}`);
  }
  const sec = (k) => f.sections.find((x) => x.key === k);
  assert.equal(sec('person').records[0].birth_date, '1984-06-02');
  assert.equal(sec('members').records[0].name, 'Sem Bakker');
  assert.match(sec('cases').records[0].reason, /huur van Bakker/);
  assert.match(sec('contacts').records[0].summary, /brieven geordend/);
  assert.ok(sec('audit').records.some((a) => a.action === 'create' && a.user === 'Sanne de Vries'), 'who wrote it');
  assert.ok(sec('person').fields.some((x) => x.key === 'bsn' && x.label === 'BSN'));

  // The export itself is in the access log: the next file shows it.
  const again = (await api.teamleader.get(`/api/v1/persons/${anna}/file`)).json;
  assert.ok(again.sections.find((x) => x.key === 'audit').records.some((a) => a.action === 'export'));
});

test('the PDF: A4, Dutch, the person and his data in its text, page numbers', async () => {
  const { anna } = await supportedHousehold('Visser');
  const r = await fetch(`${s.base}/persons/${anna}/file.pdf`, { headers: { Cookie: web.worker.cookie } });
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/pdf');
  assert.match(r.headers.get('content-disposition'), /attachment; filename="inzage-\d+\.pdf"/);
  assert.equal(r.headers.get('cache-control'), 'no-store');
  const bytes = Buffer.from(await r.arrayBuffer());
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(bytes);
  assert.match(text, /Overzicht van uw gegevens bij het\s+wijkteam/);
  assert.match(text, /Anna Visser/);
  assert.match(text, /2 juni 1984/);
  assert.match(text, /Huisbezoek bij Visser: brieven geordend/);
  assert.match(text, /Wie uw gegevens inzag of wijzigde/);
  assert.match(text, /Pagina 1 van \d+/);
  const pages = Number(text.match(/Pagina 1 van (\d+)/)[1]);
  assert.match(text, new RegExp(`Pagina ${pages} van ${pages}`));
  // A4 in points.
  const info = execFileSync('pdfinfo', ['-'], { input: bytes, encoding: 'utf8' });
  assert.match(info, /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
});

test('erasure: refused while the case is open and during a legal period; then every row of the person goes', async () => {
  const { hh, caseId, anna, sem } = await supportedHousehold('Smit');
  const open = await api.worker.post(`/api/v1/persons/${sem}/erasure`, { ground: 'request', confirm: true });
  assert.equal(open.status, 409);
  assert.match(open.json.message, /casus is open/);

  // Bad input is named per field.
  const bad = await api.worker.post(`/api/v1/persons/${sem}/erasure`, { ground: 'whim' });
  assert.equal(bad.status, 400);
  assert.ok(bad.json.fields.ground && bad.json.fields.confirm);

  const closed = await api.worker.post(`/api/v1/cases/${caseId}/close`, { close_reason: 'goals_achieved', confirm: true });
  assert.equal(closed.status, 200, closed.text);
  const held = await api.worker.post(`/api/v1/persons/${sem}/erasure`, { ground: 'request', confirm: true });
  assert.equal(held.status, 409);
  assert.match(held.json.message, /wettelijke bewaartermijn tot/);

  // The municipality decides the dossier has no legal period.
  for (const k of ['household', 'contact', 'plan', 'intake', 'assessment', 'case']) {
    cli(['retention', 'set', k, '--years', '5', '--legal', 'no', '--db', s.db]);
  }
  for (const r of ['worker2', 'community', 'admin', 'policy']) {
    assert.equal((await api[r].post(`/api/v1/persons/${sem}/erasure`, { ground: 'request', confirm: true })).status, 403, r);
  }
  const e1 = await api.worker.post(`/api/v1/persons/${sem}/erasure`, { ground: 'request', confirm: true });
  assert.equal(e1.status, 200, e1.text);
  assert.equal(e1.json.removed.person, 1);
  assert.equal(e1.json.household_anonymised, false);
  assert.equal((await api.worker.get(`/api/v1/persons/${sem}`)).status, 404);
  const hAfter = await api.worker.get(`/api/v1/households/${hh}`);
  assert.deepEqual(hAfter.json.members.map((m) => m.id), [anna]);

  // Anna was the last: the household's dossier goes, the case stays without content.
  const e2 = await api.teamleader.post(`/api/v1/persons/${anna}/erasure`, { ground: 'not_needed', confirm: true });
  assert.equal(e2.status, 200, e2.text);
  assert.equal(e2.json.household_anonymised, true);
  assert.ok(e2.json.removed.contact >= 1 && e2.json.removed.cases === 1, JSON.stringify(e2.json.removed));
  const c = await api.teamleader.get(`/api/v1/cases/${caseId}`);
  if (c.status === 200) {
    assert.equal(c.json.reason, '');
    assert.doesNotMatch(c.text, /Smit/);
  }

  // The privacy log keeps counts, never the data.
  const log = cli(['retention', 'log', '--db', s.db]);
  assert.match(log, new RegExp(`\\terasure\\tSanne de Vries\\t${sem}\\tground=request .*person=1`));
  assert.match(log, new RegExp(`\\terasure\\tMarieke Hoekstra\\t${anna}\\tground=not_needed .*household=1`));
  assert.doesNotMatch(log, /Smit|Anna|huur/);
  assert.match(cli(['audit', 'verify', '--db', s.db]), /intact/);
  for (const k of ['household', 'contact', 'plan', 'intake', 'assessment', 'case']) {
    cli(['retention', 'set', k, '--years', '5', '--legal', 'yes', '--db', s.db]);
  }
});

test('erasure without a case: the team leader may at once, a worker who coordinates nothing may not', async () => {
  const hh = await newHousehold(api.teamleader, 'Mulder');
  const members = (await api.teamleader.get(`/api/v1/households/${hh}`)).json.members.map((m) => m.id);
  assert.equal((await api.worker.post(`/api/v1/persons/${members[1]}/erasure`, { ground: 'request', confirm: true })).status, 403);
  const page = await web.teamleader.get(`/persons/${members[1]}/rights`);
  assert.match(page.text, /<h1 class="utrecht-heading-1">Rechten van Sem Mulder<\/h1>/);
  assert.match(page.text, /name="ground"/);
  // Without a CSRF token the form is refused; without the confirmation it comes back with the error.
  assert.equal((await web.teamleader.post(`/persons/${members[1]}/erase`, { ground: 'request', confirm: '1' }, { csrf: false })).status, 403);
  const noConfirm = await web.teamleader.post(`/persons/${members[1]}/erase`, { ground: 'request' });
  assert.equal(noConfirm.status, 400);
  assert.match(noConfirm.text, /Bevestig dat de bewoner is verteld/);
  const ok = await web.teamleader.post(`/persons/${members[1]}/erase`, { ground: 'request', confirm: '1' });
  assert.equal(ok.status, 303);
  assert.equal(ok.location, `/households/${hh}?melding=erased`);
  assert.equal((await web.teamleader.get(`/persons/${members[1]}/rights`)).status, 404);
  const h = await web.teamleader.get(`/households/${hh}?melding=erased`);
  assert.match(h.text, /zijn gewist/);
  assert.doesNotMatch(h.text, /Sem Mulder/);
});

test('the rights page: a legal period shows why erasure waits, with no form', async () => {
  const { anna, caseId } = await supportedHousehold('Jansen');
  await api.worker.post(`/api/v1/cases/${caseId}/close`, { close_reason: 'goals_achieved', confirm: true });
  const p = await web.worker.get(`/persons/${anna}/rights`);
  assert.equal(p.status, 200);
  assert.match(p.text, /wettelijke bewaartermijn tot/);
  assert.doesNotMatch(p.text, /name="ground"/);
  assert.match(p.text, new RegExp(`href="/persons/${anna}/file.pdf"`));
  assert.match(p.text, new RegExp(`href="/persons/${anna}/edit"`));
  const hh = await web.worker.get(`/households/${(await api.worker.get(`/api/v1/persons/${anna}`)).json.household_id}`);
  assert.match(hh.text, new RegExp(`href="/persons/${anna}/rights"`));
});
