/* db.h - the database layer: every SQL statement Verdict runs is in db.c.
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

/* ---- transactions, for callers that must store several things or none ---- */
int db_begin(struct db *db, char *err, size_t n);
int db_commit(struct db *db, char *err, size_t n);
void db_rollback(struct db *db);

/* ---- users ---- */
/* password_hash may be NULL (no login yet). */
int db_user_add(struct db *db, const char *name, const char *role, const char *password_hash, long long *id, char *err,
		size_t n);
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
/* Failed logins since `since`, for this user name and for this address. */
int db_login_failures(struct db *db, const char *name, const char *address, long long since, int *by_name,
		      int *by_address, char *err, size_t n);
int db_login_failure_add(struct db *db, const char *name, const char *address, long long at, char *err, size_t n);
int db_login_failures_clear(struct db *db, const char *name, char *err, size_t n);

/* ---- problems and their test data versions ---- */
struct db_version {
	long long id, problem_id;
	int version;
	char short_name[64];
	char package_dir[PATH_MAX];
	char format[16];
	double time_limit;
	long memory_mb, output_mb;
	int test_count;
};

/* The version number the next import of short_name will get (1 for a new problem). */
int db_problem_next_version(struct db *db, const char *short_name, int *version, char *err, size_t n);

/* Records an imported package as version v->version of problem short_name
 * (created, or its title updated), in one transaction. Fills v->id and
 * v->problem_id. Fails if that version exists (a concurrent import). */
int db_problem_add_version(struct db *db, const char *title, struct db_version *v, char *err, size_t n);

/* The newest version of short_name: 1 found, 0 no such problem, -1 error. */
int db_problem_current(struct db *db, const char *short_name, struct db_version *v, char *err, size_t n);

/* The same by problem id: 1 found, 0 not, -1 error. */
int db_problem_current_by_id(struct db *db, long long problem_id, struct db_version *v, char *err, size_t n);

/* Calls fn for each problem, by name, with its newest version and how many
 * submissions it has. */
int db_problem_list(struct db *db, void (*fn)(const struct db_version *v, const char *title, long submissions, void *arg),
		    void *arg, char *err, size_t n);

/* Calls fn for each user with role (or every user, role NULL), by name. */
int db_user_list(struct db *db, const char *role, void (*fn)(const char *name, const char *role, void *arg), void *arg,
		 char *err, size_t n);

/* How a user did on a problem, over their judged submissions: "AC" if any
 * was accepted, else the newest one's verdict; the highest score. */
struct db_best {
	char user[64], problem[64];
	char verdict[8];
	double score;
	int has_score;
	int attempts; /* judged submissions of this user to this problem */
};

/* Calls fn once per (user, problem) with a judged submission, ordered by
 * user and then problem name (byte order). */
int db_best_results(struct db *db, void (*fn)(const struct db_best *b, void *arg), void *arg, char *err, size_t n);

/* ---- submissions and the queue ---- */
int db_submission_add(struct db *db, long long user_id, long long problem_id, const char *language,
		      const char *file_name, const void *source, size_t len, long long *id, char *err, size_t n);

/* How many of user_id's newest `newest` submissions were made at or after
 * since (*recent), and how many of theirs wait for a first judging
 * (*waiting; a regrade's requeued ones are not counted). */
int db_user_submission_counts(struct db *db, long long user_id, long long since, int newest, int *recent,
			      int *waiting, char *err, size_t n);

struct db_submission_filter {
	const char *user, *problem, *language, *verdict;
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
};

/* Takes the oldest queued submission, or one whose lease has expired (its
 * judge died), for owner until now + lease_seconds, atomically.
 * 1 claimed, 0 queue empty, -1 error. */
int db_claim_next(struct db *db, const char *owner, int lease_seconds, struct db_claim *c, char *err, size_t n);
void db_claim_free(struct db_claim *c);

/* Pushes the lease on forward while a long judging goes on. 1 still ours,
 * 0 lost (another judge took it over), -1 error. */
int db_lease_renew(struct db *db, long long submission_id, const char *owner, int lease_seconds, char *err, size_t n);

/* Stores a finished judging and its per-test results, and marks the
 * submission done, all in one transaction and only if owner still holds
 * the lease. 1 stored, 0 lease lost (nothing written), -1 error. */
int db_judging_store(struct db *db, const struct db_claim *c, const struct db_version *v, const struct judging *j,
		     const struct package *p, const char *owner, long long started_at, char *err, size_t n);

/* Puts submissions back in the queue for a regrade: one (submission_id >
 * 0), a problem's, a user's, or all (every filter NULL/0). Calls fn with
 * each one's id and current verdict and score before requeueing. Returns
 * how many, or -1. */
int db_requeue(struct db *db, long long submission_id, const char *problem, const char *user,
	       void (*fn)(long long id, const char *verdict, double score, int has_score, void *arg), void *arg,
	       char *err, size_t n);

/* ---- results ---- */
struct db_test_row {
	char name[256];
	int sample;
	char verdict[8];
	long cpu_ms, wall_ms, mem_kb;
	char message[512];
};

struct db_result {
	long long id;
	char user[64], problem[64], language[16], file_name[256];
	char state[16];
	char verdict[8];   /* "" while not judged */
	double score;
	int has_score;
	char *compile_output; /* malloc'd or NULL */
	struct db_test_row *tests; /* malloc'd */
	int ntests;
};

/* 1 found, 0 no such submission, -1 error. Free with db_result_free. */
int db_result_get(struct db *db, long long id, struct db_result *r, char *err, size_t n);
void db_result_free(struct db_result *r);

#endif
