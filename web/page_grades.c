/* page_grades.c - the gradebook (students × problems, best results) and its CSV. */
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "gradebook.h"

#include <stdio.h>
#include <stdlib.h>

static int load(struct request *r, struct gradebook *g)
{
	char err[512];
	if (gradebook_load(r->db, page_staff_of(r), g, err, sizeof err) < 0) {
		http_error(r, 503, err);
		return -1;
	}
	return 0;
}

void page_grades(struct request *r)
{
	struct gradebook g;
	if (load(r, &g) < 0)
		return;
	struct page *p;
	struct tpl_dict *d = page_new(r, "Gradebook", "grades.tpl", &p);
	if (!d) {
		gradebook_free(&g);
		return;
	}
	if (g.nusers == 0)
		tpl_show_section(d, "NONE");
	struct tpl_dict *t = g.nusers ? tpl_add_section(d, "TABLE") : NULL;
	for (int j = 0; t && j < g.nproblems; j++)
		tpl_set(tpl_add_section(t, "PROBLEM"), "NAME", g.problems[j]);
	for (int i = 0; t && i < g.nusers; i++) {
		struct tpl_dict *row = tpl_add_section(t, "ROW");
		tpl_set(row, "NAME", g.users[i]);
		double total = 0;
		for (int j = 0; j < g.nproblems; j++) {
			const struct grade_cell *c = gradebook_cell(&g, i, j);
			struct tpl_dict *cell = tpl_add_section(row, "CELL");
			if (!c->verdict[0]) {
				tpl_show_section(cell, "UNTRIED");
				continue;
			}
			struct tpl_dict *tried = tpl_add_section(cell, "TRIED");
			char points[32];
			snprintf(points, sizeof points, "%g", c->points);
			tpl_set(tried, "POINTS", points);
			tpl_set(tried, "VERDICT", c->verdict);
			total += c->points;
		}
		char sum[32];
		snprintf(sum, sizeof sum, "%g", total);
		tpl_set(row, "TOTAL", sum);
	}
	gradebook_free(&g);
	page_send(r, p, 200);
}

void page_grades_csv(struct request *r)
{
	struct gradebook g;
	if (load(r, &g) < 0)
		return;
	char *csv = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&csv, &len);
	int rc = f ? gradebook_write_csv(&g, f) : -1;
	if (f && fclose(f) != 0)
		rc = -1;
	gradebook_free(&g);
	if (rc < 0) {
		free(csv);
		http_error(r, 503, "The gradebook could not be written (out of memory).");
		return;
	}
	http_header(r, "Content-Disposition", "attachment; filename=\"grades.csv\"");
	http_respond(r, 200, "text/csv; charset=utf-8", csv, len);
}
