/* page_tests.c - course staff look at a problem's test data (students never can: ROUTE_STAFF). */
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "db.h"
#include "fsutil.h"
#include "test_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#define SHOW_MAX (64 * 1024) /* bytes of a file shown on the page */

/* The problem's newest test data, opened: 1, or 0 after answering an error. */
static int load(struct request *r, struct test_data *td)
{
	char err[512];
	struct db_version v;
	if (!page_visible_problem(r, r->args[0], &v))
		return 0;
	if (test_data_open(r->cfg->data_dir, &v, 0, td, err, sizeof err) < 0) {
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
	struct test_data td;
	if (!load(r, &td))
		return;
	struct page *pg;
	struct tpl_dict *d = page_new(r, "Test data", "tests.tpl", &pg);
	if (d) {
		tpl_set(d, "SHORT", td.row.short_name);
		tpl_set_int(d, "VERSION", td.row.version);
		tpl_set_int(d, "COUNT", td.pkg.ntests);
		for (int i = 0; i < td.pkg.ntests; i++) {
			struct tpl_dict *row = tpl_add_section(d, "TEST");
			tpl_set_int(row, "N", i + 1);
			tpl_set(row, "SHORT", td.row.short_name);
			tpl_set(row, "NAME", td.pkg.tests[i].name);
			tpl_set(row, "KIND", td.pkg.tests[i].sample ? "sample" : "secret");
			tpl_set_int(row, "IN", size_of(td.pkg.tests[i].in));
			tpl_set_int(row, "ANS", size_of(td.pkg.tests[i].ans));
		}
		page_send(r, pg, 200);
	}
	test_data_close(&td);
}

void page_test(struct request *r)
{
	long long n = http_id(r->args[1]);
	struct test_data td;
	if (!load(r, &td))
		return;
	if (n < 1 || n > td.pkg.ntests) {
		test_data_close(&td);
		http_error(r, 404, "There is no such test.");
		return;
	}
	const struct test_case *t = &td.pkg.tests[n - 1];
	char title[340];
	snprintf(title, sizeof title, "%s: %s", td.row.short_name, t->name);
	struct page *pg;
	struct tpl_dict *d = page_new(r, title, "test.tpl", &pg);
	if (d) {
		tpl_set(d, "SHORT", td.row.short_name);
		tpl_set_int(d, "N", n);
		tpl_set(d, "NAME", t->name);
		tpl_set(d, "KIND", t->sample ? "sample" : "secret");
		tpl_set_int(d, "IN", size_of(t->in));
		tpl_set_int(d, "ANS", size_of(t->ans));
		page_set_file(d, "INPUT", t->in, SHOW_MAX, "IN_CUT");
		page_set_file(d, "ANSWER", t->ans, SHOW_MAX, "ANS_CUT");
		page_send(r, pg, 200);
	}
	test_data_close(&td);
}
