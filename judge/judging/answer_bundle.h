/* answer_bundle.h - a submit-answer submission's answer files as one text, stored like a source.
 *
 * The text is a header line, then each file as a line "== NAME BYTES"
 * followed by exactly BYTES bytes and a newline:
 *
 *     verdict-answers 1
 *     == sample/1.out 2
 *     3
 *     == secret/01.out 2
 *     2
 *
 * So answers travel the way a source does (queue, lease, regrade, backup)
 * within the same size limit, and the submission page shows them as text.
 */
#ifndef VERDICT_ANSWER_BUNDLE_H
#define VERDICT_ANSWER_BUNDLE_H

#include <stddef.h>

struct package;

#define ANSWERS_LANGUAGE "answers" /* the language column of such a submission: not a language */
#define ANSWERS_FILE_NAME "answers.txt"

/* A growable bundle; text NUL-terminated, len without the NUL. */
struct answer_bundle {
	char *text;
	size_t len, cap;
	int files;
};

/* Is name an answer file's name: 1 to 255 bytes of path components made
 * of letters, digits, '.', '-' and '_', none starting with '.', ending in
 * ".out"? */
int answer_name_ok(const char *name);

/* Adds one file. Returns 0, or -1 with err set (a bad name, NUL bytes, or
 * the bundle past SUBMISSION_MAX_BYTES). */
int answer_bundle_add(struct answer_bundle *b, const char *name, const void *data, size_t len, char *err, size_t n);

/* Adds every regular file named "*.out" below dir (4 directories deep at
 * most, never following links), by its path relative to dir. Returns the
 * number added (0: none there), or -1 with err set. */
int answer_bundle_add_dir(struct answer_bundle *b, const char *dir, char *err, size_t n);
void answer_bundle_free(struct answer_bundle *b);

/* Writes the bundle's files that answer one of p's tests ("<test>.out")
 * under dir, which must be a fresh directory only root can write; other
 * names are ignored. Returns 0, or -1 with err set (a malformed bundle). */
int answer_bundle_unpack(const char *text, size_t len, const struct package *p, const char *dir, char *err,
			 size_t n);

#endif
