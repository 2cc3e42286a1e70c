// contest.js - a contest from the browser: an instructor makes a course
// with two participants and an ICPC contest, running now, whose public
// board is frozen for its last 90 minutes (so, already); dave solves A;
// the staff's live board shows it at once, while the participants' board
// shows only a pending attempt; erin's board does too; the instructor
// unfreezes, and the participants see the solve.
'use strict';
const { source, fillCode } = require('./common');

const ZONE = 'UTC';

function at(seconds) {
  return new Date(Date.now() + seconds * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

// The text of a participant's row on the board at url, spaces squeezed.
async function row(page, url, user) {
  await page.goto(url);
  const rows = await page.$$eval('#scoreboard tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim()).join(' | ')));
  const r = rows.find((t) => t.split(' | ')[1] === user);
  if (!r) throw new Error(`no row for ${user}: ${rows.join(' / ')}`);
  return r;
}

module.exports = async function (j) {
  const fx = j.fx;
  const passwords = {};
  let ins;
  await j.step('an instructor makes course CON1 with two participants', async () => {
    ins = await j.login(fx.instructor, fx.password);
    await ins.goto('/courses');
    await ins.fill('#course-short', 'CON1');
    await ins.fill('#course-title', 'Contest course');
    await ins.fill('#course-zone', ZONE);
    await Promise.all([ins.waitForURL(/\/courses\/CON1$/), ins.click('#course-form button')]);
    await ins.goto('/courses/CON1/roster');
    await ins.fill('#roster-csv', 'dave,Dave D,d1,S1\nerin,Erin E,e1,S1\n');
    await Promise.all([ins.waitForNavigation(), ins.click('#roster-upload')]);
    const rows = await ins.$$eval('#new-accounts tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
    for (const [name, pw] of rows) passwords[name] = pw;
    if (!passwords.dave || !passwords.erin) throw new Error(`new accounts: ${JSON.stringify(rows)}`);
  });
  await j.step('an ICPC contest running for another hour, its board frozen 90 minutes before the end', async () => {
    await ins.goto('/courses/CON1/new');
    await ins.fill('#a-short', 'final');
    await ins.fill('#a-title', 'Final');
    await ins.fill('#a-opens', at(-600));
    await ins.fill('#a-due', at(3600));
    await ins.selectOption('#a-contest', 'icpc');
    await ins.fill('input[name=freeze]', '90');
    await ins.fill('#a-problems', fx.problem);
    await Promise.all([ins.waitForURL(/\/courses\/CON1\/final$/), ins.click('#a-save')]);
  });
  let dave;
  await j.step('dave solves A', async () => {
    dave = await j.login('dave', passwords.dave);
    await dave.goto('/courses/CON1/final');
    await Promise.all([dave.waitForURL(/\/problems\/\w+\?assignment=\d+$/), dave.click('#problems tbody a')]);
    await dave.selectOption('#language', 'c');
    await fillCode(dave, source(j, 'ac'));
    await Promise.all([dave.waitForURL(/\/submissions\/\d+$/), dave.click('#submit-button')]);
    await dave.waitForFunction(() => {
      const v = document.getElementById('verdict');
      return v && v.textContent.trim() === 'AC';
    }, null, { timeout: 30000 });
  });
  await j.step("the staff's live board shows the solve, first to solve", async () => {
    const r = await row(ins, '/courses/CON1/final/scoreboard', 'dave');
    const view = (await ins.textContent('#board-view')).trim();
    if (view !== "the staff's live board" || !/\| 1 \| \d+ \| \+ \(\d+\) ?\*$/.test(r)) throw new Error(`${view}: ${r}`);
    return r;
  });
  await j.step("dave's board is frozen: one attempt pending, nothing solved", async () => {
    const r = await row(dave, '/courses/CON1/final/scoreboard', 'dave');
    const view = (await dave.textContent('#board-view')).trim();
    if (!view.startsWith('frozen') || !/\| 0 \| 0 \| \?1$/.test(r)) throw new Error(`${view}: ${r}`);
    if (await dave.$('#other-view')) throw new Error('a participant is offered the live board');
    return r;
  });
  await j.step("erin's board is the same frozen one, with no way to the live one", async () => {
    const erin = await j.login('erin', passwords.erin);
    const r = await row(erin, '/courses/CON1/final/scoreboard', 'dave');
    const view = (await erin.textContent('#board-view')).trim();
    if (!view.startsWith('frozen') || !/\| 0 \| 0 \| \?1$/.test(r)) throw new Error(`${view}: ${r}`);
    if (await erin.$('#other-view')) throw new Error('a participant is offered the live board');
    return r;
  });
  await j.step('the instructor unfreezes; the participants now see the solve', async () => {
    await ins.goto('/courses/CON1/final/settings');
    await ins.check('input[name=unfreeze]');
    await Promise.all([ins.waitForURL(/\/courses\/CON1\/final$/), ins.click('#a-save')]);
    const r = await row(dave, '/courses/CON1/final/scoreboard', 'dave');
    if (!/\| 1 \| \d+ \| \+ \(\d+\) ?\*$/.test(r)) throw new Error(r);
    return r;
  });
  await j.noConsoleErrors('the contest');
};
