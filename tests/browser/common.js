// common.js - what several journeys do: submit code through the problem
// page's form (its editor, or its textarea without JavaScript), and keep
// the judge's only worker busy for a moment.
'use strict';
const fs = require('fs');

// The sources the journeys submit, read from the paths in FIXTURES.
function source(j, which) {
  return fs.readFileSync(j.fx[which], 'utf8');
}

// Fills the submit form of problem on page and sends it; resolves to the
// new submission's id once the browser has landed on its page.
async function submit(page, problem, language, code) {
  await page.goto(`/problems/${encodeURIComponent(problem)}`);
  await page.selectOption('#language', language);
  await fillCode(page, code);
  await Promise.all([
    page.waitForURL(/\/submissions\/\d+$/),
    page.click('#submit-button'),
  ]);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

// Puts code in the problem page's form: into the code editor when its
// script runs (web/editor), else into the plain textarea it replaces.
async function fillCode(page, code) {
  if (await page.$('#code-editor')) await page.fill('#code-editor .cm-content', code);
  else await page.fill('#code', code);
}

// The server runs one judge worker: a submission that spins for its whole
// time limit (TLE after about a second), sent by the instructor (no
// submission limits), makes the next one wait in the queue, so that a page
// reliably starts out "queued" however fast the machine is.
async function occupyJudge(j) {
  if (!j.busyPage) j.busyPage = await j.login(j.fx.instructor, j.fx.password);
  return submit(j.busyPage, j.fx.problem, 'python3', 'while True:\n    pass\n');
}

module.exports = { source, submit, fillCode, occupyJudge };
