// The server's hardening (issue 7.5): session expiry when idle (30 minutes) and at most 12 hours after login,
// tested by ageing the session's timestamps in the database (no waiting); the header-count limit (431); the
// session cookie is Secure when the server runs TLS itself (a self-signed certificate made by openssl here);
// common passwords refused; login throttling per address across accounts (last: it locks the address out).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import https from 'node:https';
import { startServer, webAs, apiAs, WebClient, ApiClient, USERS, DEMO_PASSWORD, BIN, freePort, cli, freshDatabase } from './lib.mjs';
import { sql } from './case-lib.mjs';

let srv;
before(async () => { srv = await startServer({ residents: 60 }); });
after(async () => { await srv.stop(); });

const HOUR = 3600;

// Moves the timestamps of every session of this user back by the given seconds.
function age(username, kind, { created = 0, lastSeen = 0 }) {
  sql(srv.db, `UPDATE session SET created_at = created_at - ${created}, last_seen = last_seen - ${lastSeen}`
    + ` WHERE kind = '${kind}' AND user_id = (SELECT id FROM app_user WHERE username = '${username}')`);
}

test('a web session idle for more than 30 minutes has ended; at 29 minutes it goes on', async () => {
  const c = await webAs(srv.base, 'worker2');
  age(USERS.worker2, 'web', { lastSeen: 29 * 60 });
  assert.equal((await c.get('/')).status, 200, 'still within the idle time');
  age(USERS.worker2, 'web', { lastSeen: 31 * 60 });
  const r = await c.get('/');
  assert.equal(r.status, 303);
  assert.match(r.headers.get('location'), /^\/login/);
});

test('a web session ends 12 hours after login even when it was used all the time', async () => {
  const c = await webAs(srv.base, 'community');
  age(USERS.community, 'web', { created: 11 * HOUR });
  assert.equal((await c.get('/')).status, 200, 'eleven hours: still valid');
  age(USERS.community, 'web', { created: HOUR + 60 });
  const r = await c.get('/');
  assert.equal(r.status, 303, 'past twelve hours, though last seen just now');
});

test('API tokens expire the same way (401)', async () => {
  const api = await apiAs(srv.base, 'admin');
  assert.equal((await api.get('/api/v1/me')).status, 200);
  age(USERS.admin, 'api', { lastSeen: 31 * 60 });
  assert.equal((await api.get('/api/v1/me')).status, 401);
  const api2 = await apiAs(srv.base, 'admin');
  age(USERS.admin, 'api', { created: 12 * HOUR + 60 });
  assert.equal((await api2.get('/api/v1/me')).status, 401);
});

test('more than 100 request headers are refused with 431', async () => {
  const many = {};
  for (let i = 0; i < 120; i++) many[`X-Extra-${i}`] = 'x';
  const r = await fetch(`${srv.base}/healthz`, { headers: many });
  assert.equal(r.status, 431);
  const some = {};
  for (let i = 0; i < 80; i++) some[`X-Extra-${i}`] = 'x';
  assert.equal((await fetch(`${srv.base}/healthz`, { headers: some })).status, 200);
});

test('without TLS the cookie is not Secure unless a proxy says the browser used https', async () => {
  const plain = await new WebClient(srv.base).post('/login', { username: USERS.teamleader, password: DEMO_PASSWORD }, { csrf: false });
  assert.doesNotMatch(plain.headers.get('set-cookie'), /Secure/);
  const r = await fetch(`${srv.base}/login`, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-Proto': 'https' },
    body: new URLSearchParams({ username: USERS.teamleader, password: DEMO_PASSWORD }),
  });
  assert.match(r.headers.get('set-cookie'), /; Secure/);
});

test('a common password from the list is refused when a user changes his password', async () => {
  const api = await apiAs(srv.base, 'worker');
  const r = await api.put('/api/v1/me/password', { current_password: DEMO_PASSWORD, password: '1qaz2wsx3edc' });
  assert.equal(r.status, 400, r.text);
  assert.match(JSON.stringify(r.json.fields), /te bekend/);
  const upper = await api.put('/api/v1/me/password', { current_password: DEMO_PASSWORD, password: 'PASSWORD1234' });
  assert.equal(upper.status, 400, 'case-insensitive');
});

// HTTPS with a certificate made here: the answer comes over TLS and the session cookie is Secure.
function httpsRequest(port, ca, path, { method = 'GET', body } = {}) {
  return new Promise((resolve, reject) => {
    const req = https.request({
      host: '127.0.0.1', port, path, method, ca, servername: 'localhost',
      headers: body ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } : {},
    }, (res) => {
      const cipher = res.socket?.getCipher?.();
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text, cipher }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

test('with --tls-cert/--tls-key the server answers over HTTPS and the session cookie is Secure', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wijkteam-tls-'));
  const fresh = freshDatabase(dir);
  let proc;
  let stderr = '';
  try {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
    { stdio: 'ignore' });
    cli(['demo', '--db', fresh.db, '--residents', '20']);
    const port = await freePort();
    proc = spawn(BIN, ['serve', '--db', fresh.db, '--listen', `127.0.0.1:${port}`, '--tls-cert', cert, '--tls-key', key],
      { env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    proc.stderr.on('data', (d) => { stderr += d; });
    const ca = readFileSync(cert);
    let health;
    for (let i = 0; i < 100 && !health; i++) {
      try { health = await httpsRequest(port, ca, '/healthz'); } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    assert.ok(health, `the server did not answer over HTTPS: ${stderr}`);
    assert.equal(health.status, 200);
    assert.ok(health.cipher?.name, 'a TLS connection');
    const login = await httpsRequest(port, ca, '/login', {
      method: 'POST', body: new URLSearchParams({ username: USERS.worker, password: DEMO_PASSWORD }).toString(),
    });
    assert.equal(login.status, 303);
    const cookie = [].concat(login.headers['set-cookie'])[0];
    assert.match(cookie, /wt_session=[^;]+;/);
    assert.match(cookie, /; Secure/);
    assert.match(cookie, /HttpOnly/);
    assert.match(login.headers['content-security-policy'] || '', /frame-ancestors 'none'/);
    // plain HTTP on the TLS port gets no page
    const plain = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status, () => 'refused');
    assert.notEqual(plain, 200);
  } finally {
    if (proc) {
      proc.kill('SIGTERM');
      const code = await new Promise((r) => proc.on('exit', r));
      assert.equal(code, 0, `the TLS server exits cleanly: ${stderr}`);
    }
    rmSync(dir, { recursive: true, force: true });
    fresh.drop();
  }
});

// Last: the address is locked out afterwards.
test('failures from one address across many accounts slow that address down (429), also for a right password', async () => {
  const c = new WebClient(srv.base);
  let first429 = 0;
  for (let i = 1; i <= 40 && !first429; i++) {
    const r = await c.post('/login', { username: `nobody-${i}`, password: 'x'.repeat(12) }, { csrf: false });
    if (r.status === 429) first429 = i;
    else assert.equal(r.status, 401, `attempt ${i}`);
  }
  assert.ok(first429 > 30, `30 failures from an address are free, then it is slowed down (429 at attempt ${first429})`);
  const right = await new ApiClient(srv.base).post('/api/v1/session', { username: USERS.worker, password: DEMO_PASSWORD });
  assert.equal(right.status, 429, 'another account with its right password, from the same address');
  assert.ok(Number(right.headers.get('retry-after')) >= 1);
});
