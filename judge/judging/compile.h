/* compile.h - turn a submission's source into something the sandbox can run. */
#ifndef VERDICT_COMPILE_H
#define VERDICT_COMPILE_H

#include "language.h"
#include "verdict.h"

#include <limits.h>

#define COMPILE_OUTPUT_MAX 16384 /* compiler messages kept for the student */

struct build {
	const struct language *lang;
	char dir[PATH_MAX];  /* host directory: the source and what compiling made; runs see it read-only at /sub */
	char file[256];      /* the source's name in dir */
	enum verdict verdict; /* VERDICT_AC: compiled; VERDICT_CE; VERDICT_JE: the judge failed */
	long cpu_ms, wall_ms, mem_kb;
	char output[COMPILE_OUTPUT_MAX]; /* compiler messages (truncated), or why it failed */
};

/* Copies the source (source_path; submitted_name is the name the author
 * gave it, which decides a Java class name) into a fresh directory under
 * work_root, and compiles it in the sandbox with the language's limits. A
 * compiler that fails, runs out of time or memory, or floods its output
 * gives CE with its messages; only a failure of the judge gives JE.
 * Returns 0 with b->verdict set, or -1 (nothing made) with err set. */
int compile_submission(struct build *b, const struct language *lang, const char *source_path,
		       const char *submitted_name, const char *work_root, char *err, unsigned long errlen);

/* The same for a submission made of several files (a directory, as in a
 * package's submissions/ or a DOMjudge export): all its files are copied;
 * C and C++ compile all their sources together, Java all its classes; the
 * entry (entry_name, when not NULL: compile_entry_is; else main.* if there
 * is one, else the only or first source) is what runs. Returns as
 * compile_submission; an entry that names none of its sources is -1. */
int compile_submission_dir(struct build *b, const struct language *lang, const char *dir, const char *entry_name,
			   const char *work_root, char *err, unsigned long errlen);

/* Is the file name the entry point entry names: the name itself, or it
 * less its extension (a class: Main for Main.java)? */
int compile_entry_is(const char *name, const char *entry);

/* The language most of a directory's files are evidence for (ties: the
 * higher priority, as problemtools decides), or NULL. */
const struct language *language_for_dir(const char *dir);

/* Adds what lang's boxes need to cfg: its binds, read-only, and its
 * environment (compile_env, or run_env with {mem} as mem_mb, expanded into
 * store, which must outlive cfg). */
struct sandbox_config;
void language_box_extras(const struct language *lang, struct sandbox_config *cfg, int for_run, char (*store)[512],
			 long mem_mb);

/* Runs a compiler (argv, absolute paths) in the sandbox with b->dir as its
 * writable /box and working directory, and the given limits, filling
 * b->verdict (AC compiled, CE, JE), its figures and b->output. Returns 0,
 * or -1 with err set when nothing could be run. */
int build_run_compiler(struct build *b, char *const argv[], double time_sec, long mem_mb, char *err,
		       unsigned long errlen);

/* Removes b->dir and everything in it. */
void build_remove(struct build *b);


#endif
