// The OpenAPI description covers every API route the server offers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from './lib.mjs';
import { buildOpenApi } from '../../scripts/openapi-build.mjs';

test('every /api/v1 route is described in the OpenAPI document, and nothing more', () => {
  const spec = buildOpenApi();
  const routes = cli(['routes']).trim().split('\n').map((l) => l.split('\t'))
    .filter(([, pattern]) => pattern.startsWith('/api/'));
  assert.ok(routes.length > 0);
  const documented = new Set();
  for (const [p, ops] of Object.entries(spec.paths)) {
    for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${p.replace(/\{[^}]+\}/g, '{id}')}`);
  }
  const served = new Set(routes.map(([m, p]) => `${m} ${p.replace(/\{[^}]+\}/g, '{id}')}`));
  const missing = [...served].filter((r) => !documented.has(r));
  assert.deepEqual(missing, [], 'API routes without documentation');
  const stale = [...documented].filter((r) => r.includes('/api/') && !served.has(r));
  assert.deepEqual(stale, [], 'documented API routes that the server does not offer');
});

test('every operation documents its answers', () => {
  const spec = buildOpenApi();
  for (const [p, ops] of Object.entries(spec.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      assert.ok(op.responses && Object.keys(op.responses).length > 0, `${m} ${p} has no responses`);
      assert.ok(op.summary, `${m} ${p} has no summary`);
    }
  }
});
