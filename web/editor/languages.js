// languages.js - the one place that maps Verdict's language ids (and, for
// ids not listed, the language's file extension) to a CodeMirror mode.
// A language found in neither table is edited as plain text: a language
// added to the judge's table needs no change here to be usable.
import { StreamLanguage } from '@codemirror/language';
import { cpp } from '@codemirror/lang-cpp';
import { python } from '@codemirror/lang-python';
import { java } from '@codemirror/lang-java';
import { javascript } from '@codemirror/lang-javascript';
import { rust } from '@codemirror/lang-rust';
import { go } from '@codemirror/lang-go';
import { php } from '@codemirror/lang-php';
import { kotlin, csharp, scala } from '@codemirror/legacy-modes/mode/clike';
import { haskell } from '@codemirror/legacy-modes/mode/haskell';
import { oCaml } from '@codemirror/legacy-modes/mode/mllike';
import { ruby } from '@codemirror/legacy-modes/mode/ruby';
import { pascal } from '@codemirror/legacy-modes/mode/pascal';
import { commonLisp } from '@codemirror/legacy-modes/mode/commonlisp';
import { erlang } from '@codemirror/legacy-modes/mode/erlang';

const legacy = (mode) => () => StreamLanguage.define(mode);

// mode name -> a function making its CodeMirror extension
const modes = {
  cpp: () => cpp(),
  python: () => python(),
  java: () => java(),
  javascript: () => javascript(),
  rust: () => rust(),
  go: () => go(),
  php: () => php({ plain: false }),
  kotlin: legacy(kotlin),
  csharp: legacy(csharp),
  scala: legacy(scala),
  haskell: legacy(haskell),
  ocaml: legacy(oCaml),
  ruby: legacy(ruby),
  pascal: legacy(pascal),
  lisp: legacy(commonLisp),
  erlang: legacy(erlang),
};

// language id -> mode name
const byId = {
  c: 'cpp', cpp: 'cpp', 'c++': 'cpp', cplusplus: 'cpp',
  python: 'python', python2: 'python', python3: 'python', pypy: 'python', pypy2: 'python', pypy3: 'python',
  java: 'java', kotlin: 'kotlin', csharp: 'csharp', cs: 'csharp', scala: 'scala',
  javascript: 'javascript', js: 'javascript', node: 'javascript', nodejs: 'javascript', typescript: 'javascript',
  rust: 'rust', go: 'go', golang: 'go', php: 'php',
  haskell: 'haskell', ocaml: 'ocaml', fsharp: 'ocaml', ruby: 'ruby', pascal: 'pascal', freepascal: 'pascal',
  lisp: 'lisp', commonlisp: 'lisp', erlang: 'erlang',
};

// file extension -> mode name
const byExtension = {
  '.c': 'cpp', '.h': 'cpp', '.cc': 'cpp', '.cpp': 'cpp', '.cxx': 'cpp', '.c++': 'cpp', '.C': 'cpp',
  '.py': 'python', '.py2': 'python', '.py3': 'python', '.java': 'java', '.kt': 'kotlin', '.cs': 'csharp',
  '.scala': 'scala', '.js': 'javascript', '.mjs': 'javascript', '.ts': 'javascript', '.rs': 'rust', '.go': 'go',
  '.php': 'php', '.hs': 'haskell', '.ml': 'ocaml', '.rb': 'ruby', '.pas': 'pascal', '.lisp': 'lisp',
  '.cl': 'lisp', '.erl': 'erlang',
};

// The mode for language id (file extension ext): its name ("plain" when
// none fits) and the CodeMirror extension that gives it.
export function languageMode(id, ext) {
  const name = byId[id] || byExtension[ext];
  const make = name && modes[name];
  return make ? { name, extension: make() } : { name: 'plain', extension: [] };
}
