// Crash safety: the server is killed with SIGKILL at random moments during a
// write load, many times. After each restart every write it had acknowledged
// must be there, and the database must pass its integrity check.
// The writes are logins: each 201 answer carries a token whose session row
// (and audit row) the server says it committed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { BIN, cli, USERS, DEMO_PASSWORD } from './lib.mjs';

const ROUNDS = Number(process.env.CRASH_ROUNDS || 8);

async function freePort() {
  return new Promise((resolve) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
}

async function boot(db, port) {
  const proc = spawn(BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`],
    { stdio: 'ignore', env: { ...process.env, WIJKTEAM_LOG: 'warn', ASAN_OPTIONS: 'detect_leaks=0' } });
  // Listen for the exit now: it may come before anyone waits for it.
  proc.exited = new Promise((r) => proc.on('exit', r));
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return proc; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not start');
}

test(`SIGKILL during writes, ${ROUNDS} times: every acknowledged write survives`, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'wt-crash-'));
  const db = join(dir, 'crash.db');
  cli(['demo', '--db', db, '--residents', '100']);
  const acked = [];
  const names = [USERS.worker, USERS.worker2, USERS.teamleader, USERS.community];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const port = await freePort();
      const proc = await boot(db, port);
      let stop = false;
      const worker = async (k) => {
        while (!stop) {
          try {
            const r = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
              method: 'POST', headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ username: names[k % names.length], password: DEMO_PASSWORD }),
            });
            if (r.status === 201) acked.push({ token: (await r.json()).token, round });
          } catch { /* the server died under us: fine */ }
        }
      };
      const load = [0, 1, 2, 3].map(worker);
      // Kill at a random moment after the first write of this round was acknowledged
      // (not after a fixed time: on a busy machine that can come before any write).
      const before = acked.length;
      for (let i = 0; i < 400 && acked.length === before; i++) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 350)));
      proc.kill('SIGKILL');
      stop = true;
      await Promise.all(load);
      await proc.exited;
    }
    assert.ok(acked.length > 0, 'the load acknowledged writes');
    assert.equal(execFileSync('sqlite3', [db, 'PRAGMA integrity_check'], { encoding: 'utf8' }).trim(), 'ok');
    const port = await freePort();
    const proc = await boot(db, port);
    let lost = 0;
    for (const { token } of acked) {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
      if (r.status !== 200) lost++;
    }
    proc.kill('SIGTERM');
    await proc.exited;
    t.diagnostic(`${acked.length} acknowledged writes over ${ROUNDS} kills, ${lost} lost`);
    assert.equal(lost, 0, `${lost} of ${acked.length} acknowledged logins were lost`);
    assert.match(cli(['audit', 'verify', '--db', db]), /audit trail intact/);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
