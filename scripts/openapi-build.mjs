// Merges docs/openapi/base.json and every other docs/openapi/*.json fragment
// ({"paths": ..., "components": {"schemas": ...}}) into docs/openapi.json.
// `node scripts/openapi-build.mjs --check` fails when docs/openapi.json is stale.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
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
  const out = JSON.stringify(buildOpenApi(), null, 2) + '\n';
  const target = join(root, 'docs', 'openapi.json');
  if (process.argv.includes('--check')) {
    if (!existsSync(target) || readFileSync(target, 'utf8') !== out) {
      console.error('docs/openapi.json is stale: run node scripts/openapi-build.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(target, out);
  }
}
