// The figures (/figures, GET /api/v1/figures): the policy officer and the team leader (own team) only, counts 1-4
// suppressed, no id of a person, household or case in the answer, the read audited as an aggregate read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, apiAs, webAs, cli } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

// Every number a reader gets: counts, bases and totals.
function cells(json) {
  const out = [];
  for (const t of Object.values(json.tables)) {
    for (const r of [...t.rows, ...(t.total ? [t.total] : [])]) out.push({ table: t.key, kind: t.kind, ...r });
  }
  return out;
}

test('API: the policy officer gets every table, with small counts suppressed', async () => {
  const api = await apiAs(srv.base, 'policy');
  const r = await api.get('/api/v1/figures');
  assert.equal(r.status, 200);
  assert.equal(r.json.suppression_threshold, 5);
  for (const key of ['cases', 'open_per_neighbourhood', 'new_per_month', 'cases_per_life_domain', 'actions_per_layer',
    'second_line_share', 'referrals_per_status', 'zrm_change', 'questions_per_channel', 'signals_per_status',
    'presence_hours']) assert.ok(r.json.tables[key], key);
  const all = cells(r.json);
  for (const c of all) {
    if (c.kind === 'count') {
      assert.ok(c.value === null ? c.suppressed : c.value === 0 || c.value >= 5, `${c.table}/${c.code}: ${c.value}`);
    }
    if (c.kind === 'average' || c.kind === 'percent') {
      assert.ok(c.base === null || c.base === 0 || c.base >= 5, `${c.table}/${c.code} base ${c.base}`);
      if (c.base === null) assert.equal(c.value, null);
    }
  }
  assert.ok(all.some((c) => c.suppressed), 'the demo has small cells');
  assert.ok(r.json.tables.cases.total.value >= 5);
  assert.equal(r.json.tables.month_rows, undefined);
  assert.equal(r.json.tables.new_per_month.rows.length, 12);
  assert.equal(r.json.tables.zrm_change.rows.length, 13, 'the ZRM domains');
});

test('API: no hidden cell can be recomputed from its total', async () => {
  const api = await apiAs(srv.base, 'policy');
  const r = await api.get('/api/v1/figures');
  for (const t of Object.values(r.json.tables)) {
    if (t.kind !== 'count' || !t.total || t.total.value === null) continue;
    const hidden = t.rows.filter((x) => x.suppressed);
    if (hidden.length === 0) continue;
    const rest = t.total.value - t.rows.filter((x) => !x.suppressed).reduce((s, x) => s + x.value, 0);
    assert.ok(hidden.length >= 2 && rest >= 5, `${t.key}: ${hidden.length} hidden cells holding ${rest}`);
  }
});

test('API: the answer holds no id or name of a person, household or case', async () => {
  const api = await apiAs(srv.base, 'policy');
  const r = await api.get('/api/v1/figures');
  assert.doesNotMatch(r.text, /person|household|case_id|bsn|birth|given_name|family_name/i);
  const names = (await (await apiAs(srv.base, 'teamleader')).get('/api/v1/households?limit=20')).json;
  for (const h of names?.items || []) if (h.name) assert.ok(!r.text.includes(h.name), h.name);
});

test('API: the team leader sees his own team, not another; a wrong neighbourhood is a 400 naming the field', async () => {
  const api = await apiAs(srv.base, 'teamleader');
  const own = await api.get('/api/v1/figures');
  assert.equal(own.status, 200);
  assert.equal(own.json.team_id, 1);
  assert.equal((await api.get('/api/v1/figures?team_id=1')).status, 200);
  assert.equal((await api.get('/api/v1/figures?team_id=999')).status, 403);
  const bad = await api.get('/api/v1/figures?neighbourhood=XX');
  assert.equal(bad.status, 400);
  assert.ok(bad.json.fields.neighbourhood);
  const policy = await apiAs(srv.base, 'policy');
  const noTeam = await policy.get('/api/v1/figures?team_id=999');
  assert.equal(noTeam.status, 400);
  assert.ok(noTeam.json.fields.team_id);
  assert.equal((await policy.get('/api/v1/figures?team_id=abc')).status, 400);
});

test('API: a neighbourhood narrows the figures', async () => {
  const api = await apiAs(srv.base, 'policy');
  const all = (await api.get('/api/v1/figures')).json;
  const area = all.tables.open_per_neighbourhood.rows.find((x) => x.code && x.value !== null);
  const one = await api.get(`/api/v1/figures?neighbourhood=${area.code}`);
  assert.equal(one.status, 200);
  assert.equal(one.json.neighbourhood, area.code);
  assert.equal(one.json.tables.open_per_neighbourhood.rows.length, 1);
  assert.equal(one.json.tables.open_per_neighbourhood.rows[0].value, area.value);
  assert.ok(one.json.tables.cases.total.value === null || one.json.tables.cases.total.value <= all.tables.cases.total.value);
});

test('API: workers, the community worker and the administrator are refused; without a session 401', async () => {
  for (const role of ['worker', 'worker2', 'community', 'admin']) {
    const r = await (await apiAs(srv.base, role)).get('/api/v1/figures');
    assert.equal(r.status, 403, role);
  }
  assert.equal((await fetch(`${srv.base}/api/v1/figures`)).status, 401);
});

test('web: the page for the policy officer and the team leader, "<5" for small counts, no links to residents', async () => {
  for (const role of ['policy', 'teamleader']) {
    const w = await webAs(srv.base, role);
    const r = await w.get('/figures');
    assert.equal(r.status, 200, role);
    assert.match(r.text, /<h1[^>]*>Cijfers<\/h1>/);
    assert.match(r.text, /&lt;5/);
    assert.match(r.text, /Nieuwe casussen per maand/);
    assert.doesNotMatch(r.text, /href="\/(households|cases|persons)\/\d/);
    assert.match(r.text, /href="\/figures"[^>]*>Cijfers</, 'in the menu');
    const area = await w.get('/figures?neighbourhood=XX');
    assert.equal(area.status, 400);
    assert.match(area.text, /Kies een buurt van het gekozen team/);
  }
  const home = await (await webAs(srv.base, 'policy')).get('/');
  assert.match(home.text, /href="\/figures"/);
  assert.equal((await (await webAs(srv.base, 'teamleader')).get('/figures?team=999')).status, 403);
});

test('web: workers, the community worker and the administrator are refused, without a menu link', async () => {
  for (const role of ['worker', 'worker2', 'community', 'admin']) {
    const w = await webAs(srv.base, role);
    assert.equal((await w.get('/figures')).status, 403, role);
    assert.doesNotMatch((await w.get('/')).text, /href="\/figures"/, role);
  }
});

test('every read is in the audit trail as an aggregate read, without a person, household or case', async () => {
  await (await apiAs(srv.base, 'policy')).get('/api/v1/figures');
  const lines = cli(['audit', 'list', '--db', srv.db, '--limit', '5000']).trim().split('\n');
  const head = lines[0].split('\t');
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [head[i], v])));
  const reads = rows.filter((x) => x.entity === 'figures');
  assert.ok(reads.length >= 2, `${reads.length} reads of the figures`);
  for (const x of reads) {
    assert.equal(x.action, 'read');
    for (const k of ['household', 'person', 'case', 'household_id', 'person_id', 'case_id']) {
      if (k in x) assert.ok(x[k] === '' || x[k] === '-' || x[k] === '0', `${k}=${x[k]}`);
    }
  }
});
