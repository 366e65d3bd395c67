// Test harness for HTTP and browser tests: starts the real wijkteam binary
// (the ASan/UBSan build) on a free loopback port with a fresh demo database,
// and offers login helpers per role. Each test file starts its own server.
import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = process.env.WIJKTEAM_BIN || join(root, 'build', 'san', 'wijkteam');
export const DEMO_PASSWORD = 'wijkteam-demo-2026';

// Demo users by role (see src/demo/demo.c).
export const USERS = {
  worker: 'sanne',          // social worker, team 1
  community: 'ahmed',       // community worker, team 1
  teamleader: 'marieke',    // team leader, team 1
  worker2: 'joost',         // another social worker, team 1
  admin: 'beheer',          // administrator: no case content
  policy: 'beleid',         // policy officer: aggregates only
};

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
    s.on('error', reject);
  });
}

const sanEnv = {
  ...process.env,
  ASAN_OPTIONS: 'detect_leaks=1:abort_on_error=1',
  UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1',
  WIJKTEAM_LOG: 'warn',
};

// Runs a CLI subcommand; returns stdout. Throws on a non-zero exit.
export function cli(args, input) {
  return execFileSync(BIN, args, { env: sanEnv, input, encoding: 'utf8' });
}

// Runs a CLI subcommand that may fail; returns { code, out, err }.
export function runCli(args, input = '') {
  const r = spawnSync(BIN, args, { env: sanEnv, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// PostgreSQL instead of SQLite when WIJKTEAM_TEST_PG is the URL of a server's database
// (scripts/pg-test.sh, make http-pg): each server gets a database of its own, dropped on stop.
export const PG = process.env.WIJKTEAM_TEST_PG || '';

function pgAdmin(sql) {
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', PG, '-c', sql], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// A fresh, empty database: a PostgreSQL URL or a SQLite file in dir.
export function freshDatabase(dir) {
  if (!PG) return { db: join(dir, 'test.db'), drop() {} };
  const name = `wt_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  pgAdmin(`CREATE DATABASE ${name}`);
  const u = new URL(PG);
  u.pathname = `/${name}`;
  return { db: u.toString(), drop() { pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } };
}

// Starts a server with a fresh demo database (residents: small for speed), or on the given
// database `db` as it is (left in place on stop).
export async function startServer({ residents = 400, extraArgs = [], db: given = '' } = {}) {
  if (!existsSync(BIN)) throw new Error(`build ${BIN} first (make build/san/wijkteam)`);
  const dir = mkdtempSync(join(tmpdir(), 'wijkteam-test-'));
  const fresh = given ? { db: given, drop() {} } : freshDatabase(dir);
  const { db } = fresh;
  if (!given) cli(['demo', '--db', db, '--residents', String(residents)]);
  const port = await freePort();
  const proc = spawn(BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, ...extraArgs],
    { env: sanEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { const r = await fetch(`${base}/healthz`); if (r.ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base, db, dir, proc,
    stderr: () => stderr,
    async stop() {
      proc.kill('SIGTERM');
      const code = await new Promise((resolve) => proc.on('exit', (c) => resolve(c)));
      rmSync(dir, { recursive: true, force: true });
      fresh.drop();
      // A sanitizer report or a crash makes the server exit non-zero.
      if (code !== 0) throw new Error(`server exited with ${code}:\n${stderr}`);
    },
  };
}

// A browser-like client: keeps the session cookie and the CSRF token.
export class WebClient {
  constructor(base) { this.base = base; this.cookie = ''; this.csrf = ''; }
  async get(path) {
    const r = await fetch(this.base + path, { headers: { Cookie: this.cookie }, redirect: 'manual' });
    const text = await r.text();
    const m = text.match(/name="_csrf" value="([^"]*)"/);
    if (m && m[1]) this.csrf = m[1];
    return { status: r.status, text, headers: r.headers };
  }
  async post(path, fields = {}, { csrf = true } = {}) {
    const body = new URLSearchParams();
    if (csrf) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) {
      if (Array.isArray(v)) v.forEach((x) => body.append(k, x)); else body.append(k, v);
    }
    const r = await fetch(this.base + path, {
      method: 'POST', body, redirect: 'manual',
      headers: { Cookie: this.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const sc = r.headers.get('set-cookie');
    if (sc) { const m = sc.match(/wt_session=([^;]*)/); if (m) this.cookie = m[1] ? `wt_session=${m[1]}` : ''; }
    return { status: r.status, text: await r.text(), headers: r.headers, location: r.headers.get('location') };
  }
  async login(username, password = DEMO_PASSWORD) {
    await this.get('/login');
    const r = await this.post('/login', { username, password }, { csrf: false });
    if (r.status !== 303) throw new Error(`login ${username} failed: ${r.status}`);
    await this.get('/');
    return this;
  }
}

export async function webAs(base, role) {
  return new WebClient(base).login(USERS[role] || role);
}

// An API client with a bearer token.
export class ApiClient {
  constructor(base, token) { this.base = base; this.token = token; }
  async req(method, path, body, headers = {}) {
    const h = { ...headers };
    if (this.token) h.Authorization = `Bearer ${this.token}`;
    let payload;
    if (body !== undefined) { h['Content-Type'] = h['Content-Type'] || 'application/json'; payload = typeof body === 'string' ? body : JSON.stringify(body); }
    const r = await fetch(this.base + path, { method, headers: h, body: payload });
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: r.status, json, text, headers: r.headers };
  }
  get(p) { return this.req('GET', p); }
  post(p, b) { return this.req('POST', p, b); }
  put(p, b) { return this.req('PUT', p, b); }
  patch(p, b) { return this.req('PATCH', p, b); }
  delete(p) { return this.req('DELETE', p); }
}

export async function apiAs(base, role) {
  const r = await new ApiClient(base).post('/api/v1/session', { username: USERS[role] || role, password: DEMO_PASSWORD });
  if (r.status !== 201) throw new Error(`api login ${role} failed: ${r.status} ${r.text}`);
  return new ApiClient(base, r.json.token);
}

// The current one-time code (RFC 6238: SHA-1, 6 digits, 30 s) for a base32 secret; offset in steps.
export function totp(secret, offset = 0) {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0, value = 0; const key = [];
  for (const ch of secret.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | abc.indexOf(ch); bits += 5;
    if (bits >= 8) { key.push((value >>> (bits - 8)) & 255); bits -= 8; }
  }
  const msg = Buffer.alloc(8); msg.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30) + offset));
  const mac = createHmac('sha1', Buffer.from(key)).update(msg).digest();
  const o = mac[19] & 15;
  return String((mac.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, '0');
}
