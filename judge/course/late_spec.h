/* late_spec.h - a late policy written as one word, for the command line and the settings pages: "none", "penalty:10/day,floor:50", "days:2".
 *
 * The forms:
 *   none                       a late submission is refused
 *   penalty:PCT/hour           PCT percent off per started hour (0..100, to 0.01)
 *   penalty:PCT/day[,floor:F]  per started day; never below F percent of the raw points
 *   days[:N][,ask]             whole days from the student's late-day bank, at most N for
 *                              this assignment (none or 0: only the bank limits it); with
 *                              ask, spent only when the student says so (else refused)
 */
#ifndef VERDICT_LATE_SPEC_H
#define VERDICT_LATE_SPEC_H

#include <stddef.h>

#include "late_policy.h"

/* Reads spec into *p (checked with late_policy_check). Returns 0, or -1
 * with err naming what is wrong and the forms allowed; *p is then left as
 * it was. */
int late_spec_parse(const char *spec, struct late_policy *p, char *err, size_t n);

/* Writes p in the form late_spec_parse reads ("penalty:12.5/hour,floor:40",
 * a floor of 0 left out). Returns out. */
const char *late_spec_format(const struct late_policy *p, char *out, size_t n);

#endif
