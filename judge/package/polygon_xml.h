/* polygon_xml.h - a Polygon package's problem.xml (or package.xml), read with care: what Verdict needs of it, checked. */
#ifndef VERDICT_POLYGON_XML_H
#define VERDICT_POLYGON_XML_H

#include <stddef.h>

#define POLYGON_XML_MAX_BYTES (4 << 20) /* a problem.xml of 10,000 generated tests is ~0.7 MiB */
#define POLYGON_MAX_TESTS 10000
#define POLYGON_MAX_SOLUTIONS 100
#define POLYGON_MAX_STATEMENTS 16
#define POLYGON_MAX_RESOURCES 100
#define POLYGON_PATH_MAX 256

struct polygon_solution {
	char tag[64];                  /* main, accepted, wrong-answer, ... */
	char path[POLYGON_PATH_MAX];   /* checked with polygon_path_ok */
};

struct polygon_statement {
	char language[64];             /* english, russian, ... */
	char path[POLYGON_PATH_MAX];
	char type[64];                 /* application/x-tex, text/html, application/pdf */
};

struct polygon_problem {
	char title[256];               /* names/name value, English first; "" if none */
	long time_limit_ms;            /* of the testset "tests" (else the first) */
	long long memory_bytes;
	int test_count;                /* test-count, else the number of tests listed */
	char input_pattern[POLYGON_PATH_MAX], answer_pattern[POLYGON_PATH_MAX]; /* "tests/%02d", "tests/%02d.a" */
	unsigned char sample[POLYGON_MAX_TESTS]; /* sample[i]: test i+1 is a sample */
	int generated;                 /* how many tests say method="generated" */
	int points;                    /* tests carry points or groups (scoring) */
	char file_io[128];             /* judging input-file/output-file when set: not stdin/stdout */
	char checker_name[128];        /* "std::wcmp.cpp", or "" */
	char checker_type[32];         /* "testlib" */
	char checker_source[POLYGON_PATH_MAX]; /* "" if the package has none */
	char validator_source[POLYGON_PATH_MAX];
	int interactive;               /* assets/interactor is present */
	char interactor_source[POLYGON_PATH_MAX]; /* its source (testlib), "" if it names none */
	struct polygon_solution solutions[POLYGON_MAX_SOLUTIONS];
	int nsolutions;
	struct polygon_statement statements[POLYGON_MAX_STATEMENTS];
	int nstatements;
	char resources[POLYGON_MAX_RESOURCES][POLYGON_PATH_MAX]; /* files/testlib.h, files/olymp.sty, ... */
	int nresources;
};

/* Is rel a path Verdict will open inside a package: 1 to 255 bytes of
 * letters, digits, '.', '_', '-', '+' and '/', relative, with no empty,
 * "." or ".." component? */
int polygon_path_ok(const char *rel);

/* The path of test number i (1-based) from a Polygon pattern with one
 * %d or %0Nd (N at most 9) and no other '%', into out (POLYGON_PATH_MAX).
 * Returns 0, or -1 when the pattern or the result is not acceptable. */
int polygon_test_path(const char *pattern, int i, char *out, size_t n);

/* Reads the problem.xml (or package.xml) at path: a regular file of at most
 * POLYGON_XML_MAX_BYTES, without a DOCTYPE or entity declarations
 * (Polygon writes none, and they are how XML parsers are attacked), parsed
 * by Debian's libxml2 (loaded when first needed) without network access
 * and without entity substitution. Every path in it is checked with
 * polygon_path_ok, every number against its range. Returns 0 with *p
 * filled, or -1 with err set (without the file's name: the caller says it). */
int polygon_xml_read(const char *path, struct polygon_problem *p, char *err, size_t n);

#endif
