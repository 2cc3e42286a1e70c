/* page_scoreboard.c - a contest's scoreboard (contest_board.c): the staff's live one, or the participants' frozen one until the freeze is lifted (the assignment's settings).
 *
 * The table is the same for everyone who sees the same view, and making it
 * reads every submission of the contest (18,000 for 500 participants and
 * 12 problems): it is kept (fragment_cache.c) until the database changes,
 * and the reader's own row is marked as it is put into their page. */
#include "course_view.h"
#include "fragment_cache.h"
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "contest_board.h"
#include "points.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The board's table as HTML (malloc'd), or NULL with the error sent. */
static char *board_table(struct request *r, const struct db_assignment *a, int live, size_t *len)
{
	struct contest_board b;
	char err[512], text[64];
	if (contest_board_load(r->db, a, live, &b, err, sizeof err) < 0) {
		http_error(r, 503, err);
		return NULL;
	}
	int ioi = a->contest == DB_CONTEST_IOI;
	struct tpl_dict *d = tpl_dict_new();
	char *html = NULL;
	if (d) {
		tpl_show_section(d, ioi ? "IOI" : "ICPC");
		for (int q = 0; q < b.nproblems; q++)
			tpl_set(tpl_add_section(d, "PROBLEM"), "LABEL", b.problems[q].label);
		for (int i = 0; i < b.sb.n_rows; i++) {
			const struct scoreboard_row *row = &b.sb.rows[i];
			struct tpl_dict *tr = tpl_add_section(d, "ROW");
			tpl_set_int(tr, "RANK", row->rank);
			tpl_set(tr, "USER", b.people[row->participant].user);
			if (ioi) {
				tpl_set(tpl_add_section(tr, "IOI"), "TOTAL", points_format(row->total, text, sizeof text));
			} else {
				struct tpl_dict *ic = tpl_add_section(tr, "ICPC");
				tpl_set_int(ic, "SOLVED", row->solved);
				tpl_set_int(ic, "PENALTY", row->penalty);
			}
			for (int q = 0; q < b.nproblems; q++)
				tpl_set(tpl_add_section(tr, "CELL"), "TEXT",
					contest_board_cell_text(&row->cells[q], ioi, text, sizeof text));
		}
		if (tpl_expand("scoreboard_table.tpl", d, &html, len) < 0)
			html = NULL;
		tpl_dict_free(d);
	}
	contest_board_free(&b);
	if (!html)
		http_error(r, 500, "cannot make the scoreboard's page");
	return html;
}

static void scoreboard_page(struct request *r)
{
	struct db_assignment a;
	char href[200], key[64];
	int live;
	if (!course_view_board_access(r, &a, &live))
		return;
	snprintf(key, sizeof key, "board/%lld/%s", a.id, live ? "live" : "public");
	struct db_data_version now;
	struct fragment table;
	if (!fragment_cache_get(r->db, key, &now, &table)) {
		size_t len;
		char *made = board_table(r, &a, live, &len);
		if (!made)
			return;
		fragment_cache_put(key, &now, made, len, &table);
	}
	struct page *p;
	struct tpl_dict *d = page_new(r, "Scoreboard", "scoreboard.tpl", &p);
	if (!d)
		return;
	int ioi = a.contest == DB_CONTEST_IOI;
	int frozen = a.freeze_minutes && !a.unfrozen;
	tpl_set(d, "TITLE", a.title);
	tpl_set(d, "COURSE", a.course);
	tpl_set(d, "SHORT", a.short_name);
	tpl_set(d, "KIND", ioi ? "IOI" : "ICPC");
	tpl_set(d, "VIEW", live ? "the staff's live board" : frozen ? "frozen for the last minutes" : "live");
	if (page_course_staff(r)) {
		struct tpl_dict *o = tpl_add_section(d, "OTHER");
		snprintf(href, sizeof href, "/courses/%s/%s/scoreboard%s", a.course, a.short_name, live ? "?public=1" : "");
		tpl_set(o, "HREF", href);
		tpl_set(o, "TEXT", live ? "what participants see" : "the live board");
	}
	tpl_show_section(d, ioi ? "IOI" : "ICPC");
	/* The reader's own row is marked by a rule of the page's own, not in
	 * the table, which is the same for everyone (and sent compressed).
	 * User names are letters, digits and ._- only. */
	if (r->s.user[0] && strspn(r->s.user, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") ==
				    strlen(r->s.user))
		tpl_set(tpl_add_section(d, "ME"), "USER", r->s.user);
	/* The table stays the cache's until this thread's next put, after page_send. */
	page_fragment(p, d, "TABLE", &table);
	page_send(r, p, 200);
}

void page_scoreboard(struct request *r)
{
	int began = db_read_begin(r->db); /* its reads in one transaction: it writes nothing */
	scoreboard_page(r);
	db_read_end(r->db, began);
}
