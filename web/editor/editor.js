// editor.js - the code editor on a problem page and the highlighted source
// on a submission page (CodeMirror 6; bundled by `make` into
// /static/editor.js). Both pages work without it: the plain textarea
// submits, the plain numbered list shows the source.
//
// Problem page: the editor replaces the textarea #code (kept, hidden, and
// filled on every change, so the form sends what the editor shows); the
// language picker #language switches the highlighting; the draft (code
// and language) is kept in localStorage under the key in the textarea's
// data-draft (the user's id and the problem's name) until the form is
// submitted.
// Submission page: the numbered list #source becomes a read-only editor
// with the submission's language (data-language, data-ext).
import { EditorView, basicSetup } from 'codemirror';
import { Compartment, EditorState } from '@codemirror/state';
import { keymap, lineNumbers } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { languageMode } from './languages.js';

function storage() {
  try {
    return window.localStorage;
  } catch (e) { // disabled by the browser's settings
    return null;
  }
}

function readDraft(store, key) {
  try {
    const d = JSON.parse(store.getItem(key) || 'null');
    return d && typeof d.code === 'string' ? d : null;
  } catch (e) {
    return null;
  }
}

function problemEditor(textarea) {
  const select = document.getElementById('language');
  const store = storage();
  const key = store && textarea.dataset.draft ? 'verdict-draft:' + textarea.dataset.draft : null;
  const hasOption = (id) => select && Array.prototype.some.call(select.options, (o) => o.value === id);
  // A form the server sent back (a refused submission) keeps its code;
  // otherwise the draft, if any, comes back.
  const draft = key && textarea.value.trim() === '' ? readDraft(store, key) : null;
  if (draft) {
    textarea.value = draft.code;
    if (draft.language && hasOption(draft.language)) select.value = draft.language;
  }
  const mode = new Compartment();
  function currentMode() {
    const option = select && select.options[select.selectedIndex];
    return languageMode(select ? select.value : '', option ? option.dataset.ext : '');
  }
  function save() {
    if (!key) return;
    try {
      store.setItem(key, JSON.stringify({ code: textarea.value, language: select ? select.value : '' }));
    } catch (e) { /* full: the form still holds the code */ }
  }
  const first = currentMode();
  const view = new EditorView({
    doc: textarea.value,
    extensions: [
      basicSetup,
      keymap.of([indentWithTab]),
      mode.of(first.extension),
      EditorView.contentAttributes.of({ 'aria-label': 'Code' }),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        textarea.value = u.state.doc.toString();
        save();
      }),
    ],
  });
  view.dom.id = 'code-editor';
  view.dom.dataset.mode = first.name;
  const label = textarea.closest('label') || textarea;
  label.parentNode.insertBefore(view.dom, label.nextSibling);
  textarea.hidden = true;
  if (select)
    select.addEventListener('change', () => {
      const m = currentMode();
      view.dispatch({ effects: mode.reconfigure(m.extension) });
      view.dom.dataset.mode = m.name;
      if (textarea.value !== '') save();
    });
  textarea.form.addEventListener('submit', () => {
    textarea.value = view.state.doc.toString();
    if (key) store.removeItem(key);
  });
}

function sourceView(list) {
  // A form sends a textarea's lines ending in CRLF; the page's parser reads
  // the '\r' left in each line as a line break: no line of its own.
  const lines = Array.prototype.map.call(list.querySelectorAll('li'), (li) => li.textContent.replace(/[\r\n]+$/, ''));
  const m = languageMode(list.dataset.language || '', list.dataset.ext || '');
  const view = new EditorView({
    doc: lines.join('\n'),
    extensions: [
      lineNumbers(),
      EditorState.readOnly.of(true),
      EditorView.editable.of(false),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      m.extension,
    ],
  });
  view.dom.id = 'source-view';
  view.dom.dataset.mode = m.name;
  list.parentNode.insertBefore(view.dom, list);
  list.hidden = true;
}

function start() {
  const code = document.getElementById('code');
  if (code && code.form) problemEditor(code);
  const source = document.getElementById('source');
  if (source) sourceView(source);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
