/* page_answers.c - a submit-answer problem on the web: its package's tests, and answer files uploaded into a bundle. */
#include "page_answers.h"
#include "answer_bundle.h"
#include "db.h"
#include "state.h"
#include "util.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int page_problem_package(struct request *r, const struct db_version *v, struct package *p)
{
	char path[PATH_MAX], err[256];
	if (state_version_path(r->cfg->data_dir, v->short_name, v->version, VERSION_PACKAGE, path, sizeof path, err,
			       sizeof err) < 0)
		return -1;
	return package_load(path, p, err, sizeof err);
}

#define KINDS 64 /* versions remembered per thread */

int page_problem_kind(struct request *r, const struct db_version *v, struct problem_kind *k)
{
	static __thread struct {
		char key[160];
		struct problem_kind k;
	} kinds[KINDS];
	static __thread unsigned next;
	char key[160];
	snprintf(key, sizeof key, "%lld/%s/%d", v->id, v->short_name, v->version);
	for (int i = 0; i < KINDS; i++)
		if (!strcmp(kinds[i].key, key)) {
			*k = kinds[i].k;
			return 0;
		}
	struct package p;
	if (page_problem_package(r, v, &p) < 0)
		return -1;
	*k = (struct problem_kind){ p.interactive, p.submit_answer };
	package_free(&p);
	unsigned at = next++ % KINDS;
	snprintf(kinds[at].key, sizeof kinds[at].key, "%s", key);
	kinds[at].k = *k;
	return 0;
}

/* The test an uploaded file answers, or -1 (none, or several: *several set). */
static int test_for(const struct package *p, const char *file_name, int *several)
{
	const char *base = strrchr(file_name, '/') ? strrchr(file_name, '/') + 1 : file_name;
	if (strchr(base, '\\'))
		base = strrchr(base, '\\') + 1;
	size_t bl = strlen(base);
	if (bl <= 4 || !ends_with(base, ".out"))
		return -1;
	bl -= 4;
	int found = -1, count = 0;
	for (int i = 0; i < p->ntests; i++) {
		const char *name = p->tests[i].name;
		size_t nl = strlen(name);
		char dashed[sizeof p->tests[i].name];
		snprintf(dashed, sizeof dashed, "%s", name);
		for (char *c = dashed; *c; c++)
			if (*c == '/')
				*c = '-';
		int tail = nl > bl && name[nl - bl - 1] == '/' && strncmp(name + nl - bl, base, bl) == 0;
		if (tail || (strlen(dashed) == bl && strncmp(dashed, base, bl) == 0)) {
			found = i;
			count++;
		}
	}
	*several = count > 1;
	return count == 1 ? found : -1;
}

char *page_answers_bundle(struct request *r, const struct package *p, size_t *len, char *err, size_t n)
{
	struct answer_bundle b = { 0 };
	char *seen = calloc((size_t)p->ntests + 1, 1);
	if (!seen) {
		errf(err, n, "out of memory");
		return NULL;
	}
	for (int i = 0; i < r->nfields; i++) {
		const struct http_field *f = &r->fields[i];
		if (strcmp(f->name, "answers") != 0 || !f->is_file || !f->file_name[0])
			continue;
		int several = 0, t = test_for(p, f->file_name, &several);
		char name[300];
		if (t >= 0 && seen[t]++) {
			errf(err, n, "two files answer %s", p->tests[t].name);
			t = -1, several = -1;
		} else if (t < 0) {
			errf(err, n, several ? "%s answers several tests: name it after the test's path with '-' for '/' "
					       "(like secret-group1-01.out)"
					     : "%s is not named after a test (like 01.out for secret/01)",
			     f->file_name);
		}
		if (t < 0) {
			answer_bundle_free(&b);
			free(seen);
			return NULL;
		}
		snprintf(name, sizeof name, "%s.out", p->tests[t].name);
		if (answer_bundle_add(&b, name, f->value ? f->value : "", f->len, err, n) < 0) {
			answer_bundle_free(&b);
			free(seen);
			return NULL;
		}
	}
	free(seen);
	if (!b.files) {
		errf(err, n, "choose the answer files to upload, one per test (like 01.out for secret/01)");
		return NULL;
	}
	*len = b.len;
	return b.text;
}
