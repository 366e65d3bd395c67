// Login, logout, sessions, CSRF and the hardening every route shares.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, WebClient, ApiClient, apiAs, webAs, USERS, DEMO_PASSWORD } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

test('unauthenticated page redirects to the login page', async () => {
  const r = await new WebClient(srv.base).get('/');
  assert.equal(r.status, 303);
  assert.match(r.headers.get('location'), /^\/login\?next=\//);
});

test('login with a wrong password gets a clear Dutch message and 401', async () => {
  const c = new WebClient(srv.base);
  const r = await c.post('/login', { username: USERS.worker2, password: 'wrong-password-123' }, { csrf: false });
  assert.equal(r.status, 401);
  assert.match(r.text, /De gebruikersnaam of het wachtwoord klopt niet/);
});

test('login sets an HttpOnly SameSite cookie and logout ends the session', async () => {
  const c = await webAs(srv.base, 'worker');
  const home = await c.get('/');
  assert.equal(home.status, 200);
  const out = await c.post('/logout');
  assert.equal(out.status, 303);
  const again = await new WebClient(srv.base).get('/');
  assert.equal(again.status, 303);
});

test('the session cookie is HttpOnly and SameSite=Strict', async () => {
  const c = new WebClient(srv.base);
  const r = await c.post('/login', { username: USERS.worker, password: DEMO_PASSWORD }, { csrf: false });
  const sc = r.headers.get('set-cookie');
  assert.match(sc, /HttpOnly/);
  assert.match(sc, /SameSite=Strict/);
});

test('a form posted without the CSRF token is refused with 403', async () => {
  const c = await webAs(srv.base, 'worker');
  const r = await c.post('/logout', {}, { csrf: false });
  assert.equal(r.status, 403);
});

test('repeated failures are slowed down (429 with Retry-After)', async () => {
  const c = new WebClient(srv.base);
  let last;
  for (let i = 0; i < 7; i++) last = await c.post('/login', { username: 'nobody-here', password: 'x'.repeat(12) }, { csrf: false });
  assert.equal(last.status, 429);
  assert.ok(Number(last.headers.get('retry-after')) >= 1);
  assert.match(last.text, /Te veel mislukte pogingen/);
});

test('API: without a token 401, with a token the user', async () => {
  const anon = await new ApiClient(srv.base).get('/api/v1/me');
  assert.equal(anon.status, 401);
  assert.equal(anon.json.error, 'unauthorized');
  const api = await apiAs(srv.base, 'worker');
  const me = await api.get('/api/v1/me');
  assert.equal(me.status, 200);
  assert.equal(me.json.username, USERS.worker);
  assert.equal(me.json.password_hash, undefined);
});

test('API: malformed JSON is 400, wrong content type 415, missing fields named', async () => {
  const c = new ApiClient(srv.base);
  const bad = await c.req('POST', '/api/v1/session', '{"username": ');
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error, 'malformed_json');
  const ct = await c.req('POST', '/api/v1/session', 'username=x', { 'Content-Type': 'text/plain' });
  assert.equal(ct.status, 415);
  const missing = await c.post('/api/v1/session', {});
  assert.equal(missing.status, 400);
  assert.ok(missing.json.fields.username);
  assert.ok(missing.json.fields.password);
});

test('API: logout (DELETE /api/v1/session) ends the token', async () => {
  const api = await apiAs(srv.base, 'teamleader');
  const d = await api.delete('/api/v1/session');
  assert.equal(d.status, 204);
  const me = await api.get('/api/v1/me');
  assert.equal(me.status, 401);
});

test('oversized bodies get 413 and the server keeps serving', async () => {
  const big = 'x'.repeat(2 * 1024 * 1024);
  const r = await fetch(`${srv.base}/login`, { method: 'POST', body: big, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }).catch(() => null);
  if (r) assert.equal(r.status, 413);
  const h = await fetch(`${srv.base}/healthz`);
  assert.equal(h.status, 200);
});

test('security headers are on every answer', async () => {
  const r = await fetch(`${srv.base}/login`);
  assert.match(r.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.doesNotMatch(r.headers.get('content-security-policy'), /unsafe-inline/);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
});

test('unknown routes are 404, wrong methods 405, in HTML and JSON', async () => {
  const api = await apiAs(srv.base, 'worker');
  assert.equal((await api.get('/api/v1/nope')).status, 404);
  assert.equal((await api.req('PUT', '/api/v1/session', {})).status, 405);
  const r = await fetch(`${srv.base}/does-not-exist`);
  assert.equal(r.status, 404);
});

test('static assets carry a content hash and a long cache lifetime', async () => {
  const page = await (await fetch(`${srv.base}/login`)).text();
  const href = page.match(/href="(\/static\/app\.[0-9a-f]+\.css)"/)[1];
  const r = await fetch(srv.base + href);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('cache-control'), /immutable/);
});

test('account: a wrong current password and a mismatch are named; a change ends all sessions', async () => {
  const c = await webAs(srv.base, 'community');
  const other = await webAs(srv.base, 'community');
  const page = await c.get('/account');
  assert.equal(page.status, 200);
  assert.match(page.text, /Mijn account/);
  const wrong = await c.post('/account/password', { current_password: 'nope', password: 'een lange nieuwe zin 2026', password_confirm: 'een lange nieuwe zin 2026' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.text, /Het huidige wachtwoord klopt niet/);
  const mismatch = await c.post('/account/password', { current_password: DEMO_PASSWORD, password: 'een lange nieuwe zin 2026', password_confirm: 'iets anders 123456' });
  assert.equal(mismatch.status, 400);
  assert.match(mismatch.text, /niet gelijk/);
  const weak = await c.post('/account/password', { current_password: DEMO_PASSWORD, password: 'kort', password_confirm: 'kort' });
  assert.equal(weak.status, 400);
  assert.match(weak.text, /minstens 12 tekens/);
  const ok = await c.post('/account/password', { current_password: DEMO_PASSWORD, password: 'een lange nieuwe zin 2026', password_confirm: 'een lange nieuwe zin 2026' });
  assert.equal(ok.status, 303);
  assert.equal((await other.get('/')).status, 303, 'the other session ended too');
  const api = new ApiClient(srv.base);
  assert.equal((await api.post('/api/v1/session', { username: USERS.community, password: DEMO_PASSWORD })).status, 401);
  assert.equal((await api.post('/api/v1/session', { username: USERS.community, password: 'een lange nieuwe zin 2026' })).status, 201);
});

test('account: log out everywhere ends browser sessions and API tokens', async () => {
  const a = await webAs(srv.base, 'worker2');
  const b = await webAs(srv.base, 'worker2');
  const api = await apiAs(srv.base, 'worker2');
  const r = await a.post('/account/logout-all');
  assert.equal(r.status, 303);
  assert.equal((await b.get('/')).status, 303);
  assert.equal((await api.get('/api/v1/me')).status, 401);
  const api2 = await apiAs(srv.base, 'worker2');
  assert.equal((await api2.delete('/api/v1/me/sessions')).status, 204);
  assert.equal((await api2.get('/api/v1/me')).status, 401);
});
