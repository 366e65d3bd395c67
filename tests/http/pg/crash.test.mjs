// Crash safety on PostgreSQL: during a write load the wijkteam server is killed with SIGKILL at random
// moments, many times, and PostgreSQL itself crashes (immediate stop) twice under the running server.
// Afterwards every write the server acknowledged is there, the indexes match their tables (amcheck),
// and the audit chain is intact. The writes are households registered over the API: each 201 carries
// the id of a household the server says it committed (with its person, address and audit rows).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cli, apiAs, ApiClient } from '../lib.mjs';
import { startCluster, psql, serve } from './cluster.mjs';

const ROUNDS = Number(process.env.CRASH_ROUNDS || 6);
let cluster;
after(() => cluster?.destroy());

function household(n) {
  return { name: `Huishouden ${n}`, address: { postcode: '8924 CD', house_number: String(1 + (n % 9000)), house_letter: String.fromCharCode(65 + (n % 26)), street: 'Schieringerweg', town: 'Leeuwarden' },
    members: [{ given_name: 'Jan', family_name: `Tuin ${n}`, birth_date: '1970-03-04' }] };
}

// Four writers until stop(); acked collects the ids of acknowledged households.
function writeLoad(api, acked) {
  let stop = false, n = acked.length * 10 + Math.floor(Math.random() * 1e6);
  const writer = async () => {
    while (!stop) {
      try {
        const r = await api.post('/api/v1/households', household(n++));
        if (r.status === 201) acked.push(r.json.id);
      } catch { /* the server died under us: fine */ }
    }
  };
  const all = [writer(), writer(), writer(), writer()];
  return async () => { stop = true; await Promise.all(all); };
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

test(`SIGKILL of wijkteam (${ROUNDS}x) and crashes of PostgreSQL (2x) during writes: nothing acknowledged is lost`, async (t) => {
  cluster = await startCluster();
  const db = cluster.database('crash');
  cli(['demo', '--db', db, '--residents', '50']);
  const acked = [];
  let token = null;
  for (let round = 0; round < ROUNDS; round++) {
    const srv = await serve(db);
    if (!token) token = (await apiAs(srv.base, 'worker')).token;
    const api = new ApiClient(srv.base, token); // the session of the first round survives every kill
    const stop = writeLoad(api, acked);
    // Each crash comes at a random moment after a write of this round was acknowledged (not after a
    // fixed time: on a busy machine that can come before any write).
    const firstWrite = async () => {
      const before = acked.length;
      for (let i = 0; i < 400 && acked.length === before; i++) await pause(25);
      await pause(Math.floor(Math.random() * 300));
    };
    await firstWrite();
    if (round % 3 === 1) {
      // PostgreSQL crashes under the running server; the server answers 503 and carries on once it is back.
      cluster.stop('immediate');
      await pause(200);
      cluster.start();
      await firstWrite();
    }
    await srv.kill();
    await stop();
  }
  assert.ok(acked.length > 0, 'the load acknowledged writes');
  psql(db, 'CREATE EXTENSION IF NOT EXISTS amcheck');
  assert.match(cli(['check', '--db', db]), /check: integrity ok/);
  const srv = await serve(db);
  try {
    const api = await apiAs(srv.base, 'worker');
    let lost = 0;
    for (const id of acked) if ((await api.get(`/api/v1/households/${id}`)).status !== 200) lost++;
    t.diagnostic(`${acked.length} acknowledged writes over ${ROUNDS} kills and 2 crashes of PostgreSQL, ${lost} lost`);
    assert.equal(lost, 0, `${lost} of ${acked.length} acknowledged households were lost`);
    // A household is written with its audit row in one transaction: no orphans either way.
    assert.equal(psql(db, "SELECT COUNT(*) FROM household h WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.entity = 'household' AND a.entity_id = h.id AND a.action = 'create')"), '0');
  } finally { await srv.stop(); }
  assert.match(cli(['audit', 'verify', '--db', db]), /audit trail intact/);
});
