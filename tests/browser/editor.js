// editor.js - the code editor on the problem page (web/editor): a student
// types code with the keyboard (line numbers, Tab indents), switches the
// language and sees the highlighting change, reloads and finds the draft
// (code and language) kept, submits it, sees the submission's source
// highlighted the same way, and finds the draft gone; another student on
// the same browser never sees the first one's draft.
'use strict';

// The editor's highlighted tokens, as "text:color" for each span whose
// color differs from the editor's plain text.
function tokens(page, selector) {
  return page.$eval(selector, (root) => {
    const plain = getComputedStyle(root.querySelector('.cm-content')).color;
    return Array.from(root.querySelectorAll('.cm-line span'))
      .map((s) => `${s.textContent}:${getComputedStyle(s).color}`)
      .filter((t) => !t.endsWith(`:${plain}`));
  });
}

const SOLUTION = 'def main():\n    a, b = map(int, input().split())\n    print(a + b)\n\n\nmain()\n';

// Logs page's browser out, and in again as name.
async function switchUser(page, name, password) {
  await page.goto('/problems');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Log out' }).click()]);
  await page.goto('/login');
  await page.getByLabel('Username').fill(name);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Log in' }).click()]);
  const who = (await page.textContent('header .who .user')).trim();
  if (who !== name) throw new Error(`logged in as "${who}", not ${name}`);
}

const CODE = 'def main():\n# sum of two\na, b = map(int, input().split())\nprint(a + b)\n';

module.exports = async function (j) {
  const fx = j.fx;
  const problem = `/problems/${encodeURIComponent(fx.problem)}`;
  let page;
  await j.step('a student opens a problem: the editor, with line numbers, replaces the textarea', async () => {
    page = await j.login(fx.student, fx.password);
    await page.goto(problem);
    await page.waitForSelector('#code-editor .cm-lineNumbers');
    if (await page.isVisible('#code')) throw new Error('the plain textarea is still shown beside the editor');
    if ((await page.getAttribute('#code-editor', 'data-mode')) !== 'cpp') throw new Error('C is not highlighted as C');
  });
  await j.step('typing code, and Tab indents it (focus stays in the editor; Escape, Tab leaves it)', async () => {
    await page.click('#code-editor .cm-content');
    await page.keyboard.type('int x;');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('y');
    const code = await page.inputValue('#code');
    if (!/\n[ \t]+y$/.test(code)) throw new Error(`the form holds ${JSON.stringify(code)}, not an indented y`);
    const inside = await page.evaluate(() => !!document.activeElement.closest('#code-editor'));
    if (!inside) throw new Error('Tab moved the focus out of the editor');
    // Escape, then Tab, leaves the editor (a keyboard user is not trapped).
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const left = await page.evaluate(() => !document.activeElement.closest('#code-editor'));
    if (!left) throw new Error('Escape then Tab did not move the focus out of the editor');
    if (!/\n[ \t]+y$/.test(await page.inputValue('#code'))) throw new Error('Escape then Tab changed the code');
    const numbers = await page.$$eval('#code-editor .cm-lineNumbers .cm-gutterElement', (els) =>
      els.map((e) => e.textContent).filter((t) => /^\d+$/.test(t)));
    if (!numbers.includes('2')) throw new Error(`line numbers shown: ${numbers.join(',')}`);
  });
  let asC, asPython;
  await j.step('switching the language from C to Python 3 changes the highlighting', async () => {
    await page.fill('#code-editor .cm-content', CODE);
    if ((await page.inputValue('#code')) !== CODE) throw new Error('the form does not hold what the editor shows');
    asC = await tokens(page, '#code-editor');
    await page.selectOption('#language', 'python3');
    await page.waitForSelector('#code-editor[data-mode="python"]');
    asPython = await tokens(page, '#code-editor');
    // C takes "def" for a type name, Python for a keyword: two colors.
    const def = (list) => list.find((t) => t.startsWith('def:'));
    if (!def(asPython)) throw new Error(`"def" is not highlighted as Python: ${asPython}`);
    if (def(asC) === def(asPython)) throw new Error(`"def" looks the same in both: ${def(asC)}`);
    if (JSON.stringify(asC) === JSON.stringify(asPython)) throw new Error('the same highlighting in both');
    return `as C: ${asC.join(' ')}; as Python: ${asPython.join(' ')}`;
  });
  await j.step('a language the editor does not know is plain text; one it knows by extension is highlighted', async () => {
    // As if the judge's language table had grown two rows (their ids unknown to web/editor/languages.js).
    await page.evaluate(() => {
      const select = document.getElementById('language');
      for (const [id, ext] of [['brainfudge', '.bfx'], ['kotlin-jvm-99', '.kt']]) {
        const o = document.createElement('option');
        o.value = id;
        o.dataset.ext = ext;
        o.textContent = id;
        select.appendChild(o);
      }
    });
    await page.selectOption('#language', 'brainfudge');
    await page.waitForSelector('#code-editor[data-mode="plain"]');
    const plain = await tokens(page, '#code-editor');
    if (plain.length !== 0) throw new Error(`plain text has highlighted tokens: ${plain}`);
    await page.selectOption('#language', 'kotlin-jvm-99');
    await page.waitForSelector('#code-editor[data-mode="kotlin"]');
    await page.selectOption('#language', 'python3');
    await page.waitForSelector('#code-editor[data-mode="python"]');
  });
  await j.step('a reload keeps the draft: its code and its language', async () => {
    await page.reload();
    await page.waitForSelector('#code-editor[data-mode="python"]');
    const code = await page.inputValue('#code');
    const shown = await page.innerText('#code-editor .cm-content');
    if (code !== CODE) throw new Error(`after the reload the form holds ${JSON.stringify(code)}`);
    if (!shown.includes('a, b = map(int, input().split())')) throw new Error(`after the reload the editor shows ${JSON.stringify(shown)}`);
    if ((await page.inputValue('#language')) !== 'python3') throw new Error('the language went back');
  });
  await j.step('another student on this browser (its storage shared) does not get the draft', async () => {
    const other = await page.context().newPage();
    await switchUser(other, fx.student2, fx.password);
    await other.goto(problem);
    await other.waitForSelector('#code-editor');
    const code = await other.inputValue('#code');
    const kept = await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('verdict-draft:')).length);
    await switchUser(other, fx.student, fx.password);
    await other.close();
    if (code !== '') throw new Error(`the other student's form holds ${JSON.stringify(code)}`);
    if (kept !== 1) throw new Error(`${kept} drafts in the browser's storage, want the first student's one`);
    await page.goto(problem);
    if ((await page.inputValue('#code')) !== CODE) throw new Error('the first student lost the draft');
  });
  await j.step('submitting sends the editor\'s code and shows it highlighted as Python', async () => {
    await page.fill('#code-editor .cm-content', SOLUTION);
    await Promise.all([page.waitForURL(/\/submissions\/\d+$/), page.click('#submit-button')]);
    await page.waitForSelector('#source-view[data-mode="python"]');
    if (await page.isVisible('#source')) throw new Error('the plain source list is still shown');
    const shown = await tokens(page, '#source-view');
    const def = asPython.find((t) => t.startsWith('def:'));
    if (!shown.includes(def)) throw new Error(`"def" is not ${def} in the source: ${shown}`);
    const lines = await page.$$eval('#source-view .cm-line', (els) => els.map((e) => e.textContent));
    if (lines.join('\n') + '\n' !== SOLUTION) throw new Error(`the source shows ${JSON.stringify(lines)}`);
    await page.waitForFunction(() => {
      const v = document.getElementById('verdict');
      return v && v.textContent.trim() === 'AC';
    }, null, { timeout: 30000 });
    return `highlighted: ${shown.slice(0, 6).join(' ')}`;
  });
  await j.step('after submitting, the problem page starts empty again', async () => {
    await page.goto(problem);
    await page.waitForSelector('#code-editor');
    const code = await page.inputValue('#code');
    if (code !== '') throw new Error(`the draft survived the submission: ${JSON.stringify(code)}`);
  });
  await j.noConsoleErrors("the editor's");
};
