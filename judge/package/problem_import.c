/* problem_import.c - import a problem package (a directory or an archive) as a problem's next test data version.
 *
 * A package is an instructor's, and the import runs as root: instructors
 * are trusted with problems, not with the machine. So the package is read
 * exactly once, by copy_tree, into a private copy made of regular files and
 * directories only (links resolved inside the package, or refused; no
 * device or FIFO is ever opened; files, directories, depth and bytes
 * bounded: package_limits below). Everything after reads that copy only:
 * it is moved into a staging directory laid out as the version will be
 * (both are in the data directory, so a rename), read there once (so a
 * malformed package is refused with the file at fault), its validator
 * built and statement converted, renamed into place as the problem's next
 * test data version, and only then recorded in the database, in one
 * transaction; if anything fails every copy is removed. Old versions stay,
 * with the submissions judged against them.
 */
#include "problem_import.h"
#include "grader.h"
#include "db.h"
#include "fsutil.h"
#include "package.h"
#include "package_archive.h"
#include "polygon.h"
#include "sandbox.h"
#include "state.h"
#include "statement.h"
#include "statement_files.h"
#include "time_limit.h"
#include "util.h"
#include "validator.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A larger package is refused: 2 GiB of files, 100,000 files and
 * directories, directories 32 deep (README, "Problem packages"). */
static const struct tree_limits package_limits = { 2LL << 30, 100000, 32 };

/* problem_import_copy, with the problem's name and whose fault a failure
 * is in *r. */
static int copy_package(const char *data, const char *pkg_path, char *scratch, char *copy, struct problem_import_result *r,
			char *err, size_t n)
{
	char real[PATH_MAX], why[1024];
	r->bad_package = 1;
	if (!realpath(pkg_path, real))
		return errf(err, n, "cannot open problem package %s: %s", pkg_path, strerror(errno));
	const char *name = strrchr(real, '/') + 1; /* (real is absolute) */
	if (!state_name_ok(name))
		return errf(err, n, "problem package %s: its directory name is the problem's name, and must be 1 to 63 "
				    "letters, digits, '-' or '_', not starting with '-'", pkg_path);
	snprintf(r->short_name, sizeof r->short_name, "%s", name);
	if ((size_t)snprintf(scratch, PATH_MAX, "%s/.package-XXXXXX", data) >= PATH_MAX || !mkdtemp(scratch) ||
	    (size_t)snprintf(copy, PATH_MAX, "%s/%s", scratch, name) >= PATH_MAX) {
		r->bad_package = 0;
		return errf(err, n, "problem %s: cannot create a directory in %s: %s", name, data, strerror(errno));
	}
	/* A Polygon package becomes a Kattis one, in the copy (polygon.c). */
	if (copy_tree(real, copy, &package_limits, why, sizeof why) < 0 ||
	    (polygon_is_package(copy) && polygon_convert(copy, data, r->warnings, sizeof r->warnings, why, sizeof why) < 0)) {
		remove_tree(scratch);
		return errf(err, n, "problem %s: %s", name, why);
	}
	r->bad_package = 0;
	return 0;
}

int problem_import_copy(const char *parent, const char *pkg_path, char *scratch, char *copy, char *warnings,
			size_t wn, char *err, size_t n)
{
	struct problem_import_result r;
	memset(&r, 0, sizeof r);
	int rc = copy_package(parent, pkg_path, scratch, copy, &r, err, n);
	snprintf(warnings, wn, "%s", r.warnings);
	return rc;
}

/* Numbers this process's staging directories: with the pid, unique among
 * every import running at once (a judge and a command line, or two). */
static unsigned staging_counter;

void problem_import_describe(const struct problem_import_result *r, char *out, size_t n)
{
	int derived = !strncmp(r->time_limit_from, "derived", 7); /* how, when it is not the package's own */
	snprintf(out, n, "problem %s (%s) added as version %d: %d test cases, time limit %g s%s%s%s, memory %ld MB",
		 r->short_name, r->title, r->version, r->test_count, r->time_limit, derived ? " (" : "",
		 derived ? r->time_limit_from : "", derived ? ")" : "", r->memory_mb);
}

/* Builds a custom validator into <stage_parent>/validator, and converts
 * the statement to <stage_parent>/statement.html (with its images and
 * PDF), from the staged package
 * p. -1 with why set; *bad when the package is at fault. */
static int prepare_staged(const struct package *p, const char *stage_parent, int *bad, char *why, size_t n)
{
	/* A custom validator is built once per test data version, here, and
	 * kept beside the package (<data>/problems/<name>/v<N>/validator). */
	if (p->custom_validator) {
		char built[PATH_MAX + 32];
		snprintf(built, sizeof built, "%s/%s", stage_parent, state_part_name(VERSION_VALIDATOR, p->short_name));
		*bad = 1;
		if (sandbox_init(why, n) < 0 || validator_build_into(p, built, why, n) < 0)
			return -1;
		*bad = 0;
	}
	/* So is a legacy custom grader (<data>/problems/<name>/v<N>/grader). */
	if (p->grader_dir[0]) {
		char built[PATH_MAX + 32];
		snprintf(built, sizeof built, "%s/%s", stage_parent, state_part_name(VERSION_GRADER, p->short_name));
		*bad = 1;
		if (sandbox_init(why, n) < 0 || grader_build_into(p, built, why, n) < 0)
			return -1;
		*bad = 0;
	}
	/* Statements are shown as HTML: converted once, here, beside the
	 * package (<data>/problems/<name>/v<N>/statement.html), by pandoc in a
	 * box; its images and PDF are checked and copied beside it (state.h). */
	if (!p->statement[0])
		return 0;
	char html[PATH_MAX + 32], images[PATH_MAX + 32], pdf[PATH_MAX + 32], base[128], dir[PATH_MAX], reason[1024];
	snprintf(html, sizeof html, "%s/%s", stage_parent, state_part_name(VERSION_STATEMENT, p->short_name));
	snprintf(images, sizeof images, "%s/%s", stage_parent, state_part_name(VERSION_STATEMENT_IMAGES, p->short_name));
	snprintf(pdf, sizeof pdf, "%s/%s", stage_parent, state_part_name(VERSION_STATEMENT_PDF, p->short_name));
	snprintf(base, sizeof base, "/problems/%s/statement/", p->short_name); /* web/routes.c serves it */
	snprintf(dir, sizeof dir, "%s", p->statement);
	*strrchr(dir, '/') = 0; /* (the statement is a file below p->dir) */
	const char *rel = p->statement + strlen(p->dir) + 1, *rel_dir = dir + strlen(p->dir) + 1;
	*bad = 1;
	if (statement_files_store(dir, rel_dir, images, pdf, why, n) < 0)
		return -1;
	*bad = 0;
	if (statement_convertible(p->statement) && statement_to_html(p->statement, html, base, reason, sizeof reason) < 0)
		return errf(why, n, "%.300s: %.600s", rel, reason);
	return 0;
}

/* A package with no time limit gets one from its accepted submissions
 * (time_limit.h), judged here in the sandbox with the validator just
 * built. -1 with why set; *bad when the package is at fault. */
static int derive_time_limit(struct package *p, const char *stage_parent, int *bad, char *why, size_t n)
{
	if (!time_limit_wanted(p))
		return 0;
	struct validator v, grader;
	char built[PATH_MAX + 32], built_grader[PATH_MAX + 32];
	snprintf(built, sizeof built, "%s/%s", stage_parent, state_part_name(VERSION_VALIDATOR, p->short_name));
	snprintf(built_grader, sizeof built_grader, "%s/%s", stage_parent, state_part_name(VERSION_GRADER, p->short_name));
	if (sandbox_init(why, n) < 0 || (p->custom_validator && validator_open(built, &v, why, n) < 0))
		return -1;
	if (p->grader_dir[0] && validator_open(built_grader, &grader, why, n) < 0) {
		if (p->custom_validator)
			validator_free(&v);
		return -1;
	}
	p->grader = p->grader_dir[0] ? &grader : NULL;
	*bad = 1;
	int rc = time_limit_derive(p, p->custom_validator ? &v : NULL, stage_parent, why, n);
	if (p->custom_validator)
		validator_free(&v);
	if (p->grader)
		validator_free(&grader);
	p->grader = NULL;
	return rc;
}

/* Makes the staging directory <data>/problems/.import-<pid>-<k>/ (laid
 * out as the version's directory will be: state.h), with the package's
 * place in it in staging. */
static int make_staging(const char *data, const char *name, char *stage_parent, char *staging, char *why, size_t n)
{
	char problem_dir[PATH_MAX];
	unsigned k = __atomic_add_fetch(&staging_counter, 1, __ATOMIC_RELAXED);
	errno = 0;
	if ((size_t)snprintf(problem_dir, sizeof problem_dir, "%s/problems", data) >= sizeof problem_dir ||
	    (mkdir(problem_dir, 0755) < 0 && errno != EEXIST) ||
	    (size_t)snprintf(stage_parent, PATH_MAX, "%s/problems/.import-%d-%u", data, (int)getpid(), k) >= PATH_MAX ||
	    (size_t)snprintf(staging, PATH_MAX, "%s/%s", stage_parent, state_part_name(VERSION_PACKAGE, name)) >= PATH_MAX)
		return errf(why, n, "cannot prepare %.900s/problems: %s", data,
			    strerror(errno && errno != EEXIST ? errno : ENAMETOOLONG));
	remove_tree(stage_parent); /* left by an earlier process with this pid */
	if (mkdir(stage_parent, 0755) < 0)
		return errf(why, n, "cannot create %.900s: %s", stage_parent, strerror(errno));
	return 0;
}

int problem_import_dir(struct db *db, const char *data, const char *pkg_path, struct problem_import_result *r,
		       char *err, size_t n)
{
	memset(r, 0, sizeof *r);
	char scratch[PATH_MAX], copied[PATH_MAX];
	if (copy_package(data, pkg_path, scratch, copied, r, err, n) < 0)
		return -1;
	/* The instructor's files are not read again: the copy (ours, regular
	 * files and directories only) is moved into a staging directory laid
	 * out as the version will be, and read there, once. */
	char why[1024] = "", name[64], stage_parent[PATH_MAX], staging[PATH_MAX], final_parent[PATH_MAX],
	     final_dir[PATH_MAX];
	snprintf(name, sizeof name, "%s", r->short_name);
	struct db_version v = { 0 };
	struct package p;
	memset(&p, 0, sizeof p);
	int rc = -1, staged = 0;
	snprintf(v.short_name, sizeof v.short_name, "%s", name);
	if (db_problem_next_version(db, name, &v.version, why, sizeof why) < 0 ||
	    state_version_path(data, name, v.version, VERSION_DIR, final_parent, sizeof final_parent, why, sizeof why) < 0 ||
	    state_version_path(data, name, v.version, VERSION_PACKAGE, final_dir, sizeof final_dir, why, sizeof why) < 0 ||
	    make_staging(data, name, stage_parent, staging, why, sizeof why) < 0)
		goto out;
	staged = 1;
	if (rename(copied, staging) < 0) {
		snprintf(why, sizeof why, "cannot move the copy into %.900s: %s", stage_parent, strerror(errno));
		goto out;
	}
	if (package_load(staging, &p, why, sizeof why) < 0) {
		r->bad_package = 1;
		goto out;
	}
	snprintf(r->title, sizeof r->title, "%s", p.title);
	size_t said = strlen(r->warnings); /* after the Polygon conversion's, if any */
	snprintf(r->warnings + said, sizeof r->warnings - said, "%s", p.warnings);
	if (prepare_staged(&p, stage_parent, &r->bad_package, why, sizeof why) < 0 ||
	    derive_time_limit(&p, stage_parent, &r->bad_package, why, sizeof why) < 0)
		goto out;
	/* <data>/problems/<name>/, made only now: a refused package leaves none. */
	char *slash = strrchr(final_parent, '/');
	*slash = 0;
	int made = mkdir(final_parent, 0755) == 0 || errno == EEXIST;
	*slash = '/';
	if (!made || rename(stage_parent, final_parent) < 0) {
		snprintf(why, sizeof why, "cannot move the package to %.900s: %s", final_parent, strerror(errno));
		goto out;
	}
	staged = 0;
	memcpy(v.package_dir, final_dir, strlen(final_dir) + 1); /* fits: checked above */
	snprintf(v.format, sizeof v.format, "%s", p.format == PACKAGE_LEGACY ? "legacy" : "2025-09");
	v.time_limit = p.time_limit;
	snprintf(v.time_limit_from, sizeof v.time_limit_from, "%s", p.time_limit_from);
	v.memory_mb = p.memory_mb;
	v.output_mb = p.output_mb;
	v.test_count = p.ntests;
	v.max_score = p.scoring ? p.max_score : -1;
	if (db_problem_add_version(db, p.title, &v, why, sizeof why) < 0) {
		remove_tree(final_parent);
		goto out;
	}
	r->problem_id = v.problem_id;
	r->version = v.version;
	r->test_count = p.ntests;
	r->time_limit = p.time_limit;
	snprintf(r->time_limit_from, sizeof r->time_limit_from, "%s", p.time_limit_from);
	r->memory_mb = p.memory_mb;
	r->output_mb = p.output_mb;
	rc = 0;
out:
	if (rc < 0 && r->bad_package && !strncmp(why, "problem ", 8))
		errf(err, n, "%s", why); /* package_load names the problem itself */
	else if (rc < 0)
		errf(err, n, "problem %s: %s", name, why);
	if (staged)
		remove_tree(stage_parent);
	package_free(&p);
	remove_tree(scratch);
	return rc;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int not_hidden(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* A package that sits in a single directory of the archive is lifted up
 * to dir itself; that directory's name goes into inner_name ("" if none). */
static void lift_single_directory(const char *dir, char *inner_name, size_t inner_len)
{
	inner_name[0] = 0;
	char yaml[PATH_MAX + 16];
	snprintf(yaml, sizeof yaml, "%s/problem.yaml", dir);
	struct stat st;
	if (stat(yaml, &st) == 0 || polygon_is_package(dir))
		return;
	struct dirent **list;
	int count = scandir(dir, &list, not_hidden, by_name);
	char inner[PATH_MAX + 300], lifted[PATH_MAX + 16];
	int lift = count == 1 && list[0]->d_type == DT_DIR &&
		   (size_t)snprintf(inner, sizeof inner, "%s/%s", dir, list[0]->d_name) < sizeof inner;
	if (lift && strlen(list[0]->d_name) < inner_len)
		strcpy(inner_name, list[0]->d_name);
	for (int i = 0; i < count; i++)
		free(list[i]);
	if (count >= 0)
		free(list);
	snprintf(lifted, sizeof lifted, "%s.pkg", dir);
	if (lift && rename(inner, lifted) == 0 && rmdir(dir) == 0)
		rename(lifted, dir);
}

int problem_import_archive(struct db *db, const char *data_dir, const char *archive_path, const char *display_name,
			   struct problem_import_result *r, char *err, size_t n)
{
	memset(r, 0, sizeof *r);
	char name[64];
	int is_archive = package_archive_name(display_name, name, sizeof name);
	if (is_archive <= 0) {
		r->bad_package = 1;
		return is_archive < 0 ? errf(err, n, "the archive's name is too long")
				      : errf(err, n, "%s is not a package archive (.zip, .kpp, .tar.gz, .tgz or .tar)",
					     display_name);
	}
	/* The name comes from whoever uploaded the file: checked before it
	 * names a directory (package_load checks it again). A name that is not
	 * one ("aplusb (1).zip", as browsers save a second download) may be
	 * made good by the archive: a single directory with a proper name. */
	int name_ok = state_name_ok(name);
	if (name_ok)
		snprintf(r->short_name, sizeof r->short_name, "%s", name);
	char tmp[] = "/tmp/verdict-unpack-XXXXXX", dir[PATH_MAX], why[1024], inner[64];
	if (!mkdtemp(tmp))
		return errf(err, n, "cannot create a scratch directory: %s", strerror(errno));
	int rc = -1;
	snprintf(dir, sizeof dir, "%s/%s", tmp, name_ok ? name : "upload.tmp"); /* '.': never a problem's name */
	const char *cap = getenv("VERDICT_PACKAGE_MAX_MB");
	long long max_bytes = (cap && atoll(cap) > 0 ? atoll(cap) : 1024) << 20;
	if (mkdir(dir, 0755) < 0) {
		errf(err, n, "cannot create a scratch directory: %s", strerror(errno));
		goto out;
	}
	if (package_archive_unpack_boxed(archive_path, display_name, dir, max_bytes, why, sizeof why) < 0) {
		r->bad_package = 1;
		errf(err, n, "problem %s: %s", name, why);
		goto out;
	}
	lift_single_directory(dir, inner, sizeof inner);
	if (!name_ok) {
		char named[PATH_MAX];
		if (!state_name_ok(inner) || (size_t)snprintf(named, sizeof named, "%s/%s", tmp, inner) >= sizeof named ||
		    rename(dir, named) < 0) {
			r->bad_package = 1;
			errf(err, n, "problem package %s: the archive's name without its suffix is the problem's name, and "
				     "must be 1 to 63 letters, digits, '-' or '_' (or the archive must hold a single "
				     "directory so named): rename the file, like myproblem.zip",
			     display_name);
			goto out;
		}
		snprintf(dir, sizeof dir, "%s", named);
	}
	rc = problem_import_dir(db, data_dir, dir, r, err, n);
out:
	remove_tree(tmp);
	return rc;
}
