/* db.h - the database layer: every SQL statement Verdict runs is in db*.c (db.c says which).
 *
 * SQLite today (WAL, foreign keys on, migrations from schema/ applied at
 * open); the statements are portable so that a PostgreSQL backend can take
 * the same calls. Functions return 0 on success and -1 with a message in
 * err unless their comment says otherwise.
 */
#ifndef VERDICT_DB_H
#define VERDICT_DB_H

#include <limits.h>
#include <stddef.h>

struct db;
struct judging;
struct package;

/* Opens (creating) the database at path and brings its schema up to date.
 * Each thread needs its own handle. */
int db_open(const char *path, struct db **out, char *err, size_t n);
void db_close(struct db *db);

/* db_open, but before it upgrades a database that has a schema already it
 * copies it (db_backup) to backup_dir/verdict-vOLD-before-vNEW-TIME.db;
 * backup_dir is made (0700) when missing and must be a directory of this
 * user's that nobody else can enter. No copy, no upgrade (-1, err says
 * why). backup_dir NULL: db_open. */
int db_open_with_backups(const char *path, const char *backup_dir, struct db **out, char *err, size_t n);

/* Writes a consistent copy of the database, as of one moment, to dest (a
 * new file, 0600; never a link followed), while others go on writing.
 * Returns 0, or -1 with err set and nothing left at dest. */
int db_backup(struct db *db, const char *dest, char *err, size_t n);

/* 0 when the database's own check finds it whole, else -1 with err. */
int db_check_integrity(struct db *db, char *err, size_t n);

/* ---- transactions, for callers that must store several things or none ---- */
int db_begin(struct db *db, char *err, size_t n);
int db_commit(struct db *db, char *err, size_t n);
void db_rollback(struct db *db);

/* ---- change detection ---- */
/* Where this handle's view of the database is: equal versions, read from
 * the same handle, mean no write was committed in between, by this handle
 * or by any other (the judge, another server thread), so that what was
 * computed from the first may be served again (web/fragment_cache.c).
 * SQLite's data_version and the handle's own change count. */
struct db_data_version {
	long long others, own;
};
int db_data_version(struct db *db, struct db_data_version *v, char *err, size_t n);

/* One read transaction around a page's several reads: each statement on
 * its own takes and drops SQLite's shared locks (fcntl calls, a WAL read
 * mark), a third of a scoreboard request. Only for code that does not
 * write in between. db_read_begin returns 1 when it began one, 0 when not
 * (one is open already, or BEGIN failed: the reads then run on their
 * own); give that to db_read_end, which ends only what was begun. */
int db_read_begin(struct db *db);
void db_read_end(struct db *db, int began);

/* ---- waiting for work (db_wait.c) ---- */
/* Waits up to timeout_ms for a write to the database by anyone (a
 * submission queued, an import asked for, a judge's result): 1 when one
 * came (or may have: a wake-up without a cause is harmless), 0 when the
 * time ran out. An idle judge sleeps here instead of polling, and wakes
 * at once. SQLite: an inotify watch on the database's directory, for its
 * file and its WAL; without one (inotify refused), a plain sleep of at
 * most 200 ms. (PostgreSQL: LISTEN/NOTIFY.) */
int db_wait_change(struct db *db, int timeout_ms);

/* ---- users ---- */
/* password_hash may be NULL (no login yet). */
int db_user_add(struct db *db, const char *name, const char *role, const char *password_hash, long long *id, char *err,
		size_t n);
/* Sets name's role (student, instructor or admin; the schema refuses
 * others). Sessions read the role at every request, so it applies at once.
 * 1 done, 0 no such user, -1 error. */
int db_user_set_role(struct db *db, const char *name, const char *role, char *err, size_t n);

/* Replaces name's password hash and ends all their sessions, in one
 * transaction: 1 done, 0 no such user, -1 error. */
int db_user_set_password(struct db *db, const char *name, const char *password_hash, char *err, size_t n);

/* 1 found (*id set), 0 not found, -1 error. */
int db_user_find(struct db *db, const char *name, long long *id, char *err, size_t n);

/* The user's id, role and password hash: 1 found, 0 not, -1 error. */
int db_user_credentials(struct db *db, const char *name, long long *id, char role[16], char hash[128], char *err,
			size_t n);

/* ---- web sessions and failed logins ---- */
int db_session_add(struct db *db, const char *token_hash, long long user_id, const char *csrf, long long expires_at,
		   char *err, size_t n);
/* 1 found and not expired (user filled), 0 not, -1 error. */
int db_session_get(struct db *db, const char *token_hash, long long now, long long *user_id, char name[64],
		   char role[16], char csrf[64], char *err, size_t n);
int db_session_delete(struct db *db, const char *token_hash, char *err, size_t n);
/* Failed logins since `since`: for this (address, user name) pair, and for this address. */
int db_login_failures(struct db *db, const char *name, const char *address, long long since, int *by_pair,
		      int *by_address, char *err, size_t n);
/* Records a failure at `at`, and deletes those before forget_before. */
int db_login_failure_add(struct db *db, const char *name, const char *address, long long at, long long forget_before,
			 char *err, size_t n);
/* Forgets the pair's failures (after it logged in); the address's others stay. */
int db_login_failures_clear(struct db *db, const char *name, const char *address, char *err, size_t n);

/* ---- problems and their test data versions ---- */
struct db_version {
	long long id, problem_id;
	int version;
	char short_name[64];
	char title[256];             /* the problem's */
	char package_dir[PATH_MAX];
	char format[16];
	double time_limit;
	char time_limit_from[256]; /* how the package set it or it was derived (package.h); "" once an instructor set it */
	long memory_mb, output_mb; /* time_limit and memory_mb: the package's, or an instructor's since */
	int test_count;
	double max_score; /* what a fully accepted submission scores on a scoring problem; -1 pass-fail or unknown */
	int visible; /* the problem's: published (students see a hidden problem only in an open assignment of
		      * theirs: db_problem_visible_to) */
};

/* The version number the next import of short_name will get (1 for a new problem). */
/* The version of a language on the judge host (language_versions): set
 * records it (version is why not when !installed; fingerprint says what
 * toolchain it was found for). get returns 1 with version, installed and
 * fingerprint (may be NULL) filled, 0 when none is recorded, -1 on error. */
int db_language_version_set(struct db *db, const char *language, const char *version, int installed,
			    const char *fingerprint, char *err, size_t n);
int db_language_version_get(struct db *db, const char *language, char *version, size_t version_len, int *installed,
			    char *fingerprint, size_t fingerprint_len, char *err, size_t n);

int db_problem_next_version(struct db *db, const char *short_name, int *version, char *err, size_t n);

/* Records an imported package as version v->version of problem short_name
 * (created, or its title updated), in one transaction. Fills v->id and
 * v->problem_id. Fails if that version exists (a concurrent import). A new
 * problem is hidden from students until it is published
 * (db_problem_set_visible) or put in an open assignment; a new version
 * leaves that as it was. */
int db_problem_add_version(struct db *db, const char *title, struct db_version *v, char *err, size_t n);

/* The newest version of short_name: 1 found, 0 no such problem, -1 error. */
int db_problem_current(struct db *db, const char *short_name, struct db_version *v, char *err, size_t n);

/* The same by problem id: 1 found, 0 not, -1 error. */
int db_problem_current_by_id(struct db *db, long long problem_id, struct db_version *v, char *err, size_t n);

/* Calls fn for each problem, by name, with its newest version and, if
 * count_submissions, how many submissions it has (else -1: counting reads
 * every submission's index entry); hidden ones too (v->visible tells). */
int db_problem_list(struct db *db, int count_submissions,
		    void (*fn)(const struct db_version *v, const char *title, long submissions, void *arg), void *arg,
		    char *err, size_t n);

/* Shows (1) or hides (0) a problem from students: 1 done, 0 no such
 * problem, -1 error. */
int db_problem_set_visible(struct db *db, const char *short_name, int visible, char *err, size_t n);

/* Sets the time limit and memory limit (in the ranges of judge/core/limit.c:
 * LIMIT_TIME, LIMIT_MEMORY) of short_name's newest test data version, which the judge uses
 * from then on (a later import brings the package's own limits again).
 * 1 done, 0 no such problem, -1 error or a limit out of range. */
int db_problem_set_limits(struct db *db, const char *short_name, double time_limit, long memory_mb, char *err,
			  size_t n);

/* Calls fn for each user with role (or every user, role NULL), by name. */
int db_user_list(struct db *db, const char *role, void (*fn)(const char *name, const char *role, void *arg), void *arg,
		 char *err, size_t n);

/* How a user did on a problem, over their judged submissions: "AC" if any
 * was accepted, else the newest one's verdict; the highest score. Read from
 * a summary (best_results) that db_judging_store keeps up to date. */
struct db_best {
	char user[64], problem[64];
	char verdict[8];
	double score;
	int has_score;
	int attempts; /* judged submissions of this user to this problem */
};

/* Calls fn once per (user, problem) with a judged submission, ordered by
 * user and then problem name (byte order). staff_of > 0: over only the
 * submissions that site instructor sees (practice ones, their courses'). */
int db_best_results(struct db *db, long long staff_of, void (*fn)(const struct db_best *b, void *arg), void *arg,
		    char *err, size_t n);

/* The students a site instructor (staff_of) sees on the practice
 * gradebook, by name: those in no course, those with a practice
 * submission, and those of the courses they teach. */
int db_students_seen_by(struct db *db, long long staff_of, void (*fn)(const char *name, const char *role, void *arg),
			void *arg, char *err, size_t n);

/* ---- submissions and the queue ---- */
/* Stores a queued submission (for assignment_id, 0 for none: practice) made now. */
int db_submission_add(struct db *db, long long user_id, long long problem_id, long long assignment_id,
		      const char *language, const char *file_name, const void *source, size_t len, long long *id,
		      char *err, size_t n);

/* How many of user_id's newest `newest` submissions were made at or after
 * since (*recent), and how many of theirs wait for a first judging
 * (*waiting; a regrade's requeued ones are not counted). */
int db_user_submission_counts(struct db *db, long long user_id, long long since, int newest, int *recent,
			      int *waiting, char *err, size_t n);

struct db_submission_filter {
	const char *user, *problem, *language, *verdict;
	long long staff_of; /* > 0: only practice submissions and those for assignments of courses this user is a TA or instructor of */
	long long before_id;
	int limit;
};

struct db_submission_row {
	long long id;
	char user[64], problem[64], language[16], state[16];
	char verdict[8]; /* "" until judged; the newest judging's after a regrade */
	double score;
	int has_score;
	long long submitted_at;
};

/* Calls fn for each matching submission, newest first. Returns how many, or -1. */
int db_submission_list(struct db *db, const struct db_submission_filter *f,
		       void (*fn)(const struct db_submission_row *r, void *arg), void *arg, char *err, size_t n);

struct db_claim {
	long long submission_id;
	long long problem_id;
	char language[16];
	char file_name[256];
	void *source; /* malloc'd; db_claim_free */
	size_t source_len;
	int attempts; /* claims of this submission since it was queued, this one included */
};

/* Takes the oldest queued submission, or one whose lease has expired (its
 * judge died), for owner until now + lease_seconds, atomically.
 * 1 claimed, 0 queue empty, -1 error. */
int db_claim_next(struct db *db, const char *owner, int lease_seconds, struct db_claim *c, char *err, size_t n);
void db_claim_free(struct db_claim *c);

/* ---- what submissions and imports share as the judge's jobs (db_jobs.c) ---- */
enum db_job { DB_JOB_SUBMISSION, DB_JOB_IMPORT };

/* Pushes the job's lease on to now + lease_seconds: 1 still ours, 0 lost
 * (another judge took it over), -1 error. */
int db_job_renew(struct db *db, enum db_job kind, long long id, const char *owner, int lease_seconds, char *err,
		 size_t n);

/* Gives a claimed job back to the queue (a clean retry, after an error
 * that was not the job's fault): 1 done, 0 not ours any more, -1 error. */
int db_job_release(struct db *db, enum db_job kind, long long id, const char *owner, char *err, size_t n);

/* Gives back to the queue every submission and import whose lease owner
 * starts with prefix (a judge process that died). Returns how many. */
int db_jobs_release_owner(struct db *db, const char *prefix, char *err, size_t n);

/* Ends a claimed submission as JE without a judging (no test data to
 * judge against, or it killed its judge again and again), with why shown
 * to people: 1 done, 0 not ours any more, -1 error. */
int db_submission_fail(struct db *db, long long id, const char *owner, const char *why, char *err, size_t n);

/* Pushes the lease on forward while a long judging goes on, and records
 * how many tests have run (for the submission page). 1 still ours, 0 lost
 * (another judge took it over), -1 error. */
int db_lease_renew(struct db *db, long long submission_id, const char *owner, int lease_seconds, int tests_done,
		   char *err, size_t n);

/* Stores a finished judging and its per-test results, and marks the
 * submission done, all in one transaction and only if owner still holds
 * the lease. 1 stored, 0 lease lost (nothing written), -1 error. */
int db_judging_store(struct db *db, const struct db_claim *c, const struct db_version *v, const struct judging *j,
		     const struct package *p, const char *owner, long long started_at, char *err, size_t n);

/* Which judged submissions a regrade takes: those matching every filter
 * given (0 or NULL: any); all of them zero is every submission. */
struct db_regrade_filter {
	long long submission_id;
	const char *problem, *user;
	long long assignment_id; /* the submissions made for this assignment */
	long long staff_of;      /* > 0: only what this site instructor sees (db_internal.h, SEEN_BY_STAFF_OF) */
};

/* Puts the judged submissions matching f back in the queue for a regrade.
 * Calls fn with each one's id and current verdict and score before
 * requeueing. Returns how many, or -1. */
int db_requeue(struct db *db, const struct db_regrade_filter *f,
	       void (*fn)(long long id, const char *verdict, double score, int has_score, void *arg), void *arg,
	       char *err, size_t n);

/* Starts a regrade, in one transaction: the judged submissions matching f
 * are requeued exactly as db_requeue does, and each one's verdict and
 * score from before is recorded under a new regrade asked for by
 * by_user_id (0: nobody, the command line). Sets *count, and *regrade_id
 * (0, with nothing recorded, when nothing matched). */
int db_regrade_start(struct db *db, long long by_user_id, const struct db_regrade_filter *f, long long *regrade_id,
		     int *count, char *err, size_t n);

struct db_regrade_item {
	long long submission_id;
	char user[64], problem[64];
	char old_verdict[8]; /* before the regrade ("" if it had none) */
	double old_score;
	int old_has_score;
	char state[16];      /* now: queued or judging until the regrade's judging is stored, then done */
	char verdict[8];     /* the newest judging's: still the old one until then */
	double score;
	int has_score;
	int changed;         /* done, with a verdict or score other than before */
};

/* Calls fn for each submission of regrade regrade_id, by id (staff_of > 0:
 * only those that site instructor sees). Returns how many (0 also for no
 * such regrade), or -1. */
int db_regrade_items(struct db *db, long long regrade_id, long long staff_of,
		     void (*fn)(const struct db_regrade_item *it, void *arg), void *arg, char *err, size_t n);

/* ---- import jobs: packages the web uploaded, imported by the judge ---- */
struct db_import {
	long long id;
	long long user_id;      /* 0: none */
	char file_name[256];    /* as uploaded: its suffix is the archive type, its base name the problem's */
	char spool_path[PATH_MAX];
	char state[16];         /* queued, running, done, failed */
	char message[4096];     /* done: what was added; failed: why ("" before) */
	long long problem_id;   /* done: the problem (else 0) */
	int version;            /* done: its new test data version (else 0) */
	long long created_at, finished_at; /* finished_at 0 until done or failed */
	int attempts;           /* claims of this import, the latest included */
};

/* Queues the import of the archive at spool_path (uploaded as file_name by
 * user_id, 0 for none); sets *id. */
int db_import_add(struct db *db, long long user_id, const char *file_name, const char *spool_path, long long *id,
		  char *err, size_t n);

/* Takes the oldest queued import, or a running one whose lease has expired
 * (its judge died), for owner until now + lease_seconds, atomically.
 * 1 claimed (*imp filled), 0 none waits, -1 error. */
int db_import_claim_next(struct db *db, const char *owner, int lease_seconds, struct db_import *imp, char *err,
			 size_t n);


/* Records how an import ended, only if owner still holds its lease: done
 * (ok) as version `version` of problem problem_id, or failed; message
 * says what was added or why not. 1 stored, 0 lease lost, -1 error. */
int db_import_finish(struct db *db, long long id, const char *owner, int ok, long long problem_id, int version,
		     const char *message, char *err, size_t n);

/* Is spool_path the file of an import still queued or running? 1 yes, 0
 * no, -1 error. */
int db_import_spool_in_use(struct db *db, const char *spool_path, char *err, size_t n);

/* 1 found (*imp filled), 0 no such import, -1 error. */
int db_import_get(struct db *db, long long id, struct db_import *imp, char *err, size_t n);

/* ---- results ---- */
struct db_test_row {
	char name[256];
	int sample;
	char verdict[8];
	long cpu_ms, wall_ms, mem_kb;
	char message[512];
};

/* A subtask's score in a judging (schema 024). */
struct db_subtask_row {
	char name[256];  /* the group's path: "secret/1-small" */
	double score;
	double max;      /* NAN: the package gives none (legacy) */
};

struct db_result {
	long long id;
	long long user_id, assignment_id; /* assignment_id 0: practice */
	char user[64], problem[64], language[16], file_name[256];
	char state[16];
	char verdict[8];   /* "" while not judged */
	double score;
	int has_score;
	char *compile_output; /* malloc'd or NULL */
	int tests_done;       /* while judging: tests run so far (0 while compiling) */
	struct db_test_row *tests; /* malloc'd */
	int ntests;
	struct db_subtask_row *subtasks; /* malloc'd: a scoring problem's subtasks, if it has any */
	int nsubtasks;
};

/* 1 found, 0 no such submission, -1 error. Free with db_result_free. */
int db_result_get(struct db *db, long long id, struct db_result *r, char *err, size_t n);
void db_result_free(struct db_result *r);

/* ---- what the web pages read ---- */


/* db_best_results for one user: one call per problem they have a judged
 * submission to, by problem name. */
int db_user_best(struct db *db, long long user_id, void (*fn)(const struct db_best *b, void *arg), void *arg, char *err,
		 size_t n);

/* A submission's source (malloc'd into *source, NUL-terminated after
 * *len bytes; the caller frees it) and when it was submitted: 1 found, 0
 * not, -1 error. */
int db_submission_source(struct db *db, long long id, void **source, size_t *len, long long *submitted_at, char *err,
			 size_t n);

/* Recomputes the best results summary from the submissions, in one
 * transaction: for data written behind the db layer's back (bulk loads in
 * benchmarks, repairs). */
int db_best_rebuild(struct db *db, char *err, size_t n);

/* Every judging of a submission (a regrade adds one and keeps the old),
 * newest first: fn once each. Returns how many, or -1. */
struct db_judging_row {
	long long id;
	char verdict[8];
	double score;
	int has_score;
	int version;          /* of the problem's test data */
	long max_cpu_ms, max_mem_kb;
	char judge[128];      /* the worker that judged it */
	long long finished_at;
};
int db_judging_history(struct db *db, long long submission_id, void (*fn)(const struct db_judging_row *j, void *arg),
		       void *arg, char *err, size_t n);

#endif
