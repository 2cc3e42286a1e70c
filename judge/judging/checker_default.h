/* checker_default.h - the Kattis default output validator, in C. */
#ifndef VERDICT_CHECKER_DEFAULT_H
#define VERDICT_CHECKER_DEFAULT_H

#include "verdict.h"

#include <stddef.h>

struct checker_flags {
	int case_sensitive;         /* default: letters compare without case */
	int space_change_sensitive; /* default: any run of whitespace equals any other */
	double abs_tol;             /* < 0: off */
	double rel_tol;             /* < 0: off */
};

/* Fills f from validator flags as problem.yaml gives them, e.g.
 * "case_sensitive float_tolerance 1e-6": case_sensitive,
 * space_change_sensitive, float_absolute_tolerance E,
 * float_relative_tolerance E, float_tolerance E (both). Flags accumulate
 * over calls (a problem's, then a test group's). Returns 0, or -1 with a
 * message naming the bad flag in err. */
void checker_flags_defaults(struct checker_flags *f);
int checker_flags_parse(const char *flags, struct checker_flags *f, char *err, size_t n);

/* Compares the program's output with the judge's answer, token by token,
 * as the Kattis default validator does. Returns VERDICT_AC or VERDICT_WA
 * with a message for people (where and what differed), or VERDICT_JE when
 * a file cannot be read. */
enum verdict checker_default(const char *answer_path, const char *output_path, const struct checker_flags *f,
			     char *message, size_t n);

#endif
