// PostgreSQL for the tests in tests/http/pg (run by `make http-pg` inside scripts/pg-test.sh):
// - shared(): the throw-away server of scripts/pg-test.sh (WIJKTEAM_TEST_PG), a database of its own per call;
// - startCluster(): a private server in a temporary directory, for tests that stop, kill and start PostgreSQL
//   itself. As root, the cluster belongs to the user postgres (initdb and postgres refuse to run as root).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, freePort } from '../lib.mjs';

const PGBIN = process.env.PGBIN || '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid && process.getuid() === 0;

export const PG = process.env.WIJKTEAM_TEST_PG || '';
if (!PG) throw new Error('WIJKTEAM_TEST_PG is not set: run these tests with `make http-pg`');

export function psql(url, sql) {
  return execFileSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

// A new, empty database on the shared server.
export function sharedDatabase() {
  const name = `wt_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  psql(PG, `CREATE DATABASE ${name}`);
  return { url: withDatabase(PG, name), drop() { psql(PG, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } };
}

function asPostgres(cmd, args) {
  const [bin, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(bin, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

// A private PostgreSQL server. synchronous_commit stays on (the default): a commit PostgreSQL
// acknowledged survives a crash of PostgreSQL itself.
export async function startCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'wt-pgc-'));
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), 0);
  const data = join(dir, 'data');
  asPostgres(join(PGBIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const cluster = {
    dir,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    database(name) { psql(this.url, `CREATE DATABASE ${name}`); return withDatabase(this.url, name); },
    start() { asPostgres(join(PGBIN, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', opts, 'start']); },
    // fast: a clean shutdown; immediate: PostgreSQL stops as in a crash (recovery from the WAL at the next start).
    stop(mode = 'fast') { asPostgres(join(PGBIN, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']); },
    running() { return existsSync(join(data, 'postmaster.pid')); },
    destroy() {
      if (this.running()) { try { this.stop('immediate'); } catch { /* already gone */ } }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}

// Serves db (any URL) with the test binary; stop() ends it with SIGTERM and expects a clean exit.
export async function serve(db, { env = {} } = {}) {
  const port = await freePort();
  const proc = spawn(BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--threads', '4'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, WIJKTEAM_LOG: 'warn', ASAN_OPTIONS: 'detect_leaks=0', ...env },
  });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  proc.exited = new Promise((r) => proc.on('exit', (code, signal) => r({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* starting */ }
    if (i > 200 || proc.exitCode !== null) throw new Error(`server did not start:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base, proc, stderr: () => stderr,
    async stop() {
      proc.kill('SIGTERM');
      const { code } = await proc.exited;
      if (code !== 0) throw new Error(`server exited with ${code}:\n${stderr}`);
    },
    async kill() { proc.kill('SIGKILL'); await proc.exited; },
  };
}
