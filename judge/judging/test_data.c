/* test_data.c - a problem's test data version as one object (test_data.h says why). */
#include "test_data.h"
#include "limit.h"
#include "state.h"
#include "util.h"

#include <string.h>

int test_data_limits(struct test_data *td, const struct db_version *row, char *err, size_t n)
{
	char why[256];
	if (limit_check(LIMIT_TIME, row->time_limit, why, sizeof why) < 0 ||
	    limit_check(LIMIT_MEMORY, (double)row->memory_mb, why, sizeof why) < 0 ||
	    limit_check(LIMIT_OUTPUT, (double)row->output_mb, why, sizeof why) < 0)
		return errf(err, n, "problem %s: %s (in the database)", row->short_name, why);
	td->row.time_limit = row->time_limit;
	td->row.memory_mb = row->memory_mb;
	td->row.output_mb = row->output_mb;
	td->pkg.time_limit = row->time_limit;
	td->pkg.memory_mb = row->memory_mb;
	td->pkg.output_mb = row->output_mb;
	return 0;
}

int test_data_open(const char *data, const struct db_version *row, int flags, struct test_data *td, char *err,
		   size_t n)
{
	memset(td, 0, sizeof *td);
	char dir[PATH_MAX];
	if (state_version_path(data, row->short_name, row->version, VERSION_PACKAGE, dir, sizeof dir, err, n) < 0 ||
	    package_load(dir, &td->pkg, err, n) < 0) {
		memset(td, 0, sizeof *td);
		return -1;
	}
	td->row = *row;
	if ((flags & TEST_DATA_VALIDATOR) && td->pkg.custom_validator) {
		if (state_version_path(data, row->short_name, row->version, VERSION_VALIDATOR, dir, sizeof dir, err, n) <
			    0 ||
		    validator_open(dir, &td->val, err, n) < 0) {
			test_data_close(td);
			return -1;
		}
		td->has_validator = 1;
	}
	if ((flags & TEST_DATA_VALIDATOR) && td->pkg.grader_dir[0]) {
		if (state_version_path(data, row->short_name, row->version, VERSION_GRADER, dir, sizeof dir, err, n) < 0 ||
		    validator_open(dir, &td->grader, err, n) < 0) {
			test_data_close(td);
			return -1;
		}
		td->pkg.grader = &td->grader;
	}
	if (test_data_limits(td, row, err, n) < 0) {
		test_data_close(td);
		return -1;
	}
	return 0;
}

void test_data_close(struct test_data *td)
{
	if (!td->row.id && !td->pkg.dir[0])
		return;
	if (td->has_validator)
		validator_free(&td->val);
	if (td->pkg.grader)
		validator_free(&td->grader);
	package_free(&td->pkg);
	memset(td, 0, sizeof *td);
}
