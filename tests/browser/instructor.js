// instructor.js - an instructor uploads a package, sees the import finish
// and the problem listed, rejudges it, and downloads the gradebook as CSV.
'use strict';
const fs = require('fs');
const { source, submit } = require('./common');

module.exports = async function (j) {
  const fx = j.fx;
  const name = fx.newProblem;
  let page;
  await j.step('an instructor logs in', async () => {
    page = await j.login(fx.instructor, fx.password);
  });
  await j.step(`uploading ${name}.zip shows the import finish on its own`, async () => {
    await page.goto('/upload');
    await page.setInputFiles('#package', fx.zip);
    await Promise.all([page.waitForURL(/\/imports\/\d+$/), page.click('#upload-button')]);
    await page.evaluate(() => { window.__marker = 1; });
    const done = await Promise.race([
      page.waitForSelector('#import-done', { timeout: 30000 }).then(() => 'done'),
      page.waitForSelector('#import-error', { timeout: 30000 }).then(() => 'failed'),
    ]);
    if (done !== 'done') throw new Error(`import failed: ${await page.textContent('#import-error')}`);
    if ((await page.evaluate(() => window.__marker)) !== 1) throw new Error('the import page reloaded');
    const msg = (await page.textContent('#import-done')).trim();
    if (!msg.includes(name)) throw new Error(`#import-done says "${msg}"`);
    return msg;
  });
  await j.step(`${name} is in /problems`, async () => {
    await page.goto('/problems');
    const names = await page.$$eval('#problems tbody td code', (els) => els.map((e) => e.textContent.trim()));
    if (!names.includes(name)) throw new Error(`problems listed: ${names.join(' ')}`);
  });
  let id;
  await j.step(`a solution of ${name} is judged AC`, async () => {
    id = await submit(page, name, 'c', source(j, 'ac'));
    await page.waitForFunction(() => {
      const v = document.getElementById('verdict');
      return v && v.textContent.trim() === 'AC';
    }, null, { timeout: 30000 });
  });
  await j.step(`rejudging ${name} from its page shows the rejudge page`, async () => {
    await page.goto(`/problems/${name}`);
    await Promise.all([page.waitForURL(/\/rejudges\/\d+$/), page.click('#rejudge-problem')]);
    await page.waitForSelector('#rejudge-items');
    const ids = await page.$$eval('#rejudge-items tbody a', (els) => els.map((e) => e.textContent.trim()));
    if (!ids.includes(String(id))) throw new Error(`rejudged submissions: ${ids.join(' ') || 'none'}, want ${id}`);
    // live.js refreshes the page part until every submission is judged again.
    await page.waitForSelector('#rejudge:not([data-refresh])', { timeout: 30000 });
    const now = await page.$$eval('#rejudge-items tbody td:nth-child(5) .verdict', (els) => els.map((e) => e.textContent.trim()));
    const changed = (await page.textContent('#changed-count')).trim();
    if (changed !== '0' || !now.every((v) => v === 'AC')) throw new Error(`${changed} changed; now ${now.join(' ')}`);
    return `rejudged ${ids.length}: ${(await page.textContent('#rejudge-summary')).trim()}`;
  });
  await j.step('the gradebook downloads as CSV', async () => {
    await page.goto('/grades');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#grades-csv')]);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split(/\r?\n/);
    if (!lines[0].startsWith('user,')) throw new Error(`first line: ${lines[0]}`);
    if (!lines.some((l) => l.startsWith(fx.student + ','))) throw new Error(`no row for ${fx.student}: ${text.slice(0, 200)}`);
    return `${download.suggestedFilename()}: ${lines[0]}`;
  });
  await j.noConsoleErrors("the instructor's");
};
