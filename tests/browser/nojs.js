// nojs.js - the submit flow with JavaScript disabled: the form posts, the
// browser lands on the submission page, and reloading it shows the verdict.
'use strict';
const { source, submit, occupyJudge } = require('./common');

module.exports = async function (j, { until }) {
  const fx = j.fx;
  let page;
  await j.step('a student logs in with JavaScript disabled', async () => {
    page = await j.login(fx.student, fx.password, { javaScriptEnabled: false });
  });
  let id;
  await j.step('submitting A+B in C lands on the submission page, which says to reload it', async () => {
    await occupyJudge(j);
    id = await submit(page, fx.problem, 'c', source(j, 'ac'));
    const state = await page.getAttribute('#live', 'data-state');
    if (state === 'done') throw new Error('already judged on landing, behind a busy judge');
    const waiting = (await page.innerText('#waiting')).trim();
    if (!/reload/i.test(waiting)) throw new Error(`#waiting says "${waiting}", nothing about reloading`);
  });
  await j.step('reloading until it is judged shows AC', async () => {
    let reloads = 0;
    await until('the verdict after reloads', async () => {
      await page.reload();
      reloads++;
      return (await page.getAttribute('#live', 'data-state')) === 'done';
    }, 30000, 500);
    const shown = (await page.textContent('#verdict')).trim();
    if (shown !== 'AC') throw new Error(`#verdict is ${shown}`);
    if (new URL(page.url()).pathname !== `/submissions/${id}`) throw new Error(`ended at ${page.url()}`);
    return `${reloads} reload(s)`;
  });
  await j.noConsoleErrors('the no-JavaScript');
};
