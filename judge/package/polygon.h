/* polygon.h - a Polygon package (problem.xml) turned into a Kattis one, in the importer's own copy. */
#ifndef VERDICT_POLYGON_H
#define VERDICT_POLYGON_H

#include <stddef.h>

/* Is dir a Polygon package: problem.xml (Polygon's name) or package.xml,
 * and no problem.yaml? */
int polygon_is_package(const char *dir);

/* Rewrites the Polygon package in dir (the importer's copy: regular files
 * and directories only, root's) as a 2025-09 Kattis package in place:
 * problem.yaml (name, limits), data/sample and data/secret (the tests;
 * answers missing from the package are made by running the main solution
 * in the sandbox), output_validator/ (the checker with the resources it
 * includes, e.g. testlib.h; a standard checker without its source becomes
 * the default validator's flags), statement/problem.en.tex (from the
 * statement sections, else the whole LaTeX statement), input_validator/
 * (built and run on every test input first: a test it rejects refuses
 * the package) and submissions/ by tag. What cannot be converted
 * faithfully is refused with the reason; what is left out is said in
 * warnings (one per line, at most n bytes in all). Returns 0, or -1 with
 * err set ("problem.xml: ...", "tests/05: ..."). */
int polygon_convert(const char *dir, const char *work_root, char *warnings, size_t wn, char *err, size_t n);

#endif
