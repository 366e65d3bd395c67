// Stored XSS in Chromium: a crawler fills every POST form it can reach (as a social worker and as the
// administrator) with the payloads of tests/attack/xss.txt - each tries to set window.__xss or call
// alert - and then visits every page it can reach, as the worker, the team leader and the administrator.
// On no page may a payload run: no dialog, window.__xss unset, no element with an event handler
// attribute, no injected script, image, frame or object, no javascript: link. The payloads must be seen
// as text on many pages, so the test cannot pass by storing nothing. Every answer is below 500 (the
// corpus holds SQL injection strings as well).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../http/lib.mjs';
import { launch, newPage, login } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PAYLOADS = readFileSync(join(root, 'tests', 'attack', 'xss.txt'), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#'));
const MARKERS = ['__xss', 'alert(1)', 'onerror', 'javascript:'];

// Forms that end the session, remove data or lock accounts: not submitted by the crawler.
const SKIP_ACTIONS = [/^\/logout/, /^\/account\//, /\/erase$/, /\/remove$/, /\/disable$/, /\/enable$/,
  /\/password$/, /\/totp-reset$/, /^\/login/];
// Forms that end what they belong to (a case, a round, a signal): submitted after the others of a page.
const LAST_ACTIONS = /\/(close|status|handover|agree|end|outcome)$/;

let srv, browser;
before(async () => { srv = await startServer({ residents: 120 }); browser = await launch(); });
after(async () => { await browser.close(); await srv.stop(); });

const pattern = (path) => path.split('?')[0].replace(/\/\d+/g, '/{id}').replace(/\/[0-9a-f-]{36}/g, '/{key}');

function today() {
  const d = new Date();
  const p = (x) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

class Crawler {
  constructor(page, base) {
    this.page = page;
    this.base = base;
    this.n = 0;
    this.dialogs = [];
    this.errors = [];
    this.shown = new Set(); // page patterns where a payload was seen as text
    this.submitted = new Set();
    page.on('dialog', (d) => { this.dialogs.push(`${page.url()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  }

  payload(maxlength) {
    const fits = PAYLOADS.filter((p) => !maxlength || p.length <= maxlength);
    this.n += 1;
    return fits.length ? fits[this.n % fits.length] : '<b>'.slice(0, maxlength);
  }

  // Nothing ran and nothing was injected on the current page.
  async check(what) {
    const r = await this.page.evaluate((markers) => {
      const all = [...document.querySelectorAll('*')];
      return {
        xss: window.__xss || 0,
        handlers: all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).map((e) => e.outerHTML.slice(0, 120)),
        injected: [...document.querySelectorAll('script:not([src]), img[src="x"], iframe, object, embed, details[ontoggle], mglyph')]
          .map((e) => e.outerHTML.slice(0, 120)),
        jsLinks: [...document.querySelectorAll('a[href], form[action]')]
          .filter((e) => /^\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('action') || '')).length,
        text: markers.some((m) => document.body.innerText.includes(m)),
      };
    }, MARKERS);
    assert.equal(r.xss, 0, `window.__xss set on ${what}`);
    assert.deepEqual(r.handlers, [], `event handler attributes on ${what}`);
    assert.deepEqual(r.injected, [], `injected elements on ${what}`);
    assert.equal(r.jsLinks, 0, `javascript: links on ${what}`);
    assert.deepEqual(this.dialogs, [], `dialogs on ${what}`);
    if (r.text) this.shown.add(pattern(new URL(this.page.url()).pathname));
  }

  async visit(path) {
    const resp = await this.page.goto(this.base + path);
    const status = resp ? resp.status() : 0;
    assert.ok(status < 500, `${path}: ${status}`);
    await this.check(path);
    return status;
  }

  async fill(form) {
    const fields = await form.locator('input, textarea, select').all();
    const groups = new Set();
    for (const f of fields) {
      const tag = await f.evaluate((e) => e.tagName.toLowerCase());
      const type = ((await f.getAttribute('type')) || (tag === 'input' ? 'text' : tag)).toLowerCase();
      const name = (await f.getAttribute('name')) || '';
      if (['hidden', 'submit', 'button', 'file'].includes(type) || name === '_csrf' || !(await f.isVisible())) continue;
      const max = Number(await f.getAttribute('maxlength')) || 0;
      if (tag === 'select') {
        const values = await f.locator('option').evaluateAll((os) => os.map((o) => o.value).filter((v) => v));
        if (values.length) await f.selectOption(values[0]);
      } else if (type === 'checkbox' || type === 'radio') {
        if (!groups.has(name)) { groups.add(name); await f.check(); }
      } else if (type === 'date') {
        await f.fill(today());
      } else if (type === 'time') {
        await f.fill('10:00');
      } else if (type === 'number' || /minutes|hours|capacity|strength|score|number|costs|km|days/.test(name)) {
        await f.fill('2');
      } else if (type === 'email') {
        await f.fill('');
      } else if (type === 'tel' || /phone|bsn|lat|lon|letter|addition|_on$|_date$/.test(name)) {
        await f.fill('');
      } else if (/postcode/.test(name)) {
        await f.fill('8924 AB');
      } else if (type === 'url' || /website|url/.test(name)) {
        await f.fill('https://example.org/?q=<script>window.__xss=1</script>');
      } else if (type === 'password') {
        await f.fill('een lang en ongewoon wachtwoord');
      } else if (/username/.test(name)) {
        await f.fill(`xss${this.n++}`);
      } else {
        await f.fill(this.payload(max));
      }
    }
  }

  // Submits the form with this action on the page at path; false when the page has no such form (any more).
  async submit(path, action) {
    await this.visit(path);
    const form = this.page.locator(`form[action="${action}"]`).first();
    if (!(await form.count())) return false;
    // A form behind a "+" line (a closed <details>) is opened first, as a user does.
    await form.evaluate((f) => { for (let e = f; e; e = e.parentElement) if (e.tagName === 'DETAILS') e.open = true; });
    await this.fill(form);
    const button = form.locator('button[type="submit"], input[type="submit"], button:not([type])').first();
    if (!(await button.count())) return false;
    const [resp] = await Promise.all([
      this.page.waitForNavigation({ waitUntil: 'load' }).catch(() => null),
      button.click(),
    ]);
    const status = resp ? resp.status() : 0;
    assert.ok(status < 500, `POST ${action} from ${path}: ${status}`);
    await this.check(`the answer to POST ${action}`);
    return true;
  }

  // Visits pages from the seeds breadth-first (at most `per` of each kind, `limit` in all); with forms,
  // submits every form of a kind not submitted before.
  async crawl(seeds, { forms, per = 2, limit = 300 }) {
    const queue = [...seeds];
    const seen = new Map();
    let pages = 0;
    while (queue.length && pages < limit) {
      const path = queue.shift();
      const kind = pattern(path) + (path.includes('?') ? '?' : '');
      if ((seen.get(kind) || 0) >= per || /\.pdf$|^\/static\//.test(path)) continue;
      seen.set(kind, (seen.get(kind) || 0) + 1);
      pages += 1;
      if ((await this.visit(path)) >= 400) continue;
      const links = await this.page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const l of links) if (!/^\/logout|\.pdf$|^\/static\//.test(l)) queue.push(l.split('#')[0]);
      if (!forms) continue;
      const actions = await this.page.locator('form[method="post" i]').evaluateAll((fs) => fs.map((f) => f.getAttribute('action')));
      const todo = [...new Set(actions)].filter((a) => a && !SKIP_ACTIONS.some((re) => re.test(a)) && !this.submitted.has(pattern(a)));
      todo.sort((a, b) => Number(LAST_ACTIONS.test(a)) - Number(LAST_ACTIONS.test(b)));
      for (const a of todo) {
        if (this.submitted.has(pattern(a))) continue;
        if (await this.submit(path, a)) {
          this.submitted.add(pattern(a));
          queue.push(new URL(this.page.url()).pathname);
        }
      }
    }
    return pages;
  }
}

const WORKER_SEEDS = ['/', '/households/new', '/frontdoor', '/frontdoor/new', '/cases', '/signals', '/signals/new',
  '/rounds', '/rounds/new', '/activities', '/activities/new', '/ideas', '/ideas/new', '/time', '/network',
  '/neighbourhood', '/search?q=de', '/households/1', '/households/2', '/households/3'];
const ADMIN_SEEDS = ['/', '/admin/users', '/admin/users/new', '/admin/teams', '/admin/teams/new'];

test('payloads stored through every form never run on any page', { timeout: 30 * 60 * 1000 }, async () => {
  const worker = new Crawler(await newPage(browser), srv.base);
  await login(worker.page, srv.base, 'worker');
  await worker.crawl(WORKER_SEEDS, { forms: true, per: 3, limit: 250 });
  const admin = new Crawler(await newPage(browser), srv.base);
  await login(admin.page, srv.base, 'admin');
  await admin.crawl(ADMIN_SEEDS, { forms: true, per: 3, limit: 60 });
  const submitted = worker.submitted.size + admin.submitted.size;
  assert.ok(submitted >= 30, `forms submitted: ${[...worker.submitted, ...admin.submitted].join(' ')}`);

  // Everything stored is now read back on every page, also by the team leader.
  const shown = new Set([...worker.shown, ...admin.shown]);
  for (const [role, seeds] of [['worker', WORKER_SEEDS], ['teamleader', [...WORKER_SEEDS, '/team', '/team/balance']],
    ['admin', ADMIN_SEEDS]]) {
    const reader = new Crawler(await newPage(browser), srv.base);
    await login(reader.page, srv.base, role);
    await reader.crawl(seeds, { forms: false, per: 2, limit: 200 });
    for (const p of reader.shown) shown.add(p);
  }
  assert.ok(shown.size >= 20, `pages that showed a payload as text: ${[...shown].join(' ')}`);
});
