// A disk that is full (simulated with a file-size limit, RLIMIT_FSIZE, which needs no privileges):
// wijkteam migrate stops with a clear message and leaves nothing half-copied; a server whose files cannot
// grow answers 503 with a Dutch message, writes nothing half, keeps running, and goes on by itself
// once there is room again. SQLite only: PostgreSQL's own disk is the PostgreSQL server's business.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, cli, freePort, apiAs } from './lib.mjs';

function sqlite(db, q) {
  return execFileSync('sqlite3', [db, q], { encoding: 'utf8' }).trim();
}

// Runs the binary with files limited to `bytes`; SIGXFSZ ignored, so a write past it fails with EFBIG
// as it would with ENOSPC on a full disk.
function limited(bytes, args) {
  return ['-c', 'trap "" XFSZ; exec prlimit --fsize="$0" -- "$@"', String(bytes), BIN, ...args];
}

test('migrate onto a full disk: a clear error, exit 1, nothing copied', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wt-full-'));
  try {
    const src = join(dir, 'src.db'), dst = join(dir, 'dst.db');
    cli(['demo', '--db', src, '--residents', '50']);
    // Enough rows that the copy needs more room than the schema alone.
    sqlite(src, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8000) INSERT INTO login_failure SELECT printf('k%06d-%s', i, hex(randomblob(40))), 1, 0 FROM n");
    cli(['init', '--db', dst]);
    const size = Number(execFileSync('stat', ['-c', '%s', dst], { encoding: 'utf8' }));
    let r;
    try {
      execFileSync('sh', limited(size + 200000, ['migrate', '--from', src, '--to', dst]), { encoding: 'utf8', stdio: 'pipe', env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
      assert.fail('migrate succeeded on a full disk');
    } catch (e) { r = e; }
    assert.equal(r.status, 1, r.stderr);
    // Which table meets the full disk depends on the size of the others (the social map, the demo).
    assert.match(r.stderr, /(writing table \w+ to the target|the commit on the target) failed: .*the disk is full/);
    assert.match(r.stderr, /no data was copied/);
    assert.equal(sqlite(dst, 'SELECT COUNT(*) FROM login_failure'), '0');
    assert.equal(sqlite(dst, 'SELECT COUNT(*) FROM app_user'), '0');
    assert.equal(sqlite(dst, 'PRAGMA integrity_check'), 'ok');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('the server on a full disk: 503, nothing half-written, no crash; it goes on when there is room', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wt-full-'));
  const db = join(dir, 'team.db');
  cli(['demo', '--db', db, '--residents', '50']);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const proc = spawn('sh', ['-c', 'trap "" XFSZ; exec "$@"', 'sh', BIN, 'serve', '--db', db, '--listen', `127.0.0.1:${port}`],
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, WIJKTEAM_LOG: 'warn', ASAN_OPTIONS: 'detect_leaks=0' } });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((r) => proc.on('exit', (code) => r(code)));
  try {
    for (let i = 0; i < 200; i++) {
      try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* starting */ }
      await new Promise((r) => setTimeout(r, 50));
    }
    const api = await apiAs(base, 'worker');
    const body = (n) => ({ name: `Huishouden ${n}`, address: { postcode: '8924 CD', house_number: String(n), street: 'Schieringerweg', town: 'Leeuwarden' },
      members: [{ given_name: 'Jan', family_name: `Vol ${n}`, birth_date: '1970-03-04' }] });
    const first = await api.post('/api/v1/households', body(1));
    assert.equal(first.status, 201, first.text);
    const households = sqlite(db, 'SELECT COUNT(*) FROM household');

    // The disk fills up: no file may grow any more (the soft limit, which the process may raise again).
    execFileSync('prlimit', ['--pid', String(proc.pid), '--fsize=1:']);
    const write = await api.post('/api/v1/households', body(2));
    assert.equal(write.status, 503, write.text);
    assert.equal(write.json.error, 'unavailable');
    const read = await api.get(`/api/v1/households/${first.json.id}`);
    assert.equal(read.status, 503, 'a read whose audit entry cannot be written is not answered');
    assert.equal((await fetch(`${base}/healthz`)).status, 200, 'the server still runs');
    assert.equal(sqlite(db, 'SELECT COUNT(*) FROM household'), households, 'nothing half-written');

    // Room again: the same server goes on.
    execFileSync('prlimit', ['--pid', String(proc.pid), '--fsize=unlimited:']);
    const again = await api.post('/api/v1/households', body(3));
    assert.equal(again.status, 201, again.text);
    assert.equal((await api.get(`/api/v1/households/${first.json.id}`)).status, 200);
    assert.match(cli(['audit', 'verify', '--db', db]), /audit trail intact/);
    assert.match(stderr, /commit failed|audit write failed/, 'the operator sees why');
    assert.doesNotMatch(stderr, /Vol \d|Schieringerweg/, 'no personal data in the log');
  } finally {
    proc.kill('SIGTERM');
    const code = await exited;
    rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0, stderr);
  }
});
