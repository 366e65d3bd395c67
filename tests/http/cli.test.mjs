// The command line: init, users, teams, backup, audit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, cli } from './lib.mjs';

function run(args, input = '') {
  const r = spawnSync(BIN, args, { input, encoding: 'utf8', env: { ...process.env, WIJKTEAM_LOG: 'warn' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function sql(db, q) {
  return execFileSync('sqlite3', [db, q], { encoding: 'utf8' }).trim();
}

test('--help and --version; an unknown command exits 2', () => {
  assert.match(run(['--help']).out, /usage: wijkteam COMMAND/);
  assert.match(run(['--version']).out, /^wijkteam /);
  const r = run(['frobnicate']);
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown command/);
});

test('init, team add, user add with a password from stdin; bad input named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wt-cli-'));
  const db = join(dir, 'x.db');
  try {
    assert.match(run(['init', '--db', db]).out, /schema at version \d+/);
    assert.match(run(['team', 'add', '--db', db, '--name', 'Noord', '--municipality', 'Leeuwarden']).out, /team created with id 1/);
    const noName = run(['team', 'add', '--db', db, '--municipality', 'Leeuwarden']);
    assert.equal(noName.code, 1);
    assert.match(noName.err, /name: Vul de naam van het team in/);
    const weak = run(['user', 'add', '--db', db, '--username', 'jan', '--name', 'Jan', '--role', 'worker', '--team', '1'], 'kort\n');
    assert.equal(weak.code, 1);
    assert.match(weak.err, /password: .*12 tekens/);
    assert.equal(sql(db, 'SELECT COUNT(*) FROM app_user'), '0', 'nothing half-written');
    const ok = run(['user', 'add', '--db', db, '--username', 'jan', '--name', 'Jan', '--role', 'worker', '--team', '1'], 'een goede lange zin\n');
    assert.equal(ok.code, 0, ok.err);
    assert.match(run(['user', 'list', '--db', db]).out, /jan\tworker\tNoord/);
    assert.equal(run(['user', 'disable', '--db', db, '--username', 'jan']).code, 0);
    assert.match(run(['user', 'list', '--db', db]).out, /disabled/);
    assert.equal(run(['user', 'passwd', '--db', db, '--username', 'nobody'], 'x\n').code, 1);
    const noTeam = run(['user', 'add', '--db', db, '--username', 'piet', '--role', 'worker'], 'een goede lange zin\n');
    assert.match(noTeam.err, /team_id: /);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('backup makes a consistent copy and refuses to overwrite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wt-cli-'));
  const db = join(dir, 'x.db');
  const copy = join(dir, 'copy.db');
  try {
    cli(['demo', '--db', db, '--residents', '200']);
    assert.match(run(['backup', '--db', db, '--to', copy]).out, /backup written/);
    assert.ok(existsSync(copy));
    for (const t of ['app_user', 'audit', 'team']) assert.equal(sql(copy, `SELECT COUNT(*) FROM ${t}`), sql(db, `SELECT COUNT(*) FROM ${t}`));
    assert.equal(sql(copy, 'PRAGMA integrity_check'), 'ok');
    assert.equal(run(['backup', '--db', db, '--to', copy]).code, 1);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('the audit trail is append-only, verifiable, and tampering is found', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wt-cli-'));
  const db = join(dir, 'x.db');
  try {
    cli(['demo', '--db', db, '--residents', '200']);
    assert.match(run(['audit', 'verify', '--db', db]).out, /audit trail intact: \d+ entries/);
    assert.match(run(['audit', 'list', '--db', db, '--limit', '2']).out, /^id\tat\tuser/);
    // The application's own database refuses to change the trail.
    assert.throws(() => sql(db, "UPDATE audit SET action = 'read' WHERE id = 3"), /append-only/);
    assert.throws(() => sql(db, 'DELETE FROM audit WHERE id = 3'), /append-only/);
    // Someone with file access drops the guard and rewrites entry 3: verify names it.
    sql(db, "DROP TRIGGER audit_no_update; UPDATE audit SET entity = 'team' WHERE id = 3");
    const r = run(['audit', 'verify', '--db', db]);
    assert.equal(r.code, 3);
    assert.match(r.out, /BROKEN at entry 3 /);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
