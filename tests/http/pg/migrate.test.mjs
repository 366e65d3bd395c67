// wijkteam migrate: a team's SQLite database to PostgreSQL and back, every table in one transaction on the
// target with a count check per table; refusals (non-empty target, schema version mismatch, bad source or
// URL) and a failure halfway leave the target without data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, runCli, apiAs } from '../lib.mjs';
import { sharedDatabase, psql, serve } from './cluster.mjs';
import { seed } from './seed.mjs';

let dir, src;
const dbs = [];

function sqlite(db, q) {
  return execFileSync('sqlite3', [db, q], { encoding: 'utf8' }).trim();
}
function tables(db) {
  return sqlite(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migration' ORDER BY name").split('\n');
}
function target() {
  const d = sharedDatabase();
  dbs.push(d);
  return d.url;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wt-migrate-'));
  src = join(dir, 'team.db');
  cli(['demo', '--db', src, '--residents', '100']);
  const srv = await serve(src);
  await seed(srv.base);
  await srv.stop();
});

after(() => {
  for (const d of dbs) d.drop();
  rmSync(dir, { recursive: true, force: true });
});

test('SQLite to PostgreSQL and back: every table, counts checked, the same rows; the copy serves', async () => {
  const pg = target();
  const r = runCli(['migrate', '--from', `sqlite:${src}`, '--to', pg]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /every count matches/);
  assert.match(r.err, /copying +0%/, 'a progress bar on stderr');
  assert.match(r.err, /copying 100%/);
  for (const t of tables(src)) {
    const n = sqlite(src, `SELECT COUNT(*) FROM "${t}"`);
    assert.equal(psql(pg, `SELECT COUNT(*) FROM "${t}"`), n, `rows of ${t}`);
    assert.match(r.out, new RegExp(`^${t} +${n} +${n}$`, 'm'), `count check of ${t} reported`);
  }
  assert.ok(Number(sqlite(src, 'SELECT COUNT(*) FROM contact')) > 0, 'the source has contacts to copy');

  // Back to a new SQLite file: every row of every table as it was.
  const back = join(dir, 'back.db');
  const b = runCli(['migrate', '--from', pg, '--to', `sqlite:${back}`]);
  assert.equal(b.code, 0, b.err);
  for (const t of tables(src)) assert.equal(sqlite(back, `SELECT * FROM "${t}" ORDER BY 1`), sqlite(src, `SELECT * FROM "${t}" ORDER BY 1`), `table ${t}`);
  assert.match(cli(['audit', 'verify', '--db', pg]), /audit trail intact/);
  assert.match(cli(['audit', 'verify', '--db', back]), /audit trail intact/);

  // The server runs on the copy; new rows get new ids (the identity sequences moved past the copied ones).
  const srv = await serve(pg);
  try {
    const api = await apiAs(srv.base, 'worker');
    const list = await api.get('/api/v1/households?q=Çelik');
    assert.equal(list.status, 200, list.text);
    assert.ok(list.json.items.some((x) => x.name === "Huishouden Çelik-Øster 3"), list.text);
    const h = await api.post('/api/v1/households', {
      name: 'Na de verhuizing', address: { postcode: '8924 CE', house_number: '99', street: 'Schieringerweg', town: 'Leeuwarden' },
      members: [{ given_name: 'Nieuw', family_name: 'Lid', birth_date: '1990-01-01' }],
    });
    assert.equal(h.status, 201, h.text);
    assert.ok(h.json.id > Number(sqlite(src, 'SELECT MAX(id) FROM household')));
  } finally { await srv.stop(); }
});

test('refused with a clear message, the target untouched: non-empty target, schema mismatch, bad source or URL', () => {
  const pg = target();
  assert.equal(runCli(['migrate', '--from', `sqlite:${src}`, '--to', pg]).code, 0);
  const users = psql(pg, 'SELECT COUNT(*) FROM app_user');
  const again = runCli(['migrate', '--from', `sqlite:${src}`, '--to', pg]);
  assert.equal(again.code, 1);
  assert.match(again.err, /the target database is not empty/);
  assert.equal(psql(pg, 'SELECT COUNT(*) FROM app_user'), users);

  const newer = join(dir, 'newer.db');
  copyFileSync(src, newer);
  sqlite(newer, "INSERT INTO schema_migration (version, name, applied_at) VALUES (9999, 'future', '2030-01-01T00:00:00Z')");
  const n = runCli(['migrate', '--from', `sqlite:${newer}`, '--to', target()]);
  assert.equal(n.code, 1);
  assert.match(n.err, /schema version 9999, newer than this program/);

  const older = join(dir, 'older.db');
  copyFileSync(src, older);
  sqlite(older, 'DELETE FROM schema_migration WHERE version = (SELECT MAX(version) FROM schema_migration)');
  const o = runCli(['migrate', '--from', `sqlite:${older}`, '--to', target()]);
  assert.equal(o.code, 1);
  assert.match(o.err, /schema version mismatch: the source lacks migration \d{4}_\w+ .*wijkteam init/);

  const missing = runCli(['migrate', '--from', `sqlite:${join(dir, 'nope.db')}`, '--to', target()]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /nope\.db does not exist/);

  const refused = runCli(['migrate', '--from', `sqlite:${src}`, '--to', 'postgresql://postgres@127.0.0.1:1/wijkteam']);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /target: cannot connect to PostgreSQL/);
  const bad = runCli(['migrate', '--from', `sqlite:${src}`, '--to', 'postgresql://x@/db?sslmode=bogus']);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /target: (invalid PostgreSQL URL|cannot connect to PostgreSQL)/);
  assert.equal(runCli(['migrate', '--from', `sqlite:${src}`]).code, 2);
});

test('a failure halfway rolls the whole copy back', () => {
  const broken = join(dir, 'broken.db');
  copyFileSync(src, broken);
  // SQLite keeps text in a REAL column; PostgreSQL refuses it: the copy fails at the address table,
  // after the teams, users and audit rows were copied in the same transaction.
  sqlite(broken, "UPDATE address SET lat = 'not a number' WHERE id = (SELECT MAX(id) FROM address)");
  const pg = target();
  const r = runCli(['migrate', '--from', `sqlite:${broken}`, '--to', pg]);
  assert.equal(r.code, 1);
  assert.match(r.err, /writing table address to the target failed: invalid input syntax for type double precision/);
  assert.match(r.err, /no data was copied/);
  for (const t of ['team', 'app_user', 'audit', 'address', 'household', 'person'])
    assert.equal(psql(pg, `SELECT COUNT(*) FROM "${t}"`), '0', `nothing left in ${t}`);
  // Fixed, the same target takes the copy.
  sqlite(broken, 'UPDATE address SET lat = NULL WHERE id = (SELECT MAX(id) FROM address)');
  assert.equal(runCli(['migrate', '--from', `sqlite:${broken}`, '--to', pg]).code, 0);
});
