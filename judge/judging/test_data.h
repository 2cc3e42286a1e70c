/* test_data.h - a problem's test data version as one object: its row, its package, its validator, its limits.
 *
 * The judge, the web's test data pages and the importer's read-back all
 * open a version the same way: from the database's row, with every path
 * built by state_version_path (never from a path stored in the database),
 * the package parsed once, the custom validator opened once, and the
 * limits resolved in one place (the row's, since an instructor may have
 * changed them, checked against limit.c: the web account writes that row).
 * The judge's workers keep the last one open and reuse it by id.
 */
#ifndef VERDICT_TEST_DATA_H
#define VERDICT_TEST_DATA_H

#include "db.h"
#include "package.h"
#include "validator.h"

struct test_data {
	struct db_version row; /* as read; row.id 0 when nothing is open */
	struct package pkg;    /* parsed; its limits the row's (test_data_limits) */
	struct validator val;  /* when pkg.custom_validator */
	int has_validator;
	struct validator grader; /* when the package has graders/ (pkg.grader points here) */
};

enum { TEST_DATA_VALIDATOR = 1 }; /* flags: open the built validator (and grader) too */

/* Opens the version row describes under the data directory data. 0, or -1
 * with err naming the problem. td is empty (test_data_close is a no-op)
 * after a failure. */
int test_data_open(const char *data, const struct db_version *row, int flags, struct test_data *td, char *err,
		   size_t n);

/* Takes the limits of row (the same version, read again: an instructor may
 * have changed them since it was opened) after checking them against the
 * ranges of limit.c. 0, or -1 with err. */
int test_data_limits(struct test_data *td, const struct db_version *row, char *err, size_t n);

void test_data_close(struct test_data *td);

#endif
