/* statement_files: which statement images Verdict stores and serves, and
 * as what (judge/package/statement_files.c), the one check import and the
 * web share; and where a version keeps them (judge/core/state.c). Prints
 * TAP lines. */
#include "state.h"
#include "statement_files.h"

#include <stdio.h>
#include <string.h>

static int failed;

static void check(int ok, const char *what, const char *detail)
{
	printf("%s - statement files: %s%s%s\n", ok ? "ok" : "not ok", what, ok ? "" : ": ", ok ? "" : detail);
	failed |= !ok;
}

/* Is name served as want (NULL: refused)? */
static void expect_type(const char *name, const char *want)
{
	const char *got = statement_image_type(name);
	char what[200], shown[160];
	size_t n = 0;
	for (const char *c = name; *c && n + 3 < sizeof shown; c++) /* a TAP line stays one line */
		n += (size_t)snprintf(shown + n, sizeof shown - n, *c == '\n' ? "\\n" : "%c", *c);
	shown[n] = 0;
	snprintf(what, sizeof what, "'%s' is %s", shown, want ? want : "refused");
	check(want ? got && strcmp(got, want) == 0 : got == NULL, what, got ? got : "NULL");
}

int main(void)
{
	expect_type("fig.png", "image/png");
	expect_type("Photo_1.JPG", "image/jpeg");
	expect_type("cave.jpeg", "image/jpeg");
	expect_type("anim.gif", "image/gif");
	expect_type("graph-2.svg", "image/svg+xml");
	expect_type("a.b.png", "image/png");
	/* Names that could climb out, hide, pass for an option, or carry markup. */
	static const char *const bad[] = { "../fig.png", "a/fig.png", ".fig.png", "-fig.png", "fig png.png", "fig.png\n",
					   "\"x\".png", "<x>.png", "fig.html", "fig.png.html", "fig.pdf", "fig", ".png",
					   "problem.en.md", "", NULL };
	for (int i = 0; bad[i]; i++)
		expect_type(bad[i], NULL);
	char longname[128];
	memset(longname, 'a', 97);
	strcpy(longname + 97, ".png"); /* 101 characters */
	expect_type(longname, NULL);
	longname[96] = 0;
	strcat(longname, ".png"); /* 100 */
	expect_type(longname, "image/png");

	char path[4096], err[256];
	check(state_version_path("/d", "p", 2, VERSION_STATEMENT_IMAGES, path, sizeof path, err, sizeof err) == 0 &&
		      strcmp(path, "/d/problems/p/v2/statement-images") == 0,
	      "a version's images are vN/statement-images", path);
	check(state_version_path("/d", "p", 2, VERSION_STATEMENT_PDF, path, sizeof path, err, sizeof err) == 0 &&
		      strcmp(path, "/d/problems/p/v2/statement.pdf") == 0,
	      "its PDF is vN/statement.pdf", path);
	return failed;
}
