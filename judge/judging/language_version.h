/* language_version.h - what version of a language this host has: its version command's first line, run in a box. */
#ifndef VERDICT_LANGUAGE_VERSION_H
#define VERDICT_LANGUAGE_VERSION_H

#include "language.h"

#include <stdatomic.h>
#include <stddef.h>

/* Runs lang's version command in the sandbox (10 s, the compiler's memory)
 * and puts the first line it printed in out, with the standard its
 * compile command asks for ("-std=gnu17", "--edition 2021") after it:
 * "gcc (Debian 12.2.0-14+deb12u1) 12.2.0, -std=gnu17". Returns 0, or -1
 * with why in out (not installed, the command failed). */
int language_version(const struct language *lang, char *out, size_t n);

struct db;

/* Records every language's version in the database (language_versions),
 * for the problem page, running the version command only for a language
 * whose toolchain changed since it was recorded (its commands' programs'
 * sizes and times; nothing runs on a judge's later starts). Stops between
 * languages once *stop is set. before_each (if not NULL) is called before
 * each version command is run: the judge's waits until its workers are
 * idle. Returns how many were run again, or -1 with err set on a
 * database error. */
int language_versions_record(struct db *db, const atomic_int *stop, void (*before_each)(void *arg), void *arg, char *err,
			     size_t n);

#endif
