/* page_scoreboard.c - a contest's scoreboard (contest_board.c): the staff's live one, or the participants' frozen one until the freeze is lifted (the assignment's settings). */
#include "course_view.h"
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "contest_board.h"
#include "points.h"

#include <stdio.h>
#include <string.h>

void page_scoreboard(struct request *r)
{
	struct db_assignment a;
	struct contest_board b;
	char text[64], href[200];
	int live;
	if (!course_view_board(r, &a, &b, &live))
		return;
	int ioi = a.contest == DB_CONTEST_IOI;
	struct page *p;
	struct tpl_dict *d = page_new(r, "Scoreboard", "scoreboard.tpl", &p);
	if (!d) {
		contest_board_free(&b);
		return;
	}
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
	for (int q = 0; q < b.nproblems; q++)
		tpl_set(tpl_add_section(d, "PROBLEM"), "LABEL", b.problems[q].label);
	for (int i = 0; i < b.sb.n_rows; i++) {
		const struct scoreboard_row *row = &b.sb.rows[i];
		struct tpl_dict *tr = tpl_add_section(d, "ROW");
		tpl_set_int(tr, "RANK", row->rank);
		tpl_set(tr, "USER", b.people[row->participant].user);
		if (b.people[row->participant].user_id == r->s.user_id)
			tpl_show_section(tr, "ME");
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
	contest_board_free(&b);
	page_send(r, p, 200);
}
