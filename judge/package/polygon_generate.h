/* polygon_generate.h - a Polygon test's input made by its generator (cmd "gen 5 10"), built and run in the sandbox. */
#ifndef VERDICT_POLYGON_GENERATE_H
#define VERDICT_POLYGON_GENERATE_H

#include "polygon_xml.h"

#include <limits.h>
#include <stddef.h>

#define GENERATOR_TIME 10     /* s of CPU per test */
#define GENERATOR_MEMORY 512  /* MB */
#define GENERATOR_MAX_MB 64   /* the largest input made */
#define POLYGON_CMD_ARGS 32

/* A cmd split into words: argv[0] the program's name, then its arguments. */
struct polygon_cmd {
	char text[POLYGON_CMD_MAX];
	char *argv[POLYGON_CMD_ARGS + 1];
	int argc;
};

/* Splits the cmd of test (1-based) into words. Generators run without a
 * shell, so only plain words are accepted (letters, digits and
 * ". _ - + = : , @ / %"), and at the end "> $" or "> N" with N the test's
 * own number (where Polygon's script sends the output; the input made is
 * the generator's stdout either way). Returns 0, or -1 with err set. */
int polygon_cmd_parse(const char *cmd, int test, struct polygon_cmd *out, char *err, size_t n);

struct polygon_generator {
	char name[64];          /* what a cmd calls it: its source's name without the extension */
	char dir[PATH_MAX];     /* its source with the headers it includes, in the package copy; "" if it has none */
};

struct polygon_generate_job {
	const char *work_root;  /* where to build (a directory the sandbox's user may enter) */
	const struct polygon_generator *generators;
	int ngenerators;
	const char *package_dir; /* the copy: test i's input is data/{sample,secret}/NN.in there (must not exist) */
	int width;              /* digits of a test's file name */
	const unsigned char *sample; /* sample[i - 1]: test i is in data/sample */
	const char (*cmds)[POLYGON_CMD_MAX]; /* cmds[i - 1]: test i's cmd */
	const int *tests;       /* the tests (1-based) to make */
	int ntests;
};

/* Builds each generator a cmd names once (in the sandbox, as a validator
 * is built) and runs it with the cmd's arguments in the sandbox, stdin
 * empty, stdout the test's input, within GENERATOR_TIME, GENERATOR_MEMORY
 * and GENERATOR_MAX_MB. A cmd naming no generator of the package, a
 * generator that does not build, or one that fails refuses the package,
 * naming the test. Returns 0, or -1 with err set. */
int polygon_generate_inputs(const struct polygon_generate_job *job, char *err, size_t n);

#endif
