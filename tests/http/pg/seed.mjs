// A small but varied team database for the tests that move whole databases: households with members
// (diacritics, NULLs), cases with a plan, goals, actions and contacts, sessions and the audit trail they leave.
import assert from 'node:assert/strict';
import { apiAs } from '../lib.mjs';

export async function seed(base, households = 6) {
  const api = await apiAs(base, 'worker');
  for (let i = 0; i < households; i++) {
    const h = await api.post('/api/v1/households', {
      name: `Huishouden Çelik-Øster ${i}`,
      address: { postcode: '8924 CD', house_number: String(10 + i), street: 'Schieringerweg', town: 'Leeuwarden' },
      members: [{ given_name: 'Anaïs', family_name: `Çelik ${i}`, birth_date: '1984-06-02', phone: '058 123 4567' },
        { given_name: 'Sem', family_name: `Çelik ${i}`, birth_date: '2012-09-14' }],
    });
    assert.equal(h.status, 201, h.text);
    if (i % 2) continue;
    const c = await api.post('/api/v1/cases', { household_id: h.json.id, reason: 'Schulden en zorgen om de kinderen' });
    assert.equal(c.status, 201, c.text);
    const g = await api.post(`/api/v1/cases/${c.json.id}/goals`, { domain: 'money', body: 'Rekeningen op tijd betalen' });
    assert.equal(g.status, 201, g.text);
    const a = await api.post(`/api/v1/goals/${g.json.id}/actions`, { body: 'Budgetcursus volgen', layer: 'volunteer', performer: 'Schuldhulpmaatje' });
    assert.equal(a.status, 201, a.text);
    const k = await api.post(`/api/v1/cases/${c.json.id}/contacts`, { kind: 'visit', happened_on: '2026-01-15', summary: 'Kennismaking "thuis"; \'s avonds', minutes: 45 });
    assert.equal(k.status, 201, k.text);
  }
  return api;
}
