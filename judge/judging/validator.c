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

void validator_free(struct validator *v)
{
	if (!v->kept)
		build_remove(&v->build);
}

int validator_prepare(const struct package *p, const char *work_root, struct validator *v, char *err, size_t n)
{
	memset(v, 0, sizeof *v);
	char src[PATH_MAX];
	static const struct tree_limits sources = { 64 << 20, 10000, 32 };
	if (make_work_dir(work_root, "validator-", SANDBOX_UID, v->build.dir, sizeof v->build.dir) < 0)
		return errf(err, n, "cannot create a directory for the validator in %s: %s", work_root, strerror(errno));
	if ((size_t)snprintf(src, sizeof src, "%s/src", v->build.dir) >= sizeof src ||
	    copy_tree(p->validator_dir, src, &sources, err, n) < 0) {
		validator_free(v);
		return -1;
	}
	/* What is in it decides how it is built. */
	DIR *d = opendir(src);
	if (!d) {
		validator_free(v);
		return errf(err, n, "cannot read the validator's sources: %s", strerror(errno));
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
	if (scripts) {
		rc = errf(err, n, "output validators with build/run scripts are not supported yet");
	} else if ((v->protocol = testlib_protocol_of(src)) == PROTOCOL_TESTLIB_INTERACTOR) {
		rc = errf(err, n, "the validator is a testlib interactor (registerInteraction): interactive problems are not "
				  "supported yet");
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
			rc = errf(err, n, "the output validator does not compile: %.600s", v->build.output);
		snprintf(v->run[0], sizeof v->run[0], "/val/validator");
		v->nrun = 1;
	} else if (npy == 1 || main_py[0]) {
		const char *entry = main_py[0] ? main_py : py;
		snprintf(out, sizeof out, "src/%s", entry);
		char *argv[] = { "/usr/bin/python3", "-m", "py_compile", out, NULL };
		rc = build_run_compiler(&v->build, argv, 30, 512, err, n);
		if (rc == 0 && v->build.verdict != VERDICT_AC)
			rc = errf(err, n, "the output validator has a syntax error: %.600s", v->build.output);
		snprintf(v->run[0], sizeof v->run[0], "/usr/bin/python3");
		snprintf(v->run[1], sizeof v->run[1], "/val/src/%s", entry);
		v->nrun = 2;
	} else {
		rc = errf(err, n, "no validator program found (C or C++ sources, or one Python file, or __main__.py)");
	}
	for (int i = 0; i < ncpp; i++)
		free(cpp[i]);
	for (int i = 0; i < nc; i++)
		free(c[i]);
	if (rc < 0)
		validator_free(v);
	return rc;
}

enum verdict validator_check(const struct validator *v, const struct test_case *t, const char *output_path,
			     const char *scratch_dir, char *message, size_t n)
{
	char feedback[PATH_MAX], file[PATH_MAX + 32], err_path[PATH_MAX + 32];
	message[0] = 0;
	if (v->protocol == PROTOCOL_TESTLIB) {
		double points;
		return testlib_check(v, t, output_path, scratch_dir, &points, message, n);
	}
	if (make_work_dir(scratch_dir, "feedback-", SANDBOX_UID, feedback, sizeof feedback) < 0) {
		snprintf(message, n, "cannot create the feedback directory: %s", strerror(errno));
		return VERDICT_JE;
	}
	snprintf(err_path, sizeof err_path, "%s/validator.stderr", scratch_dir);
	char flags[sizeof t->validator_flags];
	snprintf(flags, sizeof flags, "%s", t->validator_flags);
	char *argv[64];
	int argc = 0;
	for (int i = 0; i < v->nrun; i++)
		argv[argc++] = (char *)v->run[i];
	argv[argc++] = "/data/test.in";
	argv[argc++] = "/data/test.ans";
	argv[argc++] = "/feedback/";
	char *save = NULL;
	for (char *w = strtok_r(flags, " \t\n", &save); w && argc < 62; w = strtok_r(NULL, " \t\n", &save))
		argv[argc++] = w;
	argv[argc] = NULL;

	struct sandbox_config cfg;
	sandbox_config_defaults(&cfg);
	cfg.time_sec = VALIDATOR_TIME_SEC;
	cfg.mem_mb = VALIDATOR_MEMORY_MB;
	cfg.stdin_path = output_path;
	cfg.stdout_path = "/dev/null";
	cfg.stderr_path = err_path;
	cfg.binds[0] = (struct sandbox_bind){ v->build.dir, "/val", 0 };
	cfg.binds[1] = (struct sandbox_bind){ t->in, "/data/test.in", 0 };
	cfg.binds[2] = (struct sandbox_bind){ t->ans, "/data/test.ans", 0 };
	cfg.binds[3] = (struct sandbox_bind){ feedback, "/feedback", 1 };
	cfg.nbinds = 4;
	cfg.argv = argv;
	struct sandbox_result res;
	int rc = sandbox_run(&cfg, &res);

	enum verdict verdict = VERDICT_JE;
	int truncated;
	snprintf(file, sizeof file, "%s/judgemessage.txt", feedback);
	char judge_msg[512] = "";
	int unreadable = 0;
	if (read_prefix(file, judge_msg, sizeof judge_msg, &truncated) < 0) {
		unreadable = errno != ENOENT;
		judge_msg[0] = 0;
	}
	judge_msg[strcspn(judge_msg, "\n")] = 0;
	if (unreadable) {
		snprintf(message, n, "the output validator left a judgemessage.txt that is not a regular file");
	} else if (rc == 0 && res.status == SANDBOX_RE && res.signal == 0 && (res.exit_code == 42 || res.exit_code == 43)) {
		verdict = res.exit_code == 42 ? VERDICT_AC : VERDICT_WA;
		snprintf(message, n, "%s", judge_msg);
	} else {
		char stderr_text[256] = "";
		if (read_prefix(err_path, stderr_text, sizeof stderr_text, &truncated) < 0)
			stderr_text[0] = 0;
		stderr_text[strcspn(stderr_text, "\n")] = 0;
		if (rc == 0 && res.status == SANDBOX_OK)
			snprintf(message, n, "the output validator exited 0 (42 accepts, 43 rejects)%s%s",
				 judge_msg[0] ? ": " : "", judge_msg);
		else
			snprintf(message, n, "the output validator failed: %.200s%s%.200s", res.message,
				 stderr_text[0] ? ": " : "", stderr_text);
	}
	remove_tree(feedback);
	unlink(err_path);
	return verdict;
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

int validator_build_into(const struct package *p, const char *dir, char *err, size_t n)
{
	char parent[PATH_MAX];
	snprintf(parent, sizeof parent, "%s", dir);
	char *slash = strrchr(parent, '/');
	if (!slash)
		return errf(err, n, "%s: not a path", dir);
	*slash = 0;
	struct validator v;
	if (validator_prepare(p, parent, &v, err, n) < 0)
		return -1;
	/* Root's from now on: what runs later sees it read-only anyway. */
	if (nftw(v.build.dir, chown_root, 16, FTW_PHYS) != 0 || rename(v.build.dir, dir) < 0) {
		int e = errno;
		validator_free(&v);
		return errf(err, n, "cannot keep the built validator in %s: %s", dir, strerror(e));
	}
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
	return 0;
}
