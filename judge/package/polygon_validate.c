/* polygon_validate.c - a Polygon package's input validator, run in the sandbox on every test input.
 *
 * Polygon checks every test with the problem's validator before it builds
 * a package; Verdict does the same at import, so that a test that breaks
 * the statement's constraints is found before students meet it. The
 * validator is the package's code: built like an output validator
 * (validator_prepare: compiled in the sandbox) and run in the sandbox, the
 * input on its stdin and nothing else visible, with the output
 * validators' limits.
 */
#include "polygon_validate.h"
#include "polygon_run.h"
#include "fsutil.h"
#include "sandbox.h"
#include "util.h"
#include "validator.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int in_file(const struct dirent *e)
{
	return e->d_name[0] != '.' && ends_with(e->d_name, ".in");
}

/* Runs v on one input; 0 when it accepts, else -1 with err set. */
static int validate_one(const struct validator *v, const char *input, const char *rel, char *err, size_t n)
{
	char text[300] = "";
	struct polygon_run r = { NULL, input, "/dev/null", VALIDATOR_TIME, VALIDATOR_MEMORY, 0 };
	struct sandbox_result res;
	if (polygon_run(v, &r, &res, text, sizeof text) < 0)
		return errf(err, n, "the sandbox failed running the input validator: %s", res.message);
	if (res.status == SANDBOX_OK)
		return 0;
	return errf(err, n, "%s: the package's input validator rejects it (%s%s%s)", rel,
		    res.status == SANDBOX_RE && !res.signal ? "" : res.message, res.status == SANDBOX_RE && !res.signal ? "" : ": ",
		    text[0] ? text : "no message");
}

int polygon_validate_inputs(const char *sources, const char *package_dir, const char *work_root, char *err, size_t n)
{
	struct package p;
	memset(&p, 0, sizeof p);
	if ((size_t)snprintf(p.validator_dir, sizeof p.validator_dir, "%s", sources) >= sizeof p.validator_dir)
		return errf(err, n, "the input validator's path is too long");
	struct validator v;
	char why[1024];
	if (sandbox_init(err, n) < 0)
		return -1;
	if (validator_prepare(&p, work_root, &v, why, sizeof why) < 0)
		return errf(err, n, "input validator: %s", why);
	int rc = 0;
	static const char *const groups[] = { "sample", "secret" };
	for (int g = 0; g < 2 && rc == 0; g++) {
		char dir[PATH_MAX], input[PATH_MAX + 256], rel[300];
		snprintf(dir, sizeof dir, "%s/data/%s", package_dir, groups[g]);
		struct dirent **list;
		int count = scandir(dir, &list, in_file, alphasort);
		if (count < 0) {
			rc = errf(err, n, "cannot read data/%s: %s", groups[g], strerror(errno));
			break;
		}
		for (int i = 0; i < count; i++) {
			snprintf(input, sizeof input, "%s/%s", dir, list[i]->d_name);
			snprintf(rel, sizeof rel, "data/%s/%s", groups[g], list[i]->d_name);
			if (rc == 0)
				rc = validate_one(&v, input, rel, err, n);
			free(list[i]);
		}
		free(list);
	}
	validator_free(&v);
	return rc;
}
