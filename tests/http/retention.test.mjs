// Retention: `wijkteam retention` (rules, set, run with and without --dry-run, log) and the
// server's daily run, on SQLite or PostgreSQL (WIJKTEAM_TEST_PG).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, runCli, freshDatabase, startServer } from './lib.mjs';

const KINDS = ['household', 'contact', 'plan', 'intake', 'assessment', 'case', 'signal', 'question', 'network'];

function rows(out) {
  const m = {};
  for (const line of out.split('\n')) {
    const r = line.match(/^\s+(\w+)\s+(\d+)$/);
    if (r) m[r[1]] = Number(r[2]);
  }
  return m;
}

test('retention: rules with their defaults, set validates, run removes once and logs counts only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wt-ret-'));
  const fresh = freshDatabase(dir);
  const db = fresh.db;
  try {
    cli(['demo', '--db', db, '--residents', '200']);
    const rules = cli(['retention', 'rules', '--db', db]);
    for (const k of KINDS) assert.match(rules, new RegExp(`^${k}\\t\\d+\\t(yes|no)\\t`, 'm'), k);
    assert.match(rules, /^contact\t5\tyes\t5\t/m);
    assert.match(rules, /^signal\t2\tno\t2\t/m);

    // Nothing in the demo is past the default periods.
    assert.match(cli(['retention', 'run', '--dry-run', '--db', db]), /nothing is past its retention period/);

    const bad = runCli(['retention', 'set', 'contact', '--years', '-3', '--db', db]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /years: Vul een bewaartermijn in/);
    const unknown = runCli(['retention', 'set', 'bsn', '--years', '3', '--db', db]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /kind: Kies een soort gegevens/);
    assert.equal(runCli(['retention', 'set', 'contact', '--years', '3', '--legal', 'maybe', '--db', db]).code, 2);

    // Ten years on, every kind of the demo's closed cases is past its period.
    const on = `${new Date().getFullYear() + 10}-01-01`;
    const dry = rows(cli(['retention', 'run', '--dry-run', '--on', on, '--db', db]));
    assert.ok(dry.contact > 0 && dry.plan > 0 && dry.cases > 0 && dry.person > 0 && dry.household > 0, JSON.stringify(dry));
    // The dry run removed nothing: the same counts again.
    assert.deepEqual(rows(cli(['retention', 'run', '--dry-run', '--on', on, '--db', db])), dry);

    const done = rows(cli(['retention', 'run', '--on', on, '--db', db]));
    assert.deepEqual(done, dry);
    assert.match(cli(['retention', 'run', '--on', on, '--db', db]), /nothing is past its retention period/);

    const log = cli(['retention', 'log', '--db', db]);
    assert.match(log, /\tretention\tsystem\t0\tniets$/m);
    assert.match(log, /\tretention \(dry run\)\tsystem\t0\t.*contact=\d+/m);
    assert.match(log, /\tretention\tsystem\t0\t.*person=\d+.*household=\d+/m);
    // Counts only: no names, no BSN.
    assert.doesNotMatch(log, /[A-Z][a-z]+ [A-Z][a-z]+|\b9\d{8}\b/);

    assert.match(cli(['check', '--db', db]), /integrity ok.*audit trail intact/);
    assert.equal(runCli(['retention', 'run', '--on', '2026-02-30', '--db', db]).code, 2);
  } finally {
    fresh.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('retention: the server runs it when it starts (and daily), as the system', async () => {
  const s = await startServer({ residents: 120 });
  try {
    let log = '';
    for (let i = 0; i < 50 && !/\tretention\tsystem/.test(log); i++) {
      await new Promise((r) => setTimeout(r, 100));
      log = cli(['retention', 'log', '--db', s.db]);
    }
    assert.match(log, /\tretention\tsystem\t0\tniets$/m);
    assert.doesNotMatch(s.stderr(), /retention run failed/);
  } finally {
    await s.stop();
  }
});
