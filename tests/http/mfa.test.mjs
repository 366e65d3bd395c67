// The optional second factor: enrol on "Mijn account", log in with a code, API clients too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, webAs, WebClient, ApiClient, USERS, DEMO_PASSWORD, cli, totp } from './lib.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

test('enrol, then a login asks for the code; wrong and replayed codes are refused', async () => {
  const c = await webAs(srv.base, 'teamleader');
  assert.match((await c.get('/account')).text, /Tweestapsverificatie aanzetten/);
  assert.equal((await c.post('/account/mfa/begin')).status, 303);
  const page = await c.get('/account');
  const secret = page.text.match(/<code class="wt-secret">([A-Z2-7]+)<\/code>/)[1];
  assert.match(page.text, /<svg[^>]*role="img"/);
  const bad = await c.post('/account/mfa/confirm', { code: '000000' === totp(secret) ? '111111' : '000000' });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /Deze code klopt niet/);
  const ok = await c.post('/account/mfa/confirm', { code: totp(secret) });
  assert.equal(ok.status, 303);
  assert.match((await c.get('/account')).text, /Tweestapsverificatie uitzetten/);

  // Password alone is no longer enough.
  const w = new WebClient(srv.base);
  const step1 = await w.post('/login', { username: USERS.teamleader, password: DEMO_PASSWORD }, { csrf: false });
  assert.equal(step1.status, 200);
  assert.match(step1.text, /Code invullen/);
  assert.equal(step1.headers.get('set-cookie'), null, 'no session before the code');
  const pending = step1.text.match(/name="pending" value="([^"]+)"/)[1];
  const wrong = await w.post('/login/code', { pending, code: '12345x' }, { csrf: false });
  assert.equal(wrong.status, 401);
  // The code used for enrolment cannot be replayed; the next step's code works.
  const good = await w.post('/login/code', { pending, code: totp(secret, 1) }, { csrf: false });
  assert.equal(good.status, 303);
  assert.equal((await w.get('/')).status, 200);
  const replay = await new WebClient(srv.base).post('/login/code', { pending, code: totp(secret, 1) }, { csrf: false });
  assert.equal(replay.status, 401, 'a pending login is used once');

  // API clients send the code with the password.
  const api = new ApiClient(srv.base);
  const noCode = await api.post('/api/v1/session', { username: USERS.teamleader, password: DEMO_PASSWORD });
  assert.equal(noCode.status, 401);
  assert.equal(noCode.json.error, 'totp_required');
  const badCode = await api.post('/api/v1/session', { username: USERS.teamleader, password: DEMO_PASSWORD, totp: '999999' === totp(secret) ? '888888' : '999999' });
  assert.equal(badCode.status, 401);

  // Switching off needs the password.
  const offBad = await c.post('/account/mfa/disable', { mfa_password: 'wrong' });
  assert.equal(offBad.status, 400);
  assert.match(offBad.text, /Het wachtwoord klopt niet/);
  assert.equal((await c.post('/account/mfa/disable', { mfa_password: DEMO_PASSWORD })).status, 303);
  assert.equal((await api.post('/api/v1/session', { username: USERS.teamleader, password: DEMO_PASSWORD })).status, 201);
});

test('a pending login allows five codes, then it is over', async () => {
  const c = await webAs(srv.base, 'worker2');
  await c.post('/account/mfa/begin');
  const secret = (await c.get('/account')).text.match(/<code class="wt-secret">([A-Z2-7]+)<\/code>/)[1];
  assert.equal((await c.post('/account/mfa/confirm', { code: totp(secret) })).status, 303);
  const w = new WebClient(srv.base);
  const step1 = await w.post('/login', { username: USERS.worker2, password: DEMO_PASSWORD }, { csrf: false });
  const pending = step1.text.match(/name="pending" value="([^"]+)"/)[1];
  for (let i = 0; i < 5; i++) assert.equal((await w.post('/login/code', { pending, code: '000001' }, { csrf: false })).status, 401);
  const late = await w.post('/login/code', { pending, code: totp(secret, 1) }, { csrf: false });
  assert.equal(late.status, 401);
  assert.match(late.text, /Log opnieuw in/);
  // The administrator's console resets a lost phone.
  cli(['user', 'totp-reset', '--db', srv.db, '--username', USERS.worker2]);
  const again = await w.post('/login', { username: USERS.worker2, password: DEMO_PASSWORD }, { csrf: false });
  assert.equal(again.status, 303);
});
