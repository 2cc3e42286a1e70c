/* language_version.h - what version of a language this host has: its version command's first line, run in a box. */
#ifndef VERDICT_LANGUAGE_VERSION_H
#define VERDICT_LANGUAGE_VERSION_H

#include "language.h"

#include <stddef.h>

/* Runs lang's version command in the sandbox (10 s, the compiler's memory)
 * and puts the first line it printed in out, with the standard its
 * compile command asks for ("-std=gnu17", "--edition 2021") after it:
 * "gcc (Debian 12.2.0-14+deb12u1) 12.2.0, -std=gnu17". Returns 0, or -1
 * with why in out (not installed, the command failed). */
int language_version(const struct language *lang, char *out, size_t n);

#endif
