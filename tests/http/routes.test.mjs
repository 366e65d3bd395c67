// Every route the server offers, taken from the router itself (`wijkteam routes`),
// checked for every role against the access rules of src/access/policy.c:
// - anonymous: every non-public route redirects to /login (web) or answers 401 (API);
// - administrator: never any household, person or case content;
// - policy officer: never any household, person or case content (aggregates only);
// - workers and team leaders: no user or team administration.
// Domain tests check the allowed side in detail; this test makes sure that no
// route, present or future, forgets the forbidden side.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, WebClient, ApiClient, webAs, apiAs } from './lib.mjs';

let srv;
const routes = cli(['routes']).trim().split('\n').map((l) => {
  const [method, pattern, access] = l.split('\t');
  return { method, pattern, access,
    path: pattern.replace(/\{id\}/g, '1').replace(/\{key\}/g, '00000000-0000-4000-8000-000000000000') };
});

// Paths whose content is personal data of residents.
const PERSONAL = /^\/(api\/v1\/)?(households|persons|cases|goals|actions|contacts|frontdoor|questions|search|worklist|intakes|assessments|referrals|consents|signals|relations|matches|rounds|activities|ideas|neighbourhood|time|needs|offers|network)(\/|$)/;
// Administration: the /admin pages, and every change to users or teams over the API.
const isAdmin = (r) => /^\/admin(\/|$)/.test(r.pattern)
  || (/^\/api\/v1\/(users|teams)(\/|$)/.test(r.pattern) && r.method !== 'GET');

before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

async function call(client, r) {
  if (r.pattern.startsWith('/api/')) {
    const body = ['POST', 'PUT', 'PATCH'].includes(r.method) ? {} : undefined;
    return client.req(r.method, r.path, body);
  }
  return r.method === 'GET' ? client.get(r.path) : client.post(r.path, {});
}

test('the router lists routes', () => {
  assert.ok(routes.length >= 5);
});

test('anonymous: every non-public route asks for a login', async () => {
  const web = new WebClient(srv.base);
  const api = new ApiClient(srv.base);
  for (const r of routes.filter((x) => x.access !== 'public')) {
    const res = await call(r.pattern.startsWith('/api/') ? api : web, r);
    if (r.pattern.startsWith('/api/')) assert.equal(res.status, 401, `${r.method} ${r.pattern}`);
    else {
      assert.equal(res.status, 303, `${r.method} ${r.pattern}`);
      assert.match(res.headers.get('location'), /^\/login/, `${r.method} ${r.pattern}`);
    }
  }
});

for (const role of ['admin', 'policy']) {
  test(`${role}: no route shows or changes residents' personal data`, async () => {
    const web = await webAs(srv.base, role);
    const api = await apiAs(srv.base, role);
    for (const r of routes.filter((x) => PERSONAL.test(x.pattern))) {
      const res = await call(r.pattern.startsWith('/api/') ? api : web, r);
      assert.ok([403, 404].includes(res.status), `${role} ${r.method} ${r.pattern} gave ${res.status}`);
    }
  });
}

for (const role of ['worker', 'teamleader', 'policy']) {
  test(`${role}: no user or team administration`, async () => {
    const web = await webAs(srv.base, role);
    const api = await apiAs(srv.base, role);
    for (const r of routes.filter(isAdmin)) {
      const res = await call(r.pattern.startsWith('/api/') ? api : web, r);
      assert.ok([403, 404].includes(res.status), `${role} ${r.method} ${r.pattern} gave ${res.status}`);
    }
  });
}
