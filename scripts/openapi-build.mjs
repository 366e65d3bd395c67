// Merges docs/openapi/base.json and every other docs/openapi/*.json fragment
// ({"paths": ..., "components": {"schemas": ...}}) into the file named on the command line.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'docs', 'openapi');

export function buildOpenApi() {
  const spec = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8'));
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'base.json').sort()) {
    const frag = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    for (const [p, ops] of Object.entries(frag.paths || {})) {
      spec.paths[p] = { ...(spec.paths[p] || {}), ...ops };
    }
    for (const [kind, items] of Object.entries(frag.components || {})) {
      spec.components[kind] = { ...(spec.components[kind] || {}), ...items };
    }
  }
  return spec;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  // node scripts/openapi-build.mjs OUT: writes the merged document to OUT (make build: build/static/openapi.json).
  const target = process.argv[2];
  if (!target) {
    console.error('usage: node scripts/openapi-build.mjs OUT.json');
    process.exit(2);
  }
  writeFileSync(target, JSON.stringify(buildOpenApi(), null, 2) + '\n');
}
