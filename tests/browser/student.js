// student.js - a student logs in, submits A+B in C and watches it go from
// queued to AC without the page reloading; then a wrong answer, to WA.
'use strict';
const { source, submit, occupyJudge } = require('./common');

// After landing on a submission page: marks the document (a reload or a
// navigation would lose the mark), counts main-frame navigations from now
// on, and records every text #verdict shows as live.js swaps #live.
async function watchVerdict(page) {
  let navigations = 0;
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations++; });
  await page.evaluate(() => {
    window.__marker = 1;
    const seen = (window.__verdicts = []);
    const note = () => {
      const v = document.getElementById('verdict');
      const t = v ? v.textContent.trim() : '(none)';
      if (seen[seen.length - 1] !== t) seen.push(t);
    };
    note();
    new MutationObserver(note).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  return () => navigations;
}

// Waits for #verdict to show want, then checks the page never reloaded.
async function expectLiveVerdict(page, navigations, want) {
  await page.waitForFunction(
    (w) => { const v = document.getElementById('verdict'); return v && v.textContent.trim() === w; },
    want, { timeout: 30000 });
  const marker = await page.evaluate(() => window.__marker);
  if (marker !== 1) throw new Error(`the page was reloaded (window.__marker is ${marker})`);
  if (navigations() !== 0) throw new Error(`${navigations()} navigation(s) while waiting for the verdict`);
  const state = await page.getAttribute('#live', 'data-state');
  if (state !== 'done') throw new Error(`#live data-state is "${state}" with verdict ${want}`);
  if (await page.$('#waiting')) throw new Error('"This page updates by itself" is still shown');
  return page.evaluate(() => window.__verdicts.join(' -> '));
}

module.exports = async function (j) {
  const fx = j.fx;
  let page;
  await j.step('a student logs in', async () => {
    page = await j.login(fx.student, fx.password);
  });
  await j.step('the problem list shows A+B and links to its page', async () => {
    await page.goto('/problems');
    await Promise.all([page.waitForURL(`**/problems/${fx.problem}`), page.click(`#problems a[href="/problems/${fx.problem}"]`)]);
    await page.waitForSelector('#submit-form #code-editor');
  });
  let navigations;
  await j.step('submitting A+B in C lands on the submission page, queued', async () => {
    await occupyJudge(j);
    await submit(page, fx.problem, 'c', source(j, 'ac'));
    navigations = await watchVerdict(page);
    const state = await page.getAttribute('#live', 'data-state');
    const shown = (await page.textContent('#verdict')).trim();
    if (state !== 'queued' || shown !== 'queued')
      throw new Error(`data-state "${state}", #verdict "${shown}", want queued behind the busy judge`);
    await page.waitForSelector('#waiting');
  });
  await j.step('the verdict turns to AC without a reload', async () => {
    const seen = await expectLiveVerdict(page, navigations, 'AC');
    if (!seen.startsWith('queued')) throw new Error(`verdicts seen: ${seen}`);
    const rows = await page.$$('#tests tbody tr');
    if (rows.length === 0) throw new Error('no #tests rows after AC');
    return `verdicts seen: ${seen}; ${rows.length} tests`;
  });
  await j.step('a wrong answer in C turns to WA without a reload', async () => {
    await submit(page, fx.problem, 'c', source(j, 'wa'));
    const nav = await watchVerdict(page);
    const seen = await expectLiveVerdict(page, nav, 'WA');
    return `verdicts seen: ${seen}`;
  });
  await j.step('the submission list shows both verdicts', async () => {
    await page.goto('/submissions');
    const verdicts = await page.$$eval('#submissions tbody .verdict', (els) => els.map((e) => e.textContent.trim()));
    if (!verdicts.includes('AC') || !verdicts.includes('WA')) throw new Error(`verdicts listed: ${verdicts.join(' ')}`);
  });
  await j.noConsoleErrors("the student's");
  await j.step('an inline script is blocked by the CSP and logged as a console error', async () => {
    const ctx = await j.browser.newContext({ baseURL: j.base }); // not watched: this error is wanted
    const p = await ctx.newPage();
    const errors = [];
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await p.goto('/login');
    const ran = await p.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1;';
      document.head.appendChild(s);
      return window.__inline === 1;
    });
    await p.waitForTimeout(200);
    await ctx.close();
    if (ran) throw new Error('an inline script ran');
    if (!errors.some((e) => /Content Security Policy/i.test(e))) throw new Error(`console errors: ${errors.join(' | ') || 'none'}`);
  });
};
