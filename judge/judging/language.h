/* language.h - the languages Verdict judges, as data: one row each in languages.yaml (compiled in) or the operator's file. */
#ifndef VERDICT_LANGUAGE_H
#define VERDICT_LANGUAGE_H

#include <regex.h>
#include <stddef.h>

#define LANGUAGE_MAX_ARGS 24      /* a command's arguments */
#define LANGUAGE_MAX_LIST 8       /* extensions, environment entries, binds */
#define LANGUAGE_MAX 64           /* rows in the table */
#define LANGUAGE_FILE_MAX_BYTES (256 * 1024)
#define LANGUAGE_DEFAULT_FILE "/etc/verdict/languages.yaml"

/* Argument templates may hold these, replaced when a command is built:
 *   {file}  the source file's name in the box, e.g. main.c or Main.java
 *   {base}  that name without its extension (a Java class), e.g. Main
 *   {Base}  the same with a capital first letter (Kotlin: main.kt's
 *           functions are in the class MainKt)
 *   {mem}   the run's memory limit in MB (the problem's, without the
 *           runtime's extra)
 * Compiling happens in /box (writable, the source in it); running happens
 * with the compiled files read-only in /sub and a fresh, empty /box.
 * Every list ends with NULL. */
struct language {
	const char *id;                      /* "c", "cpp", "python3", "java": what --lang takes */
	const char *name;                    /* for people: "C", "C++", "Python 3", "Java" */
	int priority;                        /* guessing a program's language: a tie goes to the higher */
	const char *extensions[LANGUAGE_MAX_LIST + 1]; /* ".c"; matched case-sensitively */
	const char *shebang_extensions[LANGUAGE_MAX_LIST + 1]; /* such files count only if their first line... */
	const char *shebang;                 /* ...matches this extended regex (NULL: no rule) */
	regex_t shebang_re;
	const char *source_name;             /* the source's name in the box; NULL: keep the submitted name */
	const char *compile[LANGUAGE_MAX_ARGS + 1]; /* { NULL } when nothing is compiled */
	const char *compile_env[LANGUAGE_MAX_LIST + 1];
	const char *run[LANGUAGE_MAX_ARGS + 1];
	const char *run_env[LANGUAGE_MAX_LIST + 1]; /* templates too ({mem}) */
	const char *binds[LANGUAGE_MAX_LIST + 1];   /* host paths bound read-only at the same place */
	const char *version[LANGUAGE_MAX_ARGS + 1]; /* prints the version on its first line */
	double compile_time_sec;             /* compiling is untrusted too: sandboxed, with its own limits */
	long compile_mem_mb;
	long run_extra_mem_mb;               /* added to the box's limit for the runtime itself (0 for most) */
	int compile_entry_only;              /* {file} in compile is the entry source alone, not every source */
	const char *packages;                /* the Debian packages it needs, space-separated (`make` installs them) */
	int disabled;                        /* "enabled: false" in the operator's file: judged nowhere here */
	const char *defined_in;              /* "languages.yaml line 40": where the row came from */
};

/* Loads the table: the compiled-in defaults, then file (NULL: none), whose
 * rows replace the defaults with the same id or are added after them. When
 * running as root the file must be a regular file (not a link) owned by
 * root and writable by nobody else, of at most LANGUAGE_FILE_MAX_BYTES.
 * Returns 0, or -1 with "FILE line N: reason" in err and the table as it
 * was. Call it before any thread starts; without it the defaults are used. */
int language_table_load(const char *file, char *err, size_t n);

/* For main(): takes "--languages FILE" (or "--languages=FILE") out of argv
 * wherever it is, else $VERDICT_LANGUAGES, else LANGUAGE_DEFAULT_FILE when
 * it exists, and loads it. Returns 0, or -1 with err set. */
int language_table_init(int *argc, char **argv, char *err, size_t n);

/* The language with this id, or NULL. */
const struct language *language_by_id(const char *id);

/* The language of a one-file program named file_name whose first line is
 * first_line (NULL: unknown, as if empty), by Kattis' rules: the languages
 * whose extensions match and whose shebang rule (if any) the line passes;
 * the highest priority of them, a switched-on one before any switched off
 * (.pl is GNU Prolog where SWI-Prolog is off). NULL when none. */
const struct language *language_detect(const char *file_name, const char *first_line);

/* language_detect with the first line read from path (a regular file). */
const struct language *language_detect_file(const char *path, const char *file_name);

/* language_detect(file_name, NULL): by the name alone. */
const struct language *language_for_file(const char *file_name);

/* Does file_name end with one of lang's extensions (a source of it, once
 * a program's language is settled)? */
int language_has_file(const struct language *lang, const char *file_name);

/* Does this count as evidence for lang when guessing (its extension, and
 * the shebang rule if it has one)? */
int language_claims(const struct language *lang, const char *file_name, const char *first_line);

/* All languages, in the table's order, ending with one whose id is NULL. */
const struct language *language_all(void);

/* "c, cpp, python3, java": every id, for messages. Returns out. */
const char *language_ids(char *out, unsigned long n);

/* Is it switched on and its toolchain here (every program its commands
 * start with that is not the submission's own)? */
int language_installed(const struct language *lang);

/* "Python 2 is not installed on this judge host", or "Kotlin is switched
 * off on this judge": for results and refusals. */
const char *language_missing_text(const struct language *lang, char *out, size_t n);

/* Is name a class name followed by one of lang's extensions (Main.java)?
 * For languages without a source_name, whose runtime finds the program by
 * the file's name. */
int language_class_file_ok(const struct language *lang, const char *name);

/* Expands one argument template into out. Returns 0, or -1 if it does not
 * fit. */
int language_expand(const char *tmpl, const char *file, long mem_mb, char *out, unsigned long n);

#endif
