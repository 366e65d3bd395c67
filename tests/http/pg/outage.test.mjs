// Bad connections and a database that goes away. A wrong connection string, an unreachable or stopped
// database and a database of a newer schema version give a clear error and a non-zero exit; when
// PostgreSQL stops (cleanly or as in a crash) while the server runs, requests get 503 and the server
// recovers by itself when PostgreSQL is back. Runs a private PostgreSQL that the test stops and starts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, runCli, apiAs, webAs, ApiClient } from '../lib.mjs';
import { startCluster, psql, serve } from './cluster.mjs';

let cluster, dir;

before(async () => {
  cluster = await startCluster();
  dir = mkdtempSync(join(tmpdir(), 'wt-outage-'));
});
after(() => {
  cluster?.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a wrong connection string, an unknown database, an unreachable server: clear error, exit 1', () => {
  const cases = [
    [['init', '--db', 'postgresql://postgres@127.0.0.1:1/wijkteam'], /cannot connect to PostgreSQL: .*(refused|127\.0\.0\.1)/],
    [['init', '--db', 'postgresql://postgres@127.0.0.1:5432:9/x'], /invalid PostgreSQL URL|cannot connect to PostgreSQL/],
    [['init', '--db', 'postgresql://postgres@127.0.0.1/x?nonsense=1'], /invalid PostgreSQL URL: .*nonsense/],
    [['init', '--db', cluster.url.replace(/\/postgres$/, '/no_such_db')], /cannot connect to PostgreSQL: .*database "no_such_db" does not exist/],
    [['serve', '--db', 'postgresql://postgres@127.0.0.1:1/wijkteam', '--listen', '127.0.0.1:0'], /cannot connect to PostgreSQL/],
    [['init', '--db', join(dir, 'no', 'such', 'dir.db')], /cannot open SQLite database .*dir\.db/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(args);
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, message, args.join(' '));
    assert.doesNotMatch(r.err, /AddressSanitizer|runtime error/);
  }
});

test('a database of a newer schema version is refused, on PostgreSQL and on SQLite', () => {
  const pg = cluster.database('newer');
  const file = join(dir, 'newer.db');
  for (const db of [pg, file]) {
    assert.match(cli(['init', '--db', db]), /schema at version \d+/);
    const insert = "INSERT INTO schema_migration (version, name, applied_at) VALUES (9999, 'future', '2030-01-01T00:00:00Z')";
    if (db === pg) psql(pg, insert); else execFileSync('sqlite3', [file, insert]);
    for (const cmd of [['init'], ['serve', '--listen', '127.0.0.1:0'], ['user', 'list']]) {
      const r = runCli([...cmd, '--db', db]);
      assert.equal(r.code, 1, `${cmd[0]} on ${db}`);
      assert.match(r.err, /the database has schema version 9999, newer than this program knows \(\d+\): upgrade wijkteam/);
    }
  }
});

async function until(what, fn) {
  for (let i = 0; i < 100; i++) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('PostgreSQL stops while serving: 503 on pages and API, then the server recovers by itself', async () => {
  const db = cluster.database('outage');
  cli(['demo', '--db', db, '--residents', '50']);
  const srv = await serve(db);
  try {
    const api = await apiAs(srv.base, 'worker');
    const web = await webAs(srv.base, 'worker');
    assert.equal((await api.get('/api/v1/me')).status, 200);
    const body = (n) => ({ name: `Huishouden ${n}`, address: { postcode: '8924 CD', house_number: String(n), street: 'Schieringerweg', town: 'Leeuwarden' },
      members: [{ given_name: 'Jan', family_name: `Tuin ${n}`, birth_date: '1970-03-04' }] });

    for (const [round, mode] of [[1, 'fast'], [2, 'immediate']]) {
      cluster.stop(mode);
      const me = await api.get('/api/v1/me');
      assert.equal(me.status, 503, `API read while stopped (${mode}): ${me.text}`);
      assert.equal(me.json.error, 'unavailable');
      const write = await api.post('/api/v1/households', body(round));
      assert.equal(write.status, 503, `API write while stopped (${mode})`);
      const page = await web.get('/');
      assert.equal(page.status, 503, `page while stopped (${mode})`);
      assert.match(page.text, /De database is tijdelijk niet bereikbaar/);
      const login = await new ApiClient(srv.base).post('/api/v1/session', { username: 'sanne', password: 'wijkteam-demo-2026' });
      assert.equal(login.status, 503, 'login while stopped');
      const stopped = runCli(['user', 'list', '--db', db]);
      assert.equal(stopped.code, 1, 'the CLI on a stopped database');
      assert.match(stopped.err, /cannot connect to PostgreSQL/);

      cluster.start();
      // No restart of wijkteam: the same sessions work again, reads and writes.
      await until('the API to answer again', async () => (await api.get('/api/v1/me')).status === 200);
      assert.equal((await web.get('/')).status, 200, 'the page session survived');
      const again = await api.post('/api/v1/households', body(round + 10));
      assert.equal(again.status, 201, again.text);
    }
    assert.match(cli(['audit', 'verify', '--db', db]), /audit trail intact/);
    assert.doesNotMatch(srv.stderr(), /Sanne|Tuin|wijkteam-demo-2026/, 'no personal data in the log');
  } finally { await srv.stop(); }
});
