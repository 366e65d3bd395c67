// wijkteam backup (online, consistent) and wijkteam restore, on the backend the suite runs on (SQLite in
// `make http`, PostgreSQL in `make http-pg`): a backup taken during a write load restores into an empty
// database that passes its integrity check; every write acknowledged before the backup began is in it,
// none acknowledged after it ended. A damaged backup and a non-empty target are refused, leaving nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, mkdirSync, rmSync, existsSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, PG, USERS, DEMO_PASSWORD, cli, runCli, startServer, freshDatabase } from './lib.mjs';

const run = promisify(execFile);

function noTables(db) {
  if (!PG) return !existsSync(db) || execFileSync('sqlite3', [db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"], { encoding: 'utf8' }).trim() === '0';
  return execFileSync('psql', ['-X', '-A', '-t', '-d', db, '-c', "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'"], { encoding: 'utf8' }).trim() === '0';
}

async function until(what, fn) {
  for (let i = 0; i < 2400; i++) { // up to two minutes: logins (Argon2id) under ASan on a busy machine are slow
    if (fn()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function valid(base, token) {
  return (await fetch(`${base}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } })).status;
}

test('an online backup during writes restores completely and consistently; damaged backups are refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wt-backup-'));
  const srv = await startServer({ residents: 100 });
  const sub = (name) => { mkdirSync(join(dir, name)); return join(dir, name); };
  const restored = freshDatabase(sub('restored')), damagedTarget = freshDatabase(sub('damaged'));
  let copy;
  let stop = false;
  try {
    // The write load: logins, each a session row and an audit row the server says it committed.
    const acked = [];
    const names = [USERS.worker, USERS.worker2, USERS.teamleader, USERS.community];
    const load = names.map(async (username) => {
      while (!stop) {
        try {
          const r = await fetch(`${srv.base}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
          if (r.status === 201) acked.push((await r.json()).token);
        } catch (e) { if (!stop) throw e; }
      }
    });
    await until('writes before the backup', () => acked.length >= 4);
    const before = acked.length;
    const file = join(dir, PG ? 'wijkteam.dump' : 'wijkteam-backup.db');
    const { stdout } = await run(BIN, ['backup', '--db', srv.db, '--to', file], { env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
    assert.match(stdout, /backup written/);
    const ended = acked.length;
    // A request in flight when the backup ended may have committed before its snapshot: one per writer.
    await until('writes after the backup', () => acked.length >= ended + 2 * names.length);
    stop = true;
    await Promise.all(load);
    
    const r = runCli(['restore', '--from', file, '--db', restored.db]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /restore: integrity ok, schema version \d+, audit trail intact: \d+ entries/);
    assert.match(cli(['check', '--db', restored.db]), /check: integrity ok/);
    if (!PG) assert.equal(execFileSync('sqlite3', [restored.db, 'PRAGMA integrity_check'], { encoding: 'utf8' }).trim(), 'ok');

    const back = await startServer({ db: restored.db });
    try {
      for (const token of acked.slice(0, before)) assert.equal(await valid(back.base, token), 200, 'a write acknowledged before the backup');
      for (const token of acked.slice(ended + names.length)) assert.equal(await valid(back.base, token), 401, 'a write acknowledged after the backup');
    } finally { await back.stop(); }

    // Into a database that holds data: refused.
    const full = runCli(['restore', '--from', file, '--db', srv.db]);
    assert.equal(full.code, 1);
    assert.match(full.err, /the target database is not empty/);
    // A damaged (truncated) backup: refused, the target left without tables.
    copy = join(dir, PG ? 'damaged.dump' : 'damaged.db');
    writeFileSync(copy, readFileSync(file).subarray(0, Math.floor(statSync(file).size / 2)));
    const bad = runCli(['restore', '--from', copy, '--db', damagedTarget.db]);
    assert.equal(bad.code, 1, bad.out);
    assert.match(bad.err, PG ? /pg_restore failed.*the target is left empty/ : /the backup is damaged/);
    assert.ok(noTables(damagedTarget.db), 'nothing half-restored');
    const junk = join(dir, 'junk.txt');
    writeFileSync(junk, 'not a backup');
    assert.match(runCli(['restore', '--from', junk, '--db', damagedTarget.db]).err, /neither a SQLite backup nor a pg_dump archive/);
  } finally {
    stop = true;
    await srv.stop();
    restored.drop();
    damagedTarget.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
