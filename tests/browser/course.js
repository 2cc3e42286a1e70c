// course.js - a course from the browser: an instructor makes a course in
// New York time, enrols three new students from a pasted roster (their
// passwords read off the page), makes an assignment due in a minute or two
// with a 10 %/day penalty, and one that was due 25 hours ago, and gives
// bob an extension; carol submits on time (60 of 100) and, once the due
// time has passed, late (90 of 100, the raw 100 beside it); alice submits
// late and sees 80 of 100 with the raw 100 beside it, bob submits under
// his extension and gets 100; deadlines are shown in the course's zone
// and, by live.js, in the reader's own.
'use strict';
const { source, fillCode } = require('./common');

const ZONE = 'America/New_York';

// now + seconds as "YYYY-MM-DD HH:MM" in ZONE, as the forms take times.
function at(seconds) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + seconds * 1000));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

// Submits the problem's code from the assignment's page; resolves once the
// verdict is the one wanted (AC unless given).
async function submitFor(page, course, assignment, code, want = 'AC') {
  await page.goto(`/courses/${course}/${assignment}`);
  await Promise.all([page.waitForURL(/\/problems\/\w+\?assignment=\d+$/), page.click('#problems tbody a')]);
  await page.waitForSelector('#for-assignment');
  await page.selectOption('#language', 'c');
  await fillCode(page, code);
  await Promise.all([page.waitForURL(/\/submissions\/\d+$/), page.click('#submit-button')]);
  await page.waitForFunction((w) => {
    const v = document.getElementById('verdict');
    return v && v.textContent.trim() === w;
  }, want, { timeout: 30000 });
}

async function points(page, course, assignment) {
  await page.goto(`/courses/${course}`);
  return (await page.textContent(`#a-${assignment} .points`)).replace(/\s+/g, ' ').trim();
}

module.exports = async function (j) {
  const fx = j.fx;
  const D = 86400, H = 3600;
  let ins;
  const passwords = {};
  await j.step('an instructor makes course WEB1 in New York time', async () => {
    ins = await j.login(fx.instructor, fx.password);
    await ins.goto('/courses');
    await ins.fill('#course-short', 'WEB1');
    await ins.fill('#course-title', 'Web course');
    await ins.fill('#course-zone', ZONE);
    await Promise.all([ins.waitForURL(/\/courses\/WEB1$/), ins.click('#course-form button')]);
  });
  await j.step('a pasted roster makes three accounts, their passwords shown once', async () => {
    await ins.goto('/courses/WEB1/roster');
    await ins.fill('#roster-csv', 'alice,Alice A,a1,S1\nbob,Bob B,b1,S2\ncarol,Carol C,c1,S1\n');
    await Promise.all([ins.waitForNavigation(), ins.click('#roster-upload')]);
    const rows = await ins.$$eval('#new-accounts tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
    for (const [name, pw] of rows) passwords[name] = pw;
    if (!passwords.alice || !passwords.bob || !passwords.carol) throw new Error(`new accounts: ${JSON.stringify(rows)}`);
  });
  // Due at the start of a minute one to two minutes from now (the forms
  // take minutes): carol's first submission is on time, her second, made
  // after the steps below, is late.
  const dueMs = Math.floor((Date.now() + 120000) / 60000) * 60000;
  await j.step('an assignment due in a minute or two, late until tomorrow at 10 %/day', async () => {
    await ins.goto('/courses/WEB1/new');
    await ins.fill('#a-short', 'soon1');
    await ins.fill('#a-title', 'Due soon');
    await ins.fill('#a-opens', at(-D));
    await ins.fill('#a-due', at((dueMs - Date.now()) / 1000 + 1));
    await ins.fill('#a-late-until', at(D));
    await ins.fill('#a-late', 'penalty:10/day');
    await ins.fill('#a-problems', `${fx.scoring}:100`);
    await Promise.all([ins.waitForURL(/\/courses\/WEB1\/soon1$/), ins.click('#a-save')]);
    return new Date(dueMs).toISOString();
  });
  let carol;
  await j.step('carol submits on time: 60.00 of 100, no deduction', async () => {
    carol = await j.login('carol', passwords.carol);
    await submitFor(carol, 'WEB1', 'soon1', source(j, 'sixty'), 'WA');
    const p = await points(carol, 'WEB1', 'soon1');
    if (!p.startsWith('60.00 of 100') || p.includes('raw')) throw new Error(`points: ${p}`);
    if (Date.now() >= dueMs) throw new Error('judged only after the due time: the machine is too slow for this journey');
    return p;
  });
  await j.step('an assignment due 25 hours ago, late until tomorrow at 10 %/day', async () => {
    await ins.goto('/courses/WEB1/new');
    await ins.fill('#a-short', 'late1');
    await ins.fill('#a-title', 'Late one');
    await ins.fill('#a-opens', at(-3 * D));
    await ins.fill('#a-due', at(-25 * H));
    await ins.fill('#a-late-until', at(D));
    await ins.fill('#a-late', 'penalty:10/day');
    await ins.fill('#a-problems', `${fx.problem}:100`);
    await Promise.all([ins.waitForURL(/\/courses\/WEB1\/late1$/), ins.click('#a-save')]);
  });
  await j.step('bob gets an extension to tomorrow', async () => {
    await ins.goto('/courses/WEB1/late1/extensions');
    await ins.fill('#x-user', 'bob');
    await ins.fill('#x-due', at(D));
    await ins.fill('#x-reason', 'ill');
    await Promise.all([ins.waitForNavigation(), ins.click('#x-grant')]);
    const rows = await ins.$$eval('#extensions tbody tr', (trs) => trs.map((tr) => tr.textContent));
    if (!rows.some((t) => t.includes('bob') && t.includes('ill'))) throw new Error(`extensions: ${rows.join(' | ')}`);
  });
  let alice;
  await j.step("alice sees the assignment late, its due in New York time and in her own", async () => {
    alice = await j.login('alice', passwords.alice);
    await alice.goto('/courses/WEB1');
    const state = (await alice.textContent('#a-late1 .state')).trim();
    if (!state.startsWith('late')) throw new Error(`state: ${state}`);
    const due = (await alice.textContent('#a-late1 time')).trim();
    if (!/ E[SD]T \(UTC-0[45]:00\)$/.test(due)) throw new Error(`due: ${due}`);
    await alice.waitForSelector('#a-late1 .local-time');
    return `${due}${await alice.textContent('#a-late1 .local-time')}`;
  });
  await j.step('alice submits late: 80.00 of 100, the raw 100.00 and the penalty beside it', async () => {
    await submitFor(alice, 'WEB1', 'late1', source(j, 'ac'));
    const p = await points(alice, 'WEB1', 'late1');
    if (!p.startsWith('80.00 of 100') || !p.includes('raw 100.00') || !p.includes('2 days late')) throw new Error(`points: ${p}`);
    return p;
  });
  await j.step('bob submits under his extension: 100.00 of 100', async () => {
    const bob = await j.login('bob', passwords.bob);
    await submitFor(bob, 'WEB1', 'late1', source(j, 'ac'));
    const p = await points(bob, 'WEB1', 'late1');
    if (p !== '100.00 of 100') throw new Error(`points: ${p}`);
    return p;
  });
  await j.step("the gradebook shows both, alice's raw points in brackets", async () => {
    await ins.goto('/courses/WEB1/grades');
    const a = (await ins.textContent('#u-alice')).replace(/\s+/g, ' ');
    const b = (await ins.textContent('#u-bob')).replace(/\s+/g, ' ');
    if (!a.includes('80.00 (100.00)') || !b.includes('100.00')) throw new Error(`alice: ${a}; bob: ${b}`);
  });
  await j.step('after the due time carol submits again, late: 90.00 of 100, the raw 100.00 beside it', async () => {
    const wait = dueMs + 2000 - Date.now();
    if (wait > 0) await carol.waitForTimeout(wait);
    await carol.goto('/courses/WEB1');
    const state = (await carol.textContent('#a-soon1 .state')).trim();
    if (!state.startsWith('late')) throw new Error(`state: ${state}`);
    await submitFor(carol, 'WEB1', 'soon1', source(j, 'scoring_ac'));
    const p = await points(carol, 'WEB1', 'soon1');
    if (!p.startsWith('90.00 of 100') || !p.includes('raw 100.00') || !p.includes('1 day late')) throw new Error(`points: ${p}`);
    return p;
  });
  await j.noConsoleErrors('the course');
};
