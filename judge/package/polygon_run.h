/* polygon_run.h - one run of a package's own program (input validator, generator) built by validator_prepare, in the sandbox. */
#ifndef VERDICT_POLYGON_RUN_H
#define VERDICT_POLYGON_RUN_H

#include "sandbox.h"
#include "validator.h"

#include <stddef.h>

struct polygon_run {
	char *const *args;     /* after the program's own run words; NULL-terminated, or NULL */
	const char *stdin_path, *stdout_path;
	double time_sec;
	long mem_mb, fsize_mb; /* fsize_mb 0: the sandbox's default */
};

/* Runs v (its build directory read-only at /val) as r says. Returns
 * sandbox_run's result with *res filled and the first line of its stderr
 * in text (n bytes; "" if none). */
int polygon_run(const struct validator *v, const struct polygon_run *r, struct sandbox_result *res, char *text,
		size_t n);

#endif
