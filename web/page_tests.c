/* page_tests.c - course staff look at a problem's test data (students never can: ROUTE_STAFF). */
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "db.h"
#include "fsutil.h"
#include "package.h"
#include "state.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#define SHOW_MAX (64 * 1024) /* bytes of a file shown on the page */

/* The problem's newest package, read: 1, or 0 after answering an error. */
static int load(struct request *r, struct db_version *v, struct package *p)
{
	char err[512];
	if (!page_visible_problem(r, r->args[0], v))
		return 0;
	char dir[PATH_MAX];
	if (state_version_path(r->cfg->data_dir, v->short_name, v->version, VERSION_PACKAGE, dir, sizeof dir, err,
			       sizeof err) < 0 ||
	    package_load(dir, p, err, sizeof err) < 0) {
		http_error(r, 500, err);
		return 0;
	}
	return 1;
}

static long long size_of(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

void page_tests(struct request *r)
{
	struct db_version v;
	struct package p;
	if (!load(r, &v, &p))
		return;
	struct page *pg;
	struct tpl_dict *d = page_new(r, "Test data", "tests.tpl", &pg);
	if (d) {
		tpl_set(d, "SHORT", v.short_name);
		tpl_set_int(d, "VERSION", v.version);
		tpl_set_int(d, "COUNT", p.ntests);
		for (int i = 0; i < p.ntests; i++) {
			struct tpl_dict *row = tpl_add_section(d, "TEST");
			tpl_set_int(row, "N", i + 1);
			tpl_set(row, "SHORT", v.short_name);
			tpl_set(row, "NAME", p.tests[i].name);
			tpl_set(row, "KIND", p.tests[i].sample ? "sample" : "secret");
			tpl_set_int(row, "IN", size_of(p.tests[i].in));
			tpl_set_int(row, "ANS", size_of(p.tests[i].ans));
		}
		page_send(r, pg, 200);
	}
	package_free(&p);
}

void page_test(struct request *r)
{
	long long n = http_id(r->args[1]);
	struct db_version v;
	struct package p;
	if (!load(r, &v, &p))
		return;
	if (n < 1 || n > p.ntests) {
		package_free(&p);
		http_error(r, 404, "There is no such test.");
		return;
	}
	const struct test_case *t = &p.tests[n - 1];
	char title[340];
	snprintf(title, sizeof title, "%s: %s", v.short_name, t->name);
	struct page *pg;
	struct tpl_dict *d = page_new(r, title, "test.tpl", &pg);
	if (d) {
		tpl_set(d, "SHORT", v.short_name);
		tpl_set_int(d, "N", n);
		tpl_set(d, "NAME", t->name);
		tpl_set(d, "KIND", t->sample ? "sample" : "secret");
		tpl_set_int(d, "IN", size_of(t->in));
		tpl_set_int(d, "ANS", size_of(t->ans));
		page_set_file(d, "INPUT", t->in, SHOW_MAX, "IN_CUT");
		page_set_file(d, "ANSWER", t->ans, SHOW_MAX, "ANS_CUT");
		page_send(r, pg, 200);
	}
	package_free(&p);
}
