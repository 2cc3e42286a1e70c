/* state.h - where Verdict keeps its state, and the one place each path in it is built.
 *
 * The layout (`--state DIR`, what `verdict serve` and `make run` use):
 *
 *   DIR/          root's, 0755: nobody else may rename what is in it
 *   DIR/db/       the web account's: the SQLite file, its -wal and -shm
 *   DIR/spool/    the web account's, 0700: uploads waiting for the judge
 *   DIR/data/     root's, 0755: test data versions, validators, statements,
 *                 the judge's work directories
 *
 * Nothing the web account can write is an ancestor of, or inside, the data
 * directory, so a web server taken over cannot swap it or plant links in it.
 * The command line also takes `--db FILE` (data in FILE.data, spool in
 * FILE.spool): fine for root alone, refused by `serve`.
 */
#ifndef VERDICT_STATE_H
#define VERDICT_STATE_H

#include <limits.h>
#include <stddef.h>
#include <sys/types.h>

struct state {
	char dir[PATH_MAX]; /* "" for the --db layout */
	char db[PATH_MAX];
	char data[PATH_MAX];
	char spool[PATH_MAX];
};

/* From --state DIR, else --db FILE, else $VERDICT_STATE, else $VERDICT_DB,
 * else ./verdict.db ($VERDICT_DATA overrides the data directory of the
 * --db layout). Creates nothing. */
int state_resolve(const char *state_opt, const char *db_opt, struct state *s, char *err, size_t n);

/* Creates what is missing of the layout, as root, for the web account
 * uid:gid, never following a link: the state directory and the data
 * directory must be root's and the web account's ones its own (they are
 * made so). Refuses an old install (DIR/verdict.db) with the commands that
 * move it. uid 0 (no web server): the same, all root's. */
int state_prepare(const struct state *s, uid_t uid, gid_t gid, char *err, size_t n);

/* Creates the state directory (0755) and its db/ (0700) when missing, as
 * root's; `serve` (state_prepare) then hands db/ to the web account. */
int state_make_db_dir(const struct state *s, char *err, size_t n);

/* Checks that only root can change path or any directory above it: each
 * is root's and writable by nobody else (or sticky, as /tmp is). Root
 * relies on this before it trusts what it finds there. */
int state_check_root_only(const char *path, char *err, size_t n);

/* Creates the data directory if missing (root's, 0755) and checks it as
 * state_check_root_only does; for the judge and `problem add`. */
int state_data_ready(const struct state *s, char *err, size_t n);

/* 1 to 63 letters, digits, '-' or '_', not starting with '-': what a
 * problem's name (and so a directory in the data directory) may be. */
int state_name_ok(const char *name);

/* The parts of a test data version, all under DATA/problems/NAME/vN/. */
enum version_part {
	VERSION_DIR,       /* vN itself */
	VERSION_PACKAGE,   /* vN/NAME: the package, regular files and directories only */
	VERSION_VALIDATOR, /* vN/validator: the custom validator, built at import */
	VERSION_GRADER,    /* vN/grader: the legacy custom grader (graders/), built at import */
	VERSION_STATEMENT, /* vN/statement.html: the statement, converted at import */
	VERSION_STATEMENT_IMAGES, /* vN/statement-images/: its images, checked and copied at import */
	VERSION_STATEMENT_PDF,    /* vN/statement.pdf: the package's PDF statement, copied at import */
};

/* Builds the path of a version's part from the data directory, the
 * problem's name (checked with state_name_ok) and its version number
 * (1 or more): never from a path stored in the database. -1 with err set
 * when name or version is not valid or the path is too long. */
int state_version_path(const char *data, const char *name, int version, enum version_part part, char *out, size_t n,
		       char *err, size_t errlen);

/* The name of part inside the version's directory ("validator",
 * "statement.html", ..., or the problem's name for its package); "" for
 * VERSION_DIR. Staging directories are laid out with the same names. */
const char *state_part_name(enum version_part part, const char *name);

/* DATA/problems: every problem's versions (what a backup copies). */
int state_problems_dir(const char *data, char *out, size_t n);

/* Where copies of the database taken before a schema upgrade go: DIR/backup
 * (root's, 0700), or FILE.backup in the --db layout. */
int state_backup_dir(const struct state *s, char *out, size_t n);

/* DATA/work: the judge's scratch directories. */
int state_work_dir(const char *data, char *out, size_t n);

#endif
