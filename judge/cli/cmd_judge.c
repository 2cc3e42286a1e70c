/* cmd_judge.c - `verdict judge` (the judge loop) and `verdict regrade`.
 *
 * Theory of operation: each worker is a thread with its own database
 * handle. It claims the oldest queued submission with a lease (one atomic
 * UPDATE), judges it in the sandbox against the problem's newest test data
 * version while its keeper (job_lease.c, a thread of its own) renews the
 * lease, records progress after every test, and stores the judging and
 * its test results in one transaction, but only while it still holds the
 * lease. Every error ends in a stored JE with the reason, or, when it is
 * not the submission's fault (the database), in a clean retry; a
 * submission that killed its judge JOB_MAX_ATTEMPTS times is JE. A judge killed with -9 stores nothing: once its lease expires, the
 * next claim takes the submission again, so none is lost or judged twice
 * into the record. Workers run one sandbox each, so --workers bounds the
 * runs in flight (default: one per core, for fair timing).
 *
 * The time and memory limits are the database's (the package's, unless an
 * instructor changed them since). `verdict judge` also carries out the
 * imports the web queues (import_job.c): at each turn of its loop, worker
 * 0 takes queued imports before submissions.
 */
#include "cli.h"
#include "commands.h"
#include "course_grades.h"
#include "db.h"
#include "db_courses.h"
#include "points.h"
#include "fsutil.h"
#include "import_job.h"
#include "job_lease.h"
#include "judging.h"
#include "language.h"
#include "answer_bundle.h"
#include "language_version.h"
#include "log.h"
#include "sandbox.h"
#include "state.h"
#include "submission.h"
#include "test_data.h"
#include "util.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_LEASE 60 /* seconds without a sign of life before another judge takes over */

struct options {
	const struct state *st;
	char work[PATH_MAX];
	int workers, once, lease, quiet;
	int imports; /* worker 0 carries out import jobs too */
};

struct worker {
	int index;
	const struct options *o;
	char owner[128];
	struct db *db;
	struct job_lease lease; /* keeps the held job's lease from a thread of its own */
	struct test_data td; /* the last test data version opened, kept for the next submission */
	long judged;
};

/* Set by the signal handler, read by the worker threads: volatile
 * sig_atomic_t is only for the handler's own thread (ThreadSanitizer
 * reported the race); a lock-free atomic is safe in a handler too. */
static atomic_int stopping;

static void on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

struct renewal {
	struct worker *w;
	long long id;
	int lost;
	int tests_done;
};

/* After each test: record the progress (which renews the lease too) and
 * stop if another judge has the submission now. A database error is not
 * a lost lease (the store checks the lease again). */
static int renew(void *arg)
{
	struct renewal *r = arg;
	char err[256];
	int rc = db_lease_renew(r->w->db, r->id, r->w->owner, r->w->o->lease, ++r->tests_done, err, sizeof err);
	if (rc < 0)
		log_error("verdict judge: submission %lld: %s", r->id, err);
	r->lost = rc == 0 || job_lease_lost(&r->w->lease);
	return r->lost;
}

/* After an error that is not the submission's fault (the database was
 * busy or failed): give it back for a clean retry, a second later.
 * JOB_MAX_ATTEMPTS bounds the retries. */
static void retry_later(struct worker *w, const struct db_claim *c, const char *why)
{
	char err[256];
	log_error("verdict judge: submission %lld: %s (will be judged again)", c->submission_id, why);
	if (db_job_release(w->db, DB_JOB_SUBMISSION, c->submission_id, w->owner, err, sizeof err) < 0)
		log_error("verdict judge: submission %lld: %s", c->submission_id, err);
	sleep(1);
}

/* Ends a submission as JE without a judging, with why for people. */
static void fail_submission(struct worker *w, const struct db_claim *c, const char *why)
{
	char err[256], shown[512];
	snprintf(shown, sizeof shown, "judge error: %s", why);
	int rc = db_submission_fail(w->db, c->submission_id, w->owner, shown, err, sizeof err);
	if (rc < 0)
		log_error("verdict judge: submission %lld: %s", c->submission_id, err);
	else if (rc == 1 && !w->o->quiet)
		printf("submission %lld: JE (%s)\n", c->submission_id, why);
	w->judged += rc == 1;
	fflush(stdout);
}

/* A judging that could not happen: recorded as JE with the reason, so the
 * submission is not lost and nobody blames the student. */
static void judge_error(struct judging *j, const char *why)
{
	memset(j, 0, sizeof *j);
	j->verdict = VERDICT_JE;
	j->failed_test = -1;
	snprintf(j->build.output, sizeof j->build.output, "judge error: %s", why);
}

/* The worker's test data for version v: the last submission's when it is
 * the same version, else opened; its limits v's either way (an instructor
 * may have changed them since). */
static int use_test_data(struct worker *w, const struct db_version *v, char *err, size_t n)
{
	if (w->td.row.id == v->id)
		return test_data_limits(&w->td, v, err, n);
	test_data_close(&w->td);
	return test_data_open(w->o->st->data, v, TEST_DATA_VALIDATOR, &w->td, err, n);
}

/* A submit-answer submission's answers, from the bundle stored as its
 * source, into the fresh directory dir (the answers to this problem's
 * tests only). Returns 0 or -1 with err set. */
static int write_answers(struct worker *w, const struct db_claim *c, const char *dir, char *err, size_t n)
{
	if (!w->td.pkg.submit_answer)
		return errf(err, n, "answer files were submitted, but this problem is not submit-answer");
	if (mkdir(dir, 0700) < 0)
		return errf(err, n, "cannot make a directory for the answers: %s", strerror(errno));
	return answer_bundle_unpack(c->source, c->source_len, &w->td.pkg, dir, err, n);
}

static void judge_one(struct worker *w, struct db_claim *c)
{
	char err[1024], src[PATH_MAX + 64];
	long long started = (long long)time(NULL);
	struct db_version v;
	struct judging j;
	struct renewal ren = { .w = w, .id = c->submission_id };
	const struct language *lang;
	if (c->attempts > JOB_MAX_ATTEMPTS) {
		snprintf(err, sizeof err, "the judge stopped %d times while judging this submission: not tried again",
			 c->attempts - 1);
		fail_submission(w, c, err);
		return;
	}
	int found = db_problem_current_by_id(w->db, c->problem_id, &v, err, sizeof err);
	if (found < 0) {
		retry_later(w, c, err);
		return;
	}
	if (found == 0) {
		fail_submission(w, c, "the problem has no test data");
		return;
	}
	if (submission_claim_ok(c->language, c->file_name, c->source, c->source_len, &lang, err, sizeof err) < 0) {
		judge_error(&j, err);
	} else if (use_test_data(w, &v, err, sizeof err) < 0) {
		judge_error(&j, err);
	} else {
		snprintf(src, sizeof src, "%s/source-%lld-%d", w->o->work, c->submission_id, w->index);
		remove_tree(src); /* left by a judge killed here */
		if (lang ? write_new_file(src, c->source, c->source_len) < 0 : write_answers(w, c, src, err, sizeof err) < 0) {
			judge_error(&j, lang ? "cannot write the source to the work directory" : err);
		} else if (judge_submission_with(&w->td.pkg, w->td.has_validator ? &w->td.val : NULL, lang, src, c->file_name, w->o->work,
						 renew, &ren, &j, err, sizeof err) < 0) {
			if (ren.lost) {
				remove_tree(src);
				return; /* another judge has it now */
			}
			judge_error(&j, err);
		}
		remove_tree(src);
	}
	int stored = db_judging_store(w->db, c, &v, &j, &w->td.pkg, w->owner, started, err, sizeof err);
	if (stored < 0)
		retry_later(w, c, err);
	else if (stored == 1 && !w->o->quiet)
		printf("submission %lld: %s\n", c->submission_id, verdict_name(j.verdict));
	w->judged += stored == 1;
	fflush(stdout);
	judging_free(&j);
}

/* Work in progress, for the version commands to wait for (they run only
 * once the workers have been idle for a second, so that they never slow
 * a judging down: under a busy host or a slow CPU they cost seconds). */
static atomic_int busy;
static _Atomic int64_t last_work_ns;

static void work_begin(void)
{
	atomic_fetch_add(&busy, 1);
}

static void work_end(int worked)
{
	if (worked)
		atomic_store(&last_work_ns, monotonic_ns());
	atomic_fetch_sub(&busy, 1);
}

/* One import job, if one waits: 1 carried out, 0 none, -1 error (printed). */
static int import_one(struct worker *w)
{
	struct import_job_outcome out;
	char err[512];
	work_begin();
	int rc = import_job_run_next(w->db, w->o->st, &w->lease, &out, err, sizeof err);
	work_end(rc == 1);
	if (rc < 0)
		log_error("verdict judge: imports: %s", err);
	else if (rc == 1 && !strcmp(out.state, "lost"))
		log_error("verdict judge: import %lld: another judge took it over", out.id);
	else if (rc == 1 && !w->o->quiet)
		printf("import %lld %s: %s\n", out.id, out.state, out.message);
	fflush(stdout);
	return rc;
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	char err[512];
	int64_t last_import_check = 0;
	while (!stopping) {
		/* Imports first: they are few, and a person waits on each. Looked
		 * for at most every 0.5 s: the claim is a write, which between
		 * every two submissions would contend with the others' stores. */
		if (w->index == 0 && w->o->imports) {
			int64_t t = monotonic_ns();
			if (t - last_import_check >= 500 * 1000 * 1000) {
				last_import_check = t;
				if (import_one(w) == 1)
					continue;
			}
		}
		struct db_claim c;
		int rc = db_claim_next(w->db, w->owner, w->o->lease, &c, err, sizeof err);
		if (rc < 0) {
			log_error("verdict judge: %s", err);
			sleep(1);
			continue;
		}
		if (rc == 0) {
			/* Nothing to judge: an import may have come meanwhile. */
			if (w->index == 0 && w->o->imports && import_one(w) == 1)
				continue;
			if (w->o->once)
				break;
			/* Asleep until someone writes to the database (a submission
			 * queued wakes it at once), or a second has passed: a dead
			 * judge's lease runs out without a write. */
			db_wait_change(w->db, 1000);
			continue;
		}
		job_lease_hold(&w->lease, DB_JOB_SUBMISSION, c.submission_id);
		work_begin();
		judge_one(w, &c);
		work_end(1);
		job_lease_drop(&w->lease);
		db_claim_free(&c);
	}
	return NULL;
}

/* A judge that keeps running records its host's language versions for
 * the problem page, beside the workers (a few seconds of boxes, and only
 * for toolchains that changed since). */
struct versions_job {
	struct options *o;
	pthread_t thread;
	int started;
};

/* Before each version command: until no worker has worked for a second. */
static void wait_until_idle(void *arg)
{
	(void)arg;
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	while (!stopping && (atomic_load(&busy) > 0 || monotonic_ns() - atomic_load(&last_work_ns) < 1000 * 1000 * 1000))
		nanosleep(&ts, NULL);
}

static void *versions_main(void *arg)
{
	struct versions_job *job = arg;
	struct db *db = cli_open_db("judge", job->o->st->db);
	char err[512];
	if (db && language_versions_record(db, &stopping, wait_until_idle, NULL, err, sizeof err) < 0)
		log_warning("verdict judge: cannot record the languages' versions: %s", err);
	db_close(db);
	return NULL;
}

/* Runs the workers until the queue is empty (once) or a signal arrives. */
static int run_workers(struct options *o, long *judged)
{
	char err[512] = "";
	if (sandbox_init(err, sizeof err) < 0) {
		log_error("verdict judge: %s", err);
		return 1;
	}
	if (state_data_ready(o->st, err, sizeof err) < 0 || state_work_dir(o->st->data, o->work, sizeof o->work) < 0 ||
	    (mkdir(o->work, 0755) < 0 && errno != EEXIST)) {
		log_error("verdict judge: cannot prepare the work directory in %s: %s", o->st->data,
			err[0] ? err : strerror(errno));
		return 1;
	}
	struct worker *w = calloc((size_t)o->workers, sizeof *w);
	pthread_t *t = calloc((size_t)o->workers, sizeof *t);
	if (!w || !t) {
		free(w), free(t);
		return 1;
	}
	int started = 0, rc = 0;
	struct versions_job versions = { .o = o };
	if (!o->once)
		versions.started = pthread_create(&versions.thread, NULL, versions_main, &versions) == 0;
	for (int i = 0; i < o->workers; i++) {
		w[i].index = i;
		w[i].o = o;
		job_lease_owner(w[i].owner, sizeof w[i].owner, (int)getpid(), i);
		if (!(w[i].db = cli_open_db("judge", o->st->db))) {
			rc = 1;
			break;
		}
		if (job_lease_start(&w[i].lease, o->st->db, w[i].owner, o->lease, err, sizeof err) < 0 ||
		    pthread_create(&t[i], NULL, worker_main, &w[i]) != 0) {
			log_error("verdict judge: cannot start worker %d: %s", i, err[0] ? err : strerror(errno));
			job_lease_stop(&w[i].lease);
			db_close(w[i].db);
			rc = 1;
			break;
		}
		started++;
	}
	*judged = 0;
	for (int i = 0; i < started; i++) {
		pthread_join(t[i], NULL);
		*judged += w[i].judged;
		job_lease_stop(&w[i].lease);
		test_data_close(&w[i].td);
		db_close(w[i].db);
	}
	if (versions.started)
		pthread_join(versions.thread, NULL);
	free(w);
	free(t);
	return rc;
}

static int default_workers(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

static int parse_count(const char *s, int lo, int hi)
{
	char *end;
	long v = strtol(s, &end, 10);
	return *end || end == s || v < lo || v > hi ? -1 : (int)v;
}

static const char judge_usage[] =
	"usage: verdict judge [--workers N] [--once] [--lease SEC] [--state DIR | --db FILE]\n"
	"\n"
	"Judges queued submissions with N workers (default: one per core), and carries\n"
	"out the package imports queued by the web (from <data>/spool). --once\n"
	"drains the queues and exits; otherwise it waits for more until SIGINT/SIGTERM.\n"
	"A submission whose judge stops answering for --lease seconds (default 60,\n"
	"counted in whole seconds) is judged again by another.\n";

int cmd_judge(int argc, char **argv)
{
	static const struct option options[] = { { "workers", required_argument, NULL, 'w' },
						 { "once", no_argument, NULL, 'o' },
						 { "lease", required_argument, NULL, 'l' },
						 { "db", required_argument, NULL, 'd' }, { "state", required_argument, NULL, 'S' },
						 { NULL, 0, NULL, 0 } };
	struct options o = { .workers = default_workers(), .lease = DEFAULT_LEASE, .imports = 1 };
	const char *db_opt = NULL, *state_opt = NULL;
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'w': o.workers = parse_count(optarg, 1, 256); break;
		case 'o': o.once = 1; break;
		case 'l': o.lease = parse_count(optarg, 2, 86400); break;
		case 'S': state_opt = optarg; break;
		case 'd': db_opt = optarg; break;
		default: fputs(judge_usage, stderr); return 2;
		}
		if (o.workers < 0 || o.lease < 0) {
			fprintf(stderr, "verdict judge: bad number: %s\n%s", optarg, judge_usage);
			return 2;
		}
	}
	if (optind != argc) {
		fputs(judge_usage, stderr);
		return 2;
	}
	o.st = cli_state(state_opt, db_opt);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	long judged;
	int rc = run_workers(&o, &judged);
	if (o.once)
		printf("judged %ld submissions\n", judged);
	return rc;
}

/* ---- regrade ---- */

struct report {
	int changed, waiting;
};

/* One line per regraded submission whose verdict or score changed, or
 * that is not judged again yet. */
static void report_item(const struct db_regrade_item *it, void *arg)
{
	struct report *r = arg;
	if (strcmp(it->state, "done") != 0) {
		printf("%-8lld %-16s %-16s %s -> (not judged yet: %s)\n", it->submission_id, it->user, it->problem,
		       it->old_verdict, it->state);
		r->waiting++;
	} else if (it->changed) {
		printf("%-8lld %-16s %-16s %s -> %s\n", it->submission_id, it->user, it->problem, it->old_verdict,
		       it->verdict);
		r->changed++;
	}
}

/* For --assignment: each student's points on it before and after, from
 * the course's gradebook (course_grades.c). Prints "user old -> new" for
 * every student and returns how many changed. */
static int report_points(const struct course_grades *before, const struct course_grades *after)
{
	int changed = 0;
	printf("%-16s %s\n", "student", "points old -> new (after the late policy)");
	for (int s = 0; s < after->nstudents && before->nassignments == 1 && after->nassignments == 1; s++) {
		int64_t raw, old = 0, now_;
		char a[32], b[32];
		for (int t = 0; t < before->nstudents; t++)
			if (before->students[t].user_id == after->students[s].user_id)
				course_grades_total(before, t, 0, &raw, &old);
		course_grades_total(after, s, 0, &raw, &now_);
		printf("%-16s %s -> %s%s\n", after->students[s].user, points_format(old, a, sizeof a),
		       points_format(now_, b, sizeof b), old != now_ ? "  (changed)" : "");
		changed += old != now_;
	}
	return changed;
}

static const char regrade_usage[] =
	"usage: verdict regrade (--submission N | --problem P | --user U | --assignment [COURSE/]A [--course C] | --all)\n"
	"                       [--workers N] [--state DIR | --db FILE]\n"
	"\n"
	"Judges the chosen submissions again against the current test data, keeping\n"
	"their old judgings, and prints those whose verdict or score changed. With\n"
	"--assignment (the submissions made for it), also each student's points on it,\n"
	"old -> new, after its late policy.\n";

int cmd_regrade(int argc, char **argv)
{
	static const struct option options[] = { { "submission", required_argument, NULL, 's' },
						 { "problem", required_argument, NULL, 'p' },
						 { "user", required_argument, NULL, 'u' },
						 { "all", no_argument, NULL, 'a' },
						 { "assignment", required_argument, NULL, 'A' },
						 { "course", required_argument, NULL, 'c' },
						 { "workers", required_argument, NULL, 'w' },
						 { "db", required_argument, NULL, 'd' }, { "state", required_argument, NULL, 'S' },
						 { NULL, 0, NULL, 0 } };
	struct options o = { .workers = default_workers(), .lease = DEFAULT_LEASE, .once = 1, .quiet = 1 };
	const char *problem = NULL, *user = NULL, *db_opt = NULL, *state_opt = NULL, *assignment = NULL, *course = NULL;
	long long submission = 0;
	int filters = 0, opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 's': submission = strtoll(optarg, NULL, 10), filters++; break;
		case 'p': problem = optarg, filters++; break;
		case 'u': user = optarg, filters++; break;
		case 'a': filters++; break;
		case 'A': assignment = optarg, filters++; break;
		case 'c': course = optarg; break;
		case 'w': o.workers = parse_count(optarg, 1, 256); break;
		case 'S': state_opt = optarg; break;
		case 'd': db_opt = optarg; break;
		default: fputs(regrade_usage, stderr); return 2;
		}
	}
	if (filters != 1 || optind != argc || o.workers < 0 || (submission < 0) || (course && !assignment)) {
		fputs(regrade_usage, stderr);
		return 2;
	}
	o.st = cli_state(state_opt, db_opt);
	struct db *db = cli_open_db("regrade", o.st->db);
	if (!db)
		return 1;
	char err[512];
	long long id;
	struct db_version v;
	if (user && db_user_find(db, user, &id, err, sizeof err) == 0) {
		log_error("verdict regrade: no user named '%s'", user);
		db_close(db);
		return 1;
	}
	if (problem && db_problem_current(db, problem, &v, err, sizeof err) == 0) {
		log_error("verdict regrade: no problem named '%s'", problem);
		db_close(db);
		return 1;
	}
	struct db_assignment a = { 0 };
	struct db_course c = { 0 };
	struct course_grades before = { 0 }, after = { 0 };
	if (assignment && (cli_assignment(db, "regrade", course, assignment, &a) < 0 ||
			   cli_course(db, "regrade", a.course, &c) < 0)) {
		db_close(db);
		return 1;
	}
	if (assignment && course_grades_load(db, &c, a.id, 0, &before, err, sizeof err) < 0) {
		fprintf(stderr, "verdict regrade: %s\n", err);
		db_close(db);
		return 1;
	}
	long long regrade;
	int count;
	struct db_regrade_filter f = { submission, problem, user, a.id, 0 }; /* the command line is root's: everything */
	if (db_regrade_start(db, 0, &f, &regrade, &count, err, sizeof err) < 0) {
		log_error("verdict regrade: %s", err);
		course_grades_free(&before);
		db_close(db);
		return 1;
	}
	if (count == 0) {
		printf("nothing to regrade (no judged submission matches)\n");
		course_grades_free(&before);
		db_close(db);
		return submission ? 1 : 0;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	long judged;
	int rc = run_workers(&o, &judged);
	struct report r = { 0 };
	printf("%-8s %-16s %-16s %s\n", "id", "user", "problem", "old -> new");
	if (db_regrade_items(db, regrade, 0, report_item, &r, err, sizeof err) < 0) {
		log_error("verdict regrade: %s", err);
		rc = 1;
	}
	if (r.waiting)
		rc = 1;
	printf("regraded %d submissions: %d changed, %d unchanged\n", count, r.changed, count - r.changed);
	if (assignment && course_grades_load(db, &c, a.id, 0, &after, err, sizeof err) < 0) {
		fprintf(stderr, "verdict regrade: %s\n", err);
		rc = 1;
	} else if (assignment) {
		int changed = report_points(&before, &after);
		printf("%s/%s: points changed for %d of %d students\n", a.course, a.short_name, changed, after.nstudents);
	}
	course_grades_free(&before);
	course_grades_free(&after);
	db_close(db);
	return rc;
}
