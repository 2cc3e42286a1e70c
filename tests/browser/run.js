// run.js - runs browser journeys against a running `verdict serve` in
// Debian's headless Chromium (playwright-core, no browser download), and
// prints one TAP line per step: "ok - JOURNEY: STEP" or "not ok - ...".
//
//   node run.js student.js nojs.js instructor.js
//
// Environment (set by tests/t0303-web-browser.sh):
//   BASE_URL      the server, e.g. http://127.0.0.1:PORT
//   OUT_DIR       where a failed step's screenshots go
//   FIXTURES      a JSON object the journeys read: accounts, sources, files
//   CHROMIUM      the browser (default /usr/bin/chromium)
//
// A journey is a module exporting `async function (j)`; its steps run in
// order through j.step(name, fn). The first failing step prints "not ok",
// saves a screenshot of every page the journey has open (its path on a
// "# " line) and ends that journey; the next journey still runs. Every page
// a journey opens with j.login() or j.context() is watched for console
// errors (a Content-Security-Policy violation is one) and uncaught
// exceptions; j.noConsoleErrors() is a step that checks there were none.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const BASE = process.env.BASE_URL;
const OUT = process.env.OUT_DIR || path.resolve('build/test-output/browser');
const FIXTURES = JSON.parse(process.env.FIXTURES || '{}');
const STEP_TIMEOUT = 20000; // one action or wait; judging A+B takes about a second

let failed = 0;

class Abort extends Error {}

class Journey {
  constructor(browser, name) {
    this.browser = browser;
    this.name = name;
    this.contexts = [];
    this.errors = [];
    this.n = 0;
    this.fx = FIXTURES;
    this.base = BASE;
  }

  // A fresh browser profile (cookies of its own); its pages are watched.
  async context(options) {
    const ctx = await this.browser.newContext({ baseURL: BASE, acceptDownloads: true, ...options });
    ctx.setDefaultTimeout(STEP_TIMEOUT);
    ctx.on('page', (p) => this.watch(p));
    this.contexts.push(ctx);
    return ctx;
  }

  watch(page) {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const at = m.location() && m.location().url;
      this.errors.push(`${page.url()}: console: ${m.text()}${at && at !== page.url() ? ` (${at})` : ''}`);
    });
    page.on('pageerror', (e) => this.errors.push(`${page.url()}: uncaught: ${e.message}`));
  }

  // A new context and page, logged in as name through the login form.
  async login(name, password, options) {
    const ctx = await this.context(options);
    const page = await ctx.newPage();
    await page.goto('/login');
    await page.getByLabel('Username').fill(name);
    await page.getByLabel('Password').fill(password);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Log in' }).click()]);
    const who = (await page.textContent('header .who .user').catch(() => null)) || '';
    if (who.trim() !== name) {
      const err = await page.textContent('#login-error').catch(() => null);
      throw new Error(`after logging in as ${name}, the page (${page.url()}) shows user "${who.trim()}"` +
        (err ? `; login error: ${err}` : ''));
    }
    return page;
  }

  async step(name, fn) {
    this.n++;
    const label = `${this.name}: ${name}`;
    try {
      const note = await fn();
      console.log(`ok - ${label}`);
      if (note) console.log(`# ${note}`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${label}: ${String(e && e.message || e).split('\n')[0]}`);
      await this.screenshots();
      throw new Abort();
    }
  }

  async screenshots() {
    fs.mkdirSync(OUT, { recursive: true });
    let i = 0;
    for (const ctx of this.contexts) {
      for (const p of ctx.pages()) {
        const file = path.join(OUT, `${this.name}-step${this.n}${i ? '-' + i : ''}.png`);
        i++;
        try {
          await p.screenshot({ path: file, fullPage: true, timeout: 5000 });
          console.log(`# screenshot of ${p.url()}: ${file}`);
        } catch (e) {
          console.log(`# no screenshot of ${p.url()}: ${e.message.split('\n')[0]}`);
        }
      }
    }
  }

  async noConsoleErrors(who) {
    await this.step(`no console errors or CSP violations on ${who} pages`, async () => {
      if (this.errors.length) throw new Error(this.errors.slice(0, 3).join(' | '));
    });
  }

  async close() {
    for (const ctx of this.contexts) await ctx.close().catch(() => {});
  }
}

// Polls fn until it returns a truthy value; its last error or value in the message.
async function until(what, fn, timeoutMs = STEP_TIMEOUT, everyMs = 250) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs / 1000} s (last: ${last})`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

async function main() {
  if (!BASE) throw new Error('set BASE_URL');
  const t0 = Date.now();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
    timeout: 30000,
  });
  console.log(`# Chromium ${browser.version()} started in ${Date.now() - t0} ms`);
  try {
    for (const file of process.argv.slice(2)) {
      const name = path.basename(file, '.js');
      const journey = require(path.resolve(__dirname, file));
      const j = new Journey(browser, name);
      const t = Date.now();
      try {
        await journey(j, { until });
      } catch (e) {
        if (!(e instanceof Abort)) {
          failed++;
          console.log(`not ok - ${name}: ${String(e && e.message || e).split('\n')[0]}`);
          await j.screenshots();
        }
      }
      await j.close();
      console.log(`# ${name}: ${Date.now() - t} ms`);
    }
  } finally {
    await browser.close();
  }
}

main().then(
  () => process.exit(failed ? 1 : 0),
  (e) => {
    console.log(`not ok - browser: ${String(e && e.message || e).split('\n')[0]}`);
    process.exit(1);
  },
);
