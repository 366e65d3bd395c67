// A large social map for make bench: an HSDS 3.0 tabular data package (CSV files by their
// HSDS names) of N services, for `wijkteam socialmap import DIR`.
//
//   node scripts/bench-socialmap.mjs 20000 DIR
//
// One organisation per five services, one location per two services, spread over the whole
// of the Netherlands with a tenth of them within 10 km of Leeuwarden (the demo neighbourhood),
// each service with a life domain of wijkteam's taxonomy, a third of them free of charge.
// The same N gives the same files (ids and places come from a counter, not from chance).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const n = Number(process.argv[2] || 20000);
const dir = process.argv[3];
if (!Number.isInteger(n) || n < 1 || !dir) {
  console.error('usage: node scripts/bench-socialmap.mjs N DIR');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });

const id = (kind, i) => `${kind.padEnd(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;
const csv = (rows) => rows.map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v)).join(',')).join('\n') + '\n';

// wijkteam's life domains (sql/migrations/0005_socialmap.sql).
const DOMAINS = [
  ['5e1f0001-0000-4000-8000-000000000001', 'zorg'], ['5e1f0001-0000-4000-8000-000000000002', 'opvoeding'],
  ['5e1f0001-0000-4000-8000-000000000003', 'wonen'], ['5e1f0001-0000-4000-8000-000000000004', 'werk'],
  ['5e1f0001-0000-4000-8000-000000000005', 'schulden'], ['5e1f0001-0000-4000-8000-000000000006', 'gezondheid'],
  ['5e1f0001-0000-4000-8000-000000000007', 'meedoen'],
];
const WORDS = ['schuldhulp', 'budgetcoach', 'thuiszorg', 'opvoedsteun', 'huurteam', 'werkcoach', 'huisarts', 'buurtsport',
  'taalcafé', 'mantelzorg', 'voedselhulp', 'jongerenwerk', 'ouderenadvies', 'inloop', 'maatje', 'wijkverpleging'];
const CITIES = [['Amsterdam', 52.37, 4.90], ['Rotterdam', 51.92, 4.48], ['Utrecht', 52.09, 5.12], ['Groningen', 53.22, 6.57],
  ['Eindhoven', 51.44, 5.48], ['Zwolle', 52.51, 6.09], ['Maastricht', 50.85, 5.69], ['Middelburg', 51.50, 3.61],
  ['Arnhem', 51.98, 5.91], ['Leeuwarden', 53.20, 5.80]];

const orgs = [['id', 'name', 'description', 'email']];
const services = [['id', 'organization_id', 'name', 'description', 'status', 'assured_date']];
const locations = [['id', 'location_type', 'organization_id', 'name', 'latitude', 'longitude']];
const addresses = [['id', 'location_id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type']];
const sals = [['id', 'service_id', 'location_id']];
const attributes = [['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity']];
const costs = [['id', 'service_id', 'amount', 'currency', 'option']];

const norgs = Math.max(1, Math.ceil(n / 5));
const nlocs = Math.max(1, Math.ceil(n / 2));
for (let o = 0; o < norgs; o++)
  orgs.push([id('0a', o), `Organisatie ${o} ${WORDS[o % WORDS.length]}`, `Hulp en advies (${WORDS[(o * 7) % WORDS.length]})`, `info${o}@org.example`]);
for (let l = 0; l < nlocs; l++) {
  const near = l % 10 === 0;
  const [city, clat, clon] = near ? CITIES[9] : CITIES[l % 9];
  // a deterministic spiral around the city's middle: up to about 10 km out
  const r = ((l * 37) % 1000) / 1000 * 0.09, t = l * 2.399963;
  const lat = (clat + r * Math.cos(t)).toFixed(5), lon = (clon + r * 1.6 * Math.sin(t)).toFixed(5);
  locations.push([id('0c', l), 'physical', id('0a', l % norgs), `Locatie ${l}`, lat, lon]);
  const pc = `${near ? 8923 : 1000 + (l * 13) % 8900} ${String.fromCharCode(65 + (l % 26))}${String.fromCharCode(65 + ((l / 26 | 0) % 26))}`;
  addresses.push([id('0d', l), id('0c', l), `Dorpsstraat ${l % 200 + 1}`, city, 'Nederland', pc, 'NL', 'physical']);
}
for (let s = 0; s < n; s++) {
  const word = WORDS[s % WORDS.length];
  const [term, domainWord] = DOMAINS[s % DOMAINS.length];
  const checked = `202${5 + (s % 2)}-0${1 + (s % 9)}-1${s % 10}`;
  services.push([id('0b', s), id('0a', s % norgs), `${word[0].toUpperCase()}${word.slice(1)} ${s}`,
    `Voorziening ${s}: ${word} en ${domainWord} voor bewoners`, 'active', checked]);
  sals.push([id('0e', s), id('0b', s), id('0c', s % nlocs)]);
  attributes.push([id('0f', s), id('0b', s), term, 'service_category', 'service']);
  if (s % 3 === 0) costs.push([id('1a', s), id('0b', s), 0, 'EUR', 'Gratis']);
}
const files = { 'organizations.csv': orgs, 'services.csv': services, 'locations.csv': locations, 'addresses.csv': addresses,
  'service_at_location.csv': sals, 'attributes.csv': attributes, 'cost_options.csv': costs };
for (const [name, rows] of Object.entries(files)) writeFileSync(join(dir, name), csv(rows));
console.log(`${n} services, ${norgs} organisations, ${nlocs} locations in ${dir}`);
