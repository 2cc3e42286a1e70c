/* validator.c - a package's custom output validator: built once, run per test (Kattis protocol).
 *
 * A validator is as untrusted as a submission in one respect: packages come
 * from instructors' uploads, and a broken or hostile validator must not hang
 * or harm the judge. So it is compiled and run in the sandbox; it sees the
 * test's input and answer read-only at /data/test.in and /data/test.ans, a
 * writable /feedback/ and the program's output on stdin. What it writes to
 * /feedback is read back only if it is a regular file (O_NOFOLLOW,
 * O_NONBLOCK, then fstat), and only its first bytes: a planted link cannot
 * make the judge (root) read a host file, nor a FIFO make it wait forever.
 */
#include "validator.h"
#include "fsutil.h"
#include "score_file.h"
#include "validator_scripts.h"
#include "sandbox.h"
#include "util.h"

#include <dirent.h>
#include <ftw.h>
#include <sys/stat.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define VALIDATOR_NEXT "/next" /* where a kept validator keeps the next one */
/* Compiles the file named by argv[1] without writing anything. */
#define PY_SYNTAX_CHECK "import sys; f = open(sys.argv[1], 'rb'); compile(f.read(), sys.argv[1], 'exec')"

void validator_free(struct validator *v)
{
	if (v->next) {
		validator_free(v->next);
		free(v->next);
		v->next = NULL;
	}
	if (!v->kept)
		build_remove(&v->build);
}

static int prepare_one(const struct package *p, const char *program, const char *what, const char *work_root,
		       struct validator *v, char *err, size_t n);

/* A testlib interactor's checker, in the subdirectory checker/ of its
 * sources (where the Polygon converter puts it), as v->next: it judges the
 * interactor's output file afterwards (interactive.c). None: the
 * interactor's verdict is final. */
static int prepare_interactor_checker(const struct package *p, const char *work_root, struct validator *v,
				      char *err, size_t n)
{
	char dir[PATH_MAX];
	struct stat st;
	if (p->nextra_validators > 0)
		return validator_free(v), errf(err, n, "a testlib interactor cannot be one of several output validators");
	if ((size_t)snprintf(dir, sizeof dir, "%s/" VALIDATOR_INTERACTOR_CHECKER, p->validator_dir) >= sizeof dir)
		return validator_free(v), errf(err, n, "the output validator's path is too long");
	if (lstat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return 0;
	if (!(v->next = calloc(1, sizeof *v->next)))
		return validator_free(v), errf(err, n, "out of memory");
	if (prepare_one(p, dir, "interactor's checker", work_root, v->next, err, n) < 0) {
		free(v->next);
		v->next = NULL;
		validator_free(v);
		return -1;
	}
	if (v->next->protocol != PROTOCOL_TESTLIB) {
		validator_free(v);
		return errf(err, n, "output_validator/" VALIDATOR_INTERACTOR_CHECKER "/ beside a testlib interactor must be "
				    "a testlib checker (its source calls registerTestlibCmd)");
	}
	return 0;
}

/* Each of the package's validators, chained: the legacy format runs them all. */
int validator_prepare(const struct package *p, const char *work_root, struct validator *v, char *err, size_t n)
{
	if (prepare_one(p, p->validator_dir, "output validator", work_root, v, err, n) < 0)
		return -1;
	if (v->protocol == PROTOCOL_TESTLIB_INTERACTOR)
		return prepare_interactor_checker(p, work_root, v, err, n);
	struct validator *last = v;
	for (int i = 0; i < p->nextra_validators; i++) {
		if (!(last->next = calloc(1, sizeof *last->next))) {
			validator_free(v);
			return errf(err, n, "out of memory");
		}
		if (prepare_one(p, p->extra_validator_dirs[i], "output validator", work_root, last->next, err, n) < 0) {
			free(last->next);
			last->next = NULL;
			validator_free(v);
			return -1;
		}
		last = last->next;
	}
	return 0;
}

int validator_prepare_program(const struct package *p, const char *program, const char *what, const char *work_root,
			      struct validator *v, char *err, size_t n)
{
	return prepare_one(p, program, what, work_root, v, err, n);
}

static int prepare_one(const struct package *p, const char *program, const char *what, const char *work_root,
		       struct validator *v, char *err, size_t n)
{
	memset(v, 0, sizeof *v);
	char src[PATH_MAX];
	static const struct tree_limits sources = { 64 << 20, 10000, 32 };
	if (make_work_dir(work_root, "validator-", SANDBOX_UID, v->build.dir, sizeof v->build.dir) < 0)
		return errf(err, n, "cannot create a directory for the %s in %s: %s", what, work_root, strerror(errno));
	if ((size_t)snprintf(src, sizeof src, "%s/src", v->build.dir) >= sizeof src ||
	    copy_tree(program, src, &sources, err, n) < 0) {
		validator_free(v);
		return -1;
	}
	/* What is in it decides how it is built. */
	DIR *d = opendir(src);
	if (!d) {
		validator_free(v);
		return errf(err, n, "cannot read the %s's sources: %s", what, strerror(errno));
	}
	char *cpp[64], *c[64], py[256] = "", main_py[256] = "";
	int ncpp = 0, nc = 0, npy = 0, scripts = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		const char *name = e->d_name;
		if (!strcmp(name, "build") || !strcmp(name, "run"))
			scripts = 1;
		else if ((ends_with(name, ".cpp") || ends_with(name, ".cc") || ends_with(name, ".cxx")) && ncpp < 64)
			cpp[ncpp++] = strdup(name);
		else if (ends_with(name, ".c") && nc < 64)
			c[nc++] = strdup(name);
		else if (ends_with(name, ".py")) {
			npy++;
			snprintf(py, sizeof py, "%s", name);
			if (!strcmp(name, "__main__.py") || !strcmp(name, "main.py"))
				snprintf(main_py, sizeof main_py, "%s", name);
		}
	}
	closedir(d);
	int rc = 0;
	char out[PATH_MAX];
	v->protocol = scripts ? PROTOCOL_KATTIS : testlib_protocol_of(src);
	if (scripts) {
		rc = validator_scripts_build(&v->build, p->compilation_time, err, n);
		snprintf(v->run[0], sizeof v->run[0], "/val/src/" VALIDATOR_RUN_SCRIPT);
		v->nrun = 1;
	} else if (ncpp || nc) {
		/* All sources compiled together, their directory on the include
		 * path (validate.h and friends). C++ wins if there is any. */
		char *argv[80];
		char files[64][PATH_MAX];
		int argc = 0, count = ncpp ? ncpp : nc;
		char **list = ncpp ? cpp : c;
		argv[argc++] = ncpp ? "/usr/bin/g++" : "/usr/bin/gcc";
		argv[argc++] = ncpp ? "-std=gnu++20" : "-std=gnu17";
		argv[argc++] = "-O2";
		argv[argc++] = "-static";
		argv[argc++] = "-Isrc";
		argv[argc++] = "-o";
		argv[argc++] = "validator";
		for (int i = 0; i < count; i++) {
			snprintf(files[i], sizeof files[i], "src/%s", list[i]);
			argv[argc++] = files[i];
		}
		if (!ncpp)
			argv[argc++] = "-lm";
		argv[argc] = NULL;
		rc = build_run_compiler(&v->build, argv, 60, 1024, err, n);
		if (rc == 0 && v->build.verdict != VERDICT_AC)
			rc = errf(err, n, "the %s does not compile: %.600s", what, v->build.output);
		snprintf(v->run[0], sizeof v->run[0], "/val/validator");
		v->nrun = 1;
	} else if (npy == 1 || main_py[0]) {
		const char *entry = main_py[0] ? main_py : py;
		snprintf(out, sizeof out, "src/%s", entry);
		/* Checked by compile(), which writes nothing: py_compile would
		 * write src/__pycache__, which the box's user may not. */
		char *argv[] = { "/usr/bin/python3", "-c", PY_SYNTAX_CHECK, out, NULL };
		rc = build_run_compiler(&v->build, argv, 30, 512, err, n);
		if (rc == 0 && v->build.verdict != VERDICT_AC)
			rc = errf(err, n, "the %s %s: %.600s", what,
				  strstr(v->build.output, "SyntaxError") || strstr(v->build.output, "IndentationError")
					  ? "has a syntax error" : "cannot be checked by Python", v->build.output);
		snprintf(v->run[0], sizeof v->run[0], "/usr/bin/python3");
		snprintf(v->run[1], sizeof v->run[1], "/val/src/%s", entry);
		v->nrun = 2;
	} else {
		rc = errf(err, n, "no %s program found (C or C++ sources, or one Python file, or __main__.py, or build/run "
				  "scripts)", what);
	}
	for (int i = 0; i < ncpp; i++)
		free(cpp[i]);
	for (int i = 0; i < nc; i++)
		free(c[i]);
	if (rc < 0)
		validator_free(v);
	return rc;
}

void validator_call_init(struct validator_call *c, const struct validator *v, const struct test_case *t,
			 const char *input_path, const char *feedback_dir, const char *stderr_path)
{
	memset(c, 0, sizeof *c);
	snprintf(c->flags, sizeof c->flags, "%s", t->validator_flags);
	int argc = 0;
	for (int i = 0; i < v->nrun; i++)
		c->argv[argc++] = (char *)v->run[i];
	c->argv[argc++] = "/data/test.in";
	c->argv[argc++] = "/data/test.ans";
	c->argv[argc++] = "/feedback/";
	char *save = NULL;
	for (char *w = strtok_r(c->flags, " \t\n", &save); w && argc < VALIDATOR_MAX_ARGS - 1;
	     w = strtok_r(NULL, " \t\n", &save))
		c->argv[argc++] = w;
	c->argv[argc] = NULL;

	struct sandbox_config *cfg = &c->cfg;
	sandbox_config_defaults(cfg);
	cfg->time_sec = VALIDATOR_TIME;
	cfg->mem_mb = VALIDATOR_MEMORY;
	cfg->stdout_path = "/dev/null";
	cfg->stderr_path = stderr_path;
	cfg->binds[0] = (struct sandbox_bind){ v->build.dir, "/val", 0 };
	cfg->binds[1] = (struct sandbox_bind){ input_path, "/data/test.in", 0 };
	cfg->binds[2] = (struct sandbox_bind){ t->ans, "/data/test.ans", 0 };
	cfg->binds[3] = (struct sandbox_bind){ feedback_dir, "/feedback", 1 };
	cfg->nbinds = 4;
	cfg->argv = c->argv;
	if (!strcmp(v->run[0], "/val/src/" VALIDATOR_RUN_SCRIPT))
		cfg->cwd = "/val/src"; /* a run script finds its files beside it */
}

enum verdict validator_outcome(int rc, const struct sandbox_result *res, const char *feedback_dir,
			       const char *stderr_path, char *message, size_t n)
{
	char file[PATH_MAX + 32];
	enum verdict verdict = VERDICT_JE;
	int truncated;
	snprintf(file, sizeof file, "%s/judgemessage.txt", feedback_dir);
	char judge_msg[512] = "";
	int unreadable = 0;
	if (read_prefix(file, judge_msg, sizeof judge_msg, &truncated) < 0) {
		unreadable = errno != ENOENT;
		judge_msg[0] = 0;
	}
	judge_msg[strcspn(judge_msg, "\n")] = 0;
	if (unreadable) {
		snprintf(message, n, "the output validator left a judgemessage.txt that is not a regular file");
	} else if (rc == 0 && res->status == SANDBOX_RE && res->signal == 0 && (res->exit_code == 42 || res->exit_code == 43)) {
		verdict = res->exit_code == 42 ? VERDICT_AC : VERDICT_WA;
		snprintf(message, n, "%s", judge_msg);
	} else {
		char stderr_text[256] = "";
		if (read_prefix(stderr_path, stderr_text, sizeof stderr_text, &truncated) < 0)
			stderr_text[0] = 0;
		stderr_text[strcspn(stderr_text, "\n")] = 0;
		if (rc == 0 && res->status == SANDBOX_OK)
			snprintf(message, n, "the output validator exited 0 (42 accepts, 43 rejects)%s%s",
				 judge_msg[0] ? ": " : "", judge_msg);
		else
			snprintf(message, n, "the output validator failed: %.200s%s%.200s", res->message,
				 stderr_text[0] ? ": " : "", stderr_text);
	}
	return verdict;
}

enum verdict validator_check_in(const struct validator *v, const struct test_case *t, const char *input_path,
				const char *output_path, const char *feedback_dir, const char *scratch_dir,
				char *message, size_t n)
{
	char err_path[PATH_MAX + 32];
	message[0] = 0;
	snprintf(err_path, sizeof err_path, "%s/validator.stderr", scratch_dir);
	struct validator_call call;
	validator_call_init(&call, v, t, input_path, feedback_dir, err_path);
	call.cfg.stdin_path = output_path;
	struct sandbox_result res;
	int rc = sandbox_run(&call.cfg, &res);
	enum verdict verdict = validator_outcome(rc, &res, feedback_dir, err_path, message, n);
	unlink(err_path);
	return verdict;
}

/* One validator of the chain: its own feedback directory, then the
 * score.txt or score_multiplier.txt it left when has_score is asked for. */
static enum verdict check_one(const struct validator *v, const struct test_case *t, const char *output_path,
			      const char *scratch_dir, int *has_score, double *score, char *message, size_t n)
{
	char feedback[PATH_MAX];
	message[0] = 0;
	if (v->protocol == PROTOCOL_TESTLIB) { /* checker input output answer (testlib_checker.c) */
		double points;
		enum verdict verdict = testlib_check(v, t, output_path, scratch_dir, &points, message, n);
		if (has_score) { /* exit 7's points: a score, as score.txt's (judging.c keeps them to scoring problems) */
			*has_score = points >= 0 ? SCORE_FILE_POINTS : 0;
			*score = points;
		}
		return verdict;
	}
	if (make_work_dir(scratch_dir, "feedback-", SANDBOX_UID, feedback, sizeof feedback) < 0) {
		snprintf(message, n, "cannot create the feedback directory: %s", strerror(errno));
		return VERDICT_JE;
	}
	enum verdict verdict = validator_check_in(v, t, t->in, output_path, feedback, scratch_dir, message, n);
	if (has_score)
		verdict = validator_read_score(feedback, verdict, has_score, score, message, n);
	remove_tree(feedback);
	return verdict;
}

enum verdict validator_read_score(const char *feedback_dir, enum verdict verdict, int *has_score, double *score,
				  char *message, size_t n)
{
	*has_score = 0;
	if (verdict != VERDICT_AC && verdict != VERDICT_WA) /* not the validator's word: nothing to score */
		return verdict;
	char why[256];
	int got = score_file_read(feedback_dir, score, why, sizeof why);
	*has_score = got > 0 ? got : 0;
	if (got < 0 || (got > 0 && verdict == VERDICT_WA)) { /* both formats: a rejection has no score */
		snprintf(message, n, "%s", got < 0 ? why : "the output validator rejected the output but wrote a score");
		*has_score = 0;
		return VERDICT_JE;
	}
	return verdict;
}

/* Every validator in the chain must accept; the first that does not
 * decides, and the first one's score.txt is the score. */
enum verdict validator_check_scored(const struct validator *v, const struct test_case *t, const char *output_path,
				    const char *scratch_dir, int *has_score, double *score, char *message, size_t n)
{
	enum verdict verdict = check_one(v, t, output_path, scratch_dir, has_score, score, message, n);
	for (v = v->next; v && verdict == VERDICT_AC; v = v->next) {
		int ignored_has;
		double ignored;
		verdict = check_one(v, t, output_path, scratch_dir, has_score ? &ignored_has : NULL, &ignored, message, n);
	}
	return verdict;
}

enum verdict validator_check(const struct validator *v, const struct test_case *t, const char *output_path,
			     const char *scratch_dir, char *message, size_t n)
{
	return validator_check_scored(v, t, output_path, scratch_dir, NULL, NULL, message, n);
}

/* How to start the validator in dir: the compiled program, or the Python
 * entry (__main__.py, main.py, else the only .py in src/). */
static int find_run(const char *dir, struct validator *v)
{
	char path[PATH_MAX + 32];
	struct stat st;
	snprintf(path, sizeof path, "%s/validator", dir);
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		snprintf(v->run[0], sizeof v->run[0], "/val/validator");
		v->nrun = 1;
		return 0;
	}
	snprintf(path, sizeof path, "%s/src/" VALIDATOR_RUN_SCRIPT, dir);
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		snprintf(v->run[0], sizeof v->run[0], "/val/src/" VALIDATOR_RUN_SCRIPT);
		v->nrun = 1;
		return 0;
	}
	static const char *const entries[] = { "__main__.py", "main.py" };
	for (size_t i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/src/%s", dir, entries[i]);
		if (stat(path, &st) == 0) {
			snprintf(v->run[0], sizeof v->run[0], "/usr/bin/python3");
			snprintf(v->run[1], sizeof v->run[1], "/val/src/%s", entries[i]);
			v->nrun = 2;
			return 0;
		}
	}
	snprintf(path, sizeof path, "%s/src", dir);
	DIR *d = opendir(path);
	struct dirent *e;
	while (d && (e = readdir(d)))
		if (ends_with(e->d_name, ".py")) {
			snprintf(v->run[0], sizeof v->run[0], "/usr/bin/python3");
			snprintf(v->run[1], sizeof v->run[1], "/val/src/%.200s", e->d_name);
			v->nrun = 2;
			break;
		}
	if (d)
		closedir(d);
	return v->nrun ? 0 : -1;
}

static int chown_root(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st, (void)type, (void)ftw;
	return lchown(path, 0, 0);
}

static int keep(struct validator *v, const char *dir, char *err, size_t n);

/* Builds program (NULL: the package's validators, chained) beside dir,
 * then keeps it as dir. */
static int build_into(const struct package *p, const char *program, const char *what, const char *dir, char *err,
		      size_t n)
{
	char parent[PATH_MAX];
	snprintf(parent, sizeof parent, "%s", dir);
	char *slash = strrchr(parent, '/');
	if (!slash)
		return errf(err, n, "%s: not a path", dir);
	*slash = 0;
	struct validator v;
	if ((program ? prepare_one(p, program, what, parent, &v, err, n) : validator_prepare(p, parent, &v, err, n)) < 0)
		return -1;
	return keep(&v, dir, err, n);
}

int validator_build_into(const struct package *p, const char *dir, char *err, size_t n)
{
	return build_into(p, NULL, NULL, dir, err, n);
}

int validator_build_program_into(const struct package *p, const char *program, const char *what, const char *dir,
				 char *err, size_t n)
{
	return build_into(p, program, what, dir, err, n);
}

/* Moves the built chain v into dir, root's, and frees v. */
static int keep(struct validator *built, const char *dir, char *err, size_t n)
{
	struct validator v = *built; /* taken over: its chain is freed here */
	/* Root's from now on: what runs later sees it read-only anyway. The
	 * next validators go inside, as dir/next, dir/next/next, ... */
	char into[PATH_MAX];
	snprintf(into, sizeof into, "%s", dir);
	for (struct validator *w = &v; w; w = w->next) {
		if (nftw(w->build.dir, chown_root, 16, FTW_PHYS) != 0 || rename(w->build.dir, into) < 0 ||
		    (w->next && strlen(into) + sizeof VALIDATOR_NEXT >= sizeof into)) {
			int e = errno;
			validator_free(&v);
			return errf(err, n, "cannot keep the built validator in %s: %s", into, strerror(e));
		}
		snprintf(w->build.dir, sizeof w->build.dir, "%s", into);
		w->kept = 1; /* in place now: freeing must not remove it */
		strcat(into, VALIDATOR_NEXT);
	}
	validator_free(&v);
	return 0;
}

int validator_open(const char *dir, struct validator *v, char *err, size_t n)
{
	memset(v, 0, sizeof *v);
	snprintf(v->build.dir, sizeof v->build.dir, "%s", dir);
	v->kept = 1;
	char src[PATH_MAX + 8];
	snprintf(src, sizeof src, "%s/src", dir);
	v->protocol = testlib_protocol_of(src);
	if (find_run(dir, v) < 0)
		return errf(err, n, "no built output validator in %s", dir);
	char next[PATH_MAX + sizeof VALIDATOR_NEXT];
	struct stat st;
	snprintf(next, sizeof next, "%s" VALIDATOR_NEXT, dir);
	if (lstat(next, &st) < 0 || !S_ISDIR(st.st_mode))
		return 0;
	if (!(v->next = calloc(1, sizeof *v->next)))
		return errf(err, n, "out of memory");
	if (validator_open(next, v->next, err, n) < 0) {
		validator_free(v);
		return -1;
	}
	return 0;
}
