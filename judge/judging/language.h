/* language.h - the languages Verdict judges, as data: one row each, and adding a language is adding a row. */
#ifndef VERDICT_LANGUAGE_H
#define VERDICT_LANGUAGE_H

#define LANGUAGE_MAX_ARGS 24

/* Argument templates may hold these, replaced when a command is built:
 *   {file}  the source file's name in the box, e.g. main.c or Main.java
 *   {base}  that name without its extension (a Java class), e.g. Main
 *   {mem}   the run's memory limit in MB, less the JVM's own overhead
 * Compiling happens in /box (writable, the source in it); running happens
 * with the compiled files read-only in /sub and a fresh, empty /box. */
struct language {
	const char *id;                      /* "c", "cpp", "python3", "java": what --lang takes */
	const char *name;                    /* for people: "C", "C++", "Python 3", "Java" */
	const char *extensions[8];           /* as Kattis maps them, ".c"; matched case-sensitively */
	const char *source_name;             /* the source's name in the box; NULL: keep the submitted name */
	const char *compile[LANGUAGE_MAX_ARGS]; /* NULL-terminated; { NULL } when nothing is compiled */
	const char *run[LANGUAGE_MAX_ARGS];
	double compile_time_sec;             /* compiling is untrusted too: sandboxed, with its own limits */
	long compile_mem_mb;
	long run_extra_mem_mb;               /* added to the problem's limit for the runtime itself (0 for most) */
	int compile_entry_only;              /* {file} in compile is the entry source alone, not every source */
	const char *packages;                /* the Debian packages it needs, space-separated (`make` installs them) */
};

/* The language with this id, or NULL. */
const struct language *language_by_id(const char *id);

/* The language whose extension ends file_name, or NULL (as Kattis infers
 * a submission's language when none is given). */
const struct language *language_for_file(const char *file_name);

/* All languages, in the table's order (which also breaks ties when a
 * directory's language is guessed), ending with one whose id is NULL. */
const struct language *language_all(void);

/* "c, cpp, python3, java": every id, for messages. Returns out. */
const char *language_ids(char *out, unsigned long n);

/* Expands one argument template into out. Returns 0, or -1 if it does not
 * fit. */
int language_expand(const char *tmpl, const char *file, long mem_mb, char *out, unsigned long n);

#endif
