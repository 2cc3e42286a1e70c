/* time_limit.h - a time limit derived from a package's accepted submissions, as the format says, when it gives none. */
#ifndef VERDICT_TIME_LIMIT_H
#define VERDICT_TIME_LIMIT_H

#include "package.h"
#include "validator.h"

#include <stddef.h>

/* Whether p sets no time limit of its own (problem.yaml, .timelimit,
 * domjudge-problem.ini), so that one is to be derived. */
int time_limit_wanted(const struct package *p);

/* The CPU seconds the accepted submissions get while the limit is being
 * found: anything slower would derive a limit above Verdict's largest. */
double time_limit_ceiling(const struct package *p);

/* The format's rule: the smallest multiple of time_resolution, and at
 * least one, that is at least slowest_sec * ac_to_time_limit. */
double time_limit_from_slowest(const struct package *p, double slowest_sec);

/* Sets p->time_limit from the slowest accepted run (slowest_sec, by the
 * submission named who) and says how in p->time_limit_from. Returns 0, or
 * -1 with err set when the result is outside Verdict's range. */
int time_limit_set_derived(struct package *p, double slowest_sec, const char *who, char *err, size_t n);

/* Judges every submission that bounds the limit from below (as its
 * submission rules say: submission_rules_bounds; v: p's built validator,
 * or NULL) at time_limit_ceiling, and sets the derived limit from the
 * slowest of the tests that bound it. Every accepted/ one must be
 * accepted, and there must be one; another that is too slow even then is
 * left out. Returns 0, or -1 with err set. */
int time_limit_derive(struct package *p, const struct validator *v, const char *work, char *err, size_t n);

#endif
