/* problem_import.h - import a problem package (a directory or an archive) as a problem's next test data version.
 *
 * What `verdict problem add` does, for it and for the judge (which carries
 * out the imports the web queues: building a validator and converting a
 * LaTeX statement need the sandbox, so root). Nothing is printed; the
 * outcome and any message are returned.
 */
#ifndef VERDICT_PROBLEM_IMPORT_H
#define VERDICT_PROBLEM_IMPORT_H

#include <stddef.h>

struct db;

struct problem_import_result {
	char short_name[64];   /* the problem's name, once known ("" if it never was) */
	char title[256];
	long long problem_id;  /* on success: the problem and its new version */
	int version;
	int test_count;
	double time_limit;     /* CPU seconds */
	char time_limit_from[256]; /* how it was set: package.h */
	long memory_mb, output_mb;
	char warnings[2048];   /* things in the package a person should fix, one per line; "" if none */
	int bad_package;       /* on failure: the package is at fault (malformed, hostile, its validator does
				* not build), not the system; `problem add` exits 2 then, else 1 */
};

/* Imports the package in directory pkg_path, named after the directory:
 * it is read (a malformed one is refused with the file at fault), copied
 * into a staging directory under <data_dir>/problems (unique to this call,
 * so imports may run at once in one process or several), read again, its
 * validator built and its statement converted to HTML there, moved into
 * place as <data_dir>/problems/<name>/v<N>/<name>, and only then recorded
 * in db, in one transaction (the copy is removed if that fails). Returns 0
 * with *r filled, or -1 with err set (a sentence for a person, as
 * `problem add` prints it) and what is known in *r (warnings included). */
int problem_import_dir(struct db *db, const char *data_dir, const char *pkg_path, struct problem_import_result *r,
		       char *err, size_t n);

/* Unpacks the archive at archive_path (at most $VERDICT_PACKAGE_MAX_MB,
 * default 1024 MB, refusing hostile entries: package_archive_unpack) into
 * a scratch directory and imports it as problem_import_dir does. Its type
 * and the problem's name come from display_name (the name a person gave
 * it: "aplusb.zip" is problem aplusb), which messages also use; the
 * package may sit at the top of the archive or in a single directory in
 * it. Returns as problem_import_dir. */
int problem_import_archive(struct db *db, const char *data_dir, const char *archive_path, const char *display_name,
			   struct problem_import_result *r, char *err, size_t n);

/* Copies the package directory pkg_path, an instructor's, as
 * problem_import_dir does first: read once (copy_tree), as regular files
 * and directories only, within the package limits (README), into
 * <parent>/.package-XXXXXX/<name> (scratch is that directory, copy the
 * package in it; both PATH_MAX long). Returns 0, or -1 with err set
 * ("problem NAME: FILE: why", or why the directory cannot be a package)
 * and nothing left behind. A Polygon package is converted to a Kattis one
 * in the copy (polygon.h), with what it leaves out in warnings (wn bytes,
 * "" if nothing). The caller removes scratch when done. */
int problem_import_copy(const char *parent, const char *pkg_path, char *scratch, char *copy, char *warnings,
			size_t wn, char *err, size_t n);

/* "problem NAME (TITLE) added as version N: T test cases, time limit S s,
 * memory M MB": what `problem add` prints on success. */
void problem_import_describe(const struct problem_import_result *r, char *out, size_t n);

#endif
