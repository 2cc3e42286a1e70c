/* polygon_validate.h - a Polygon package's input validator, run in the sandbox on every test input. */
#ifndef VERDICT_POLYGON_VALIDATE_H
#define VERDICT_POLYGON_VALIDATE_H

#include <stddef.h>

/* Builds the validator whose sources are in the directory sources (C or
 * C++ with their headers, e.g. a testlib validator and testlib.h) in the
 * sandbox under work_root, and runs it on every data/sample and
 * data/secret input of package_dir (each on stdin, as Polygon does; exit 0
 * accepts). Returns 0 when every input is accepted, or -1 with err set:
 * the validator does not build, or names the first input it rejects and
 * why. */
int polygon_validate_inputs(const char *sources, const char *package_dir, const char *work_root, char *err, size_t n);

#endif
