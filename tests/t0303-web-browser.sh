#!/bin/bash
# The web pages in a real browser: headless Chromium (Debian's) driven by
# playwright-core (tests/browser, installed into build/node by `make test`).
# A student submits A+B and watches the verdict arrive without a reload, then
# a wrong answer; the same with JavaScript disabled, by reloading; an
# instructor uploads a package, rejudges it and downloads the gradebook. No
# page may log a console error (a CSP violation would). A failed step leaves
# screenshots in build/test-output/browser/ (their paths on "# " lines).
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/browser_lib.sh"
rm -f "$OUT_DIR"/*.png

browser_setup "stu:student ins:instructor" --publish "$REPO/problems/aplusb"

# A package to upload: a copy of aplusb, named addtwo by its archive's name.
$PY - "$REPO/problems/aplusb" "$T/addtwo.zip" <<'PYEOF'
import os, sys, zipfile
src, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for d, _, files in os.walk(src):
        for f in files:
            p = os.path.join(d, f)
            z.write(p, os.path.relpath(p, src))
PYEOF

browser_serve --workers 1

FIXTURES=$(fixtures \
	student stu instructor ins password "$PW" problem aplusb newProblem addtwo zip "$T/addtwo.zip" \
	ac "$REPO/problems/aplusb/submissions/accepted/aplusb.c" \
	wa "$REPO/problems/aplusb/submissions/wrong_answer/int32.c")
browser_run student.js nojs.js instructor.js
finish
