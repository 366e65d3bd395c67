// Attacks over HTTP on every route the server offers (read from `wijkteam routes`):
// - SQL injection in every query parameter the handlers read (found in the source) and in the path:
//   never a 500, never rows that the search should not find, the database intact afterwards;
// - CSRF: every form POST without or with a forged token is refused (403) and changes nothing; the API
//   never acts on the session cookie alone (401).
// Stored XSS through every form is tested in Chromium: tests/e2e/xss.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, webAs, apiAs, cli } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SQLI = readFileSync(join(root, 'tests', 'attack', 'sqli.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));

let s, web, api;
before(async () => {
  s = await startServer({ residents: 120 });
  web = await webAs(s.base, 'teamleader');
  api = await apiAs(s.base, 'teamleader');
});
after(async () => { await s.stop(); });

function routes() {
  return cli(['routes']).trim().split('\n').map((l) => {
    const [method, pattern, access] = l.split('\t');
    return { method, pattern, access };
  });
}

// The query parameters each route's handlers read: the strings given to req_query and its helpers in
// the source file that registers the route (router_add), so that every parameter is tried where it is used.
const PARAM_RE = /\b(?:req_query|query_[a-z_]+|[a-z_]+_query_id|bad_id_param)\(\s*req,\s*"([a-z_]+)"/g;
function paramsByRoute() {
  const byRoute = new Map();
  const all = new Set(['limit', 'offset']);
  const walk = (dir) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) { walk(p); continue; }
      if (!p.endsWith('.c')) continue;
      const src = readFileSync(p, 'utf8');
      const names = new Set([...src.matchAll(PARAM_RE)].map((m) => m[1]));
      if (/api_paging/.test(src)) { names.add('limit'); names.add('offset'); }
      for (const n of names) all.add(n);
      for (const m of src.matchAll(/router_add\("(GET)", "([^"]+)"/g)) byRoute.set(m[2], [...names]);
    }
  };
  walk(join(root, 'src'));
  return { byRoute, all: [...all] };
}

const UUID = '00000000-0000-0000-0000-000000000001';
const concrete = (pattern) => pattern.replace(/\{id\}/g, '1').replace(/\{key\}/g, UUID);

async function get(path, asApi) {
  const headers = asApi ? { Authorization: `Bearer ${api.token}` } : { Cookie: web.cookie };
  const r = await fetch(s.base + path, { headers, redirect: 'manual' });
  return { status: r.status, text: await r.text() };
}

function counts() {
  const out = cli(['check', '--db', s.db]);
  assert.match(out, /integrity ok.*audit trail intact/);
  return (cli(['audit', 'list', '--db', s.db, '--limit', '1']).match(/^\d+/m) || ['0'])[0];
}

test('SQL injection in every query parameter of every GET route: no 500, the database intact', async () => {
  const { byRoute, all } = paramsByRoute();
  assert.ok(all.length >= 30, `query parameters found in the source: ${all.length}`);
  const gets = routes().filter((r) => r.method === 'GET');
  let requests = 0;
  const send = async (r, q) => {
    const asApi = r.pattern.startsWith('/api/') || r.pattern.startsWith('/hsds');
    const res = await get(`${concrete(r.pattern)}?${q}`, asApi);
    requests++;
    assert.ok(res.status < 500, `${r.pattern}?${q}: ${res.status}`);
  };
  for (const r of gets) {
    const own = byRoute.get(r.pattern) || [];
    // Every payload in all of the route's own parameters at once, and the first one in every parameter
    // any handler reads (a parameter read through a shared helper is not missed).
    for (const p of SQLI) await send(r, own.map((n) => `${n}=${encodeURIComponent(p)}`).join('&'));
    await send(r, all.map((n) => `${n}=${encodeURIComponent(SQLI[0])}`).join('&'));
    // Each own parameter alone, so that no other one's refusal hides it.
    for (const n of own) for (const p of SQLI.slice(0, 3)) await send(r, `${n}=${encodeURIComponent(p)}`);
  }
  assert.ok(requests > 1000, `requests: ${requests}`);
  counts();
});

test('SQL injection in the path never reaches a handler', async () => {
  for (const r of routes().filter((x) => x.method === 'GET' && /\{(id|key)\}/.test(x.pattern))) {
    for (const p of SQLI.slice(0, 4)) {
      const path = r.pattern.replace(/\{id\}|\{key\}/, encodeURIComponent(p)).replace(/\{id\}/g, '1').replace(/\{key\}/g, UUID);
      const res = await get(path, r.pattern.startsWith('/api/'));
      assert.ok([400, 404].includes(res.status), `${path}: ${res.status}`);
    }
  }
});

test('searches with injected SQL find nothing: no rows leak', async () => {
  for (const p of SQLI) {
    const h = await get(`/api/v1/households?q=${encodeURIComponent(p)}`, true);
    assert.ok(h.status === 200 || h.status === 400, `${p}: ${h.status}`);
    if (h.status === 200) assert.equal(JSON.parse(h.text).items.length, 0, `households for ${p}`);
    const w = await get(`/search?q=${encodeURIComponent(p)}`, false);
    assert.ok(w.status === 200 || w.status === 400, `${p}: ${w.status}`);
    assert.doesNotMatch(w.text, /href="\/households\/\d+"/, `search page for ${p}`);
  }
  // A real search still works, so the above is not empty by accident.
  const ok = await get('/api/v1/households?q=de', true);
  assert.ok(JSON.parse(ok.text).items.length > 0);
});

test('CSRF: every form POST without a token or with a forged one is refused and changes nothing', async () => {
  const before = counts();
  const posts = routes().filter((r) => r.method === 'POST' && !r.pattern.startsWith('/api/') && r.access !== 'public');
  assert.ok(posts.length > 40);
  for (const r of posts) {
    for (const token of [null, 'forged-token-0123456789abcdef']) {
      const body = new URLSearchParams({ name: 'x', body: 'x', reason: 'x', summary: 'x' });
      if (token) body.append('_csrf', token);
      const res = await fetch(s.base + concrete(r.pattern), {
        method: 'POST', body, redirect: 'manual',
        headers: { Cookie: web.cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      });
      assert.equal(res.status, 403, `${r.pattern} ${token ? 'forged' : 'without'} token`);
    }
  }
  assert.equal(counts(), before, 'nothing was written, not even an audit entry');
});

test('CSRF: the API never acts on the session cookie alone', async () => {
  const writes = routes().filter((r) => r.pattern.startsWith('/api/') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method)
    && r.access !== 'public');
  assert.ok(writes.length > 30);
  for (const r of writes) {
    const res = await fetch(s.base + concrete(r.pattern), {
      method: r.method, body: '{}', headers: { Cookie: web.cookie, 'Content-Type': 'application/json' },
    });
    assert.equal(res.status, 401, `${r.method} ${r.pattern}`);
  }
});
