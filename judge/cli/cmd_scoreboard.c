/* cmd_scoreboard.c - `verdict scoreboard [COURSE/]A [--public]`: a contest's standings (contest_board.c).
 *
 * The staff's live board by default (this is an operator's tool); --public
 * shows what participants will see: frozen submissions as pending until
 * the freeze is lifted (assignment set --unfreeze).
 */
#include "cli.h"
#include "commands.h"
#include "contest_board.h"
#include "db.h"
#include "points.h"
#include "state.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage_text[] =
	"usage: verdict scoreboard [COURSE/]A [--course C] [--public] [--state DIR | --db FILE]\n"
	"\n"
	"Prints contest A's standings: ICPC (solved, penalty minutes; a cell is\n"
	"+R (M) when solved at minute M after R rejected attempts, * for the first\n"
	"to solve, -R when not solved) or IOI (points). ?N: N attempts pending, hidden\n"
	"by the freeze or not judged yet. --public shows the board participants see.\n";

static void print_board(const struct db_assignment *a, const struct contest_board *b, int staff)
{
	int ioi = a->contest == DB_CONTEST_IOI;
	printf("%s/%s (%s), %s board%s\n", a->course, a->short_name, db_contest_name(a->contest),
	       staff ? "the staff's live" : "the public", !staff && a->freeze_minutes && !a->unfrozen ? ", frozen" : "");
	printf("%-5s %-16s %s", "rank", "user", ioi ? "   total" : "solved penalty");
	for (int q = 0; q < b->nproblems; q++)
		printf(" %12.12s", b->problems[q].label);
	printf("\n");
	for (int r = 0; r < b->sb.n_rows; r++) {
		const struct scoreboard_row *row = &b->sb.rows[r];
		char text[64];
		printf("%-5d %-16s ", row->rank, b->people[row->participant].user);
		if (ioi)
			printf("%8s", points_format(row->total, text, sizeof text));
		else
			printf("%6d %7lld", row->solved, (long long)row->penalty);
		for (int q = 0; q < b->nproblems; q++) {
			contest_board_cell_text(&row->cells[q], ioi, text, sizeof text);
			printf(" %12s", text);
		}
		printf("\n");
	}
}

int cmd_scoreboard(int argc, char **argv)
{
	static const struct option options[] = { { "course", required_argument, NULL, 'c' },
						 { "public", no_argument, NULL, 'p' },
						 { "db", required_argument, NULL, 'd' }, { "state", required_argument, NULL, 'S' },
						 { "help", no_argument, NULL, 'h' },
						 { NULL, 0, NULL, 0 } };
	const char *course = NULL, *db_opt = NULL, *state_opt = NULL;
	int staff = 1, opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'c': course = optarg; break;
		case 'p': staff = 0; break;
		case 'S': state_opt = optarg; break;
		case 'd': db_opt = optarg; break;
		case 'h': fputs(usage_text, stdout); return 0;
		default: fputs(usage_text, stderr); return 2;
		}
	}
	if (optind != argc - 1) {
		fputs(usage_text, stderr);
		return 2;
	}
	struct db *db = cli_open_db("scoreboard", cli_state(state_opt, db_opt)->db);
	if (!db)
		return 1;
	struct db_assignment a;
	struct contest_board b;
	char err[512];
	int rc = 1;
	if (cli_assignment(db, "scoreboard", course, argv[optind], &a) == 0) {
		if (contest_board_load(db, &a, staff, &b, err, sizeof err) < 0) {
			fprintf(stderr, "verdict scoreboard: %s\n", err);
		} else {
			print_board(&a, &b, staff);
			contest_board_free(&b);
			rc = 0;
		}
	}
	db_close(db);
	return rc;
}
