/* validator_scripts.h - a validator that brings its own `build` and `run` scripts (both formats' "Other programs"). */
#ifndef VERDICT_VALIDATOR_SCRIPTS_H
#define VERDICT_VALIDATOR_SCRIPTS_H

#include "compile.h"

#include <stddef.h>

/* The name of the program the scripts leave, in the validator's sources. */
#define VALIDATOR_RUN_SCRIPT "run"

/* b->dir holds the validator's sources in src/ (a private copy, root's).
 * Hands src/ to the sandbox's user and runs `sh build` there in the
 * sandbox (at most time_sec of CPU), if there is a build; then src/run
 * must be a regular file, made executable. Returns 0, or -1 with err set
 * (the build failed, or left no run, or a run that is not a regular
 * file). */
int validator_scripts_build(struct build *b, double time_sec, char *err, size_t n);

#endif
