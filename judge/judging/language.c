/* language.c - the languages Verdict judges: looking rows up, guessing a program's language, building commands.
 *
 * The rows come from languages.yaml (language_table.c loads them). A
 * program's language is guessed as problemtools does: each language counts
 * the files that are evidence for it (an extension of its, and its shebang
 * rule passed), the most evidence wins, a tie goes to the higher priority. */
#include "language.h"
#include "language_table.h"
#include "fsutil.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

const struct language *language_all(void)
{
	return language_table();
}

const char *language_ids(char *out, unsigned long n)
{
	size_t len = 0;
	out[0] = 0;
	for (const struct language *l = language_all(); l->id; l++) {
		int w = snprintf(out + len, n - len, "%s%s", len ? ", " : "", l->id);
		if (w < 0 || (size_t)w >= n - len)
			break;
		len += (size_t)w;
	}
	return out;
}

const struct language *language_by_id(const char *id)
{
	for (const struct language *l = language_all(); l->id; l++)
		if (strcmp(l->id, id) == 0)
			return l;
	return NULL;
}

static int ends_with_one_of(const char *const *endings, const char *name)
{
	size_t n = strlen(name);
	for (const char *const *e = endings; *e; e++) {
		size_t m = strlen(*e);
		if (n > m && strcmp(name + n - m, *e) == 0)
			return 1;
	}
	return 0;
}

int language_has_file(const struct language *lang, const char *file_name)
{
	return ends_with_one_of(lang->extensions, file_name);
}

int language_claims(const struct language *lang, const char *file_name, const char *first_line)
{
	if (!language_has_file(lang, file_name))
		return 0;
	if (!lang->shebang || !ends_with_one_of(lang->shebang_extensions, file_name))
		return 1;
	return regexec(&lang->shebang_re, first_line ? first_line : "", 0, NULL, 0) == 0;
}

const struct language *language_detect(const char *file_name, const char *first_line)
{
	const struct language *best = NULL;
	for (const struct language *l = language_all(); l->id; l++)
		if (language_claims(l, file_name, first_line) &&
		    (!best || best->disabled > l->disabled ||
		     (best->disabled == l->disabled && l->priority > best->priority)))
			best = l;
	return best;
}

const struct language *language_for_file(const char *file_name)
{
	return language_detect(file_name, NULL);
}

const struct language *language_detect_file(const char *path, const char *file_name)
{
	char line[256];
	int truncated;
	if (read_prefix(path, line, sizeof line, &truncated) < 0) /* a regular file only, never a link */
		line[0] = 0;
	line[strcspn(line, "\r\n")] = 0;
	return language_detect(file_name, line);
}

/* Is the program a command starts with here (the submission's own, in
 * /sub or /box, always is)? */
static int program_present(const char *const *argv)
{
	const char *p = argv[0];
	if (!p || strncmp(p, "/sub/", 5) == 0 || strncmp(p, "/box/", 5) == 0)
		return 1;
	return access(p, X_OK) == 0;
}

int language_installed(const struct language *lang)
{
	return !lang->disabled && program_present(lang->compile) && program_present(lang->run);
}

const char *language_missing_text(const struct language *lang, char *out, size_t n)
{
	if (lang->disabled)
		snprintf(out, n, "%s is switched off on this judge", lang->name);
	else
		snprintf(out, n, "%s is not installed on this judge host", lang->name);
	return out;
}

int language_class_file_ok(const struct language *lang, const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot || dot - name > 200 || !ends_with_one_of(lang->extensions, name) ||
	    !(isalpha((unsigned char)name[0]) || name[0] == '_'))
		return 0;
	for (const char *p = name; p < dot; p++)
		if (!isalnum((unsigned char)*p) && *p != '_')
			return 0;
	return 1;
}

int language_expand(const char *tmpl, const char *file, long mem_mb, char *out, unsigned long n)
{
	size_t len = 0;
	const char *dot = strrchr(file, '.');
	size_t base_len = dot ? (size_t)(dot - file) : strlen(file);
	for (const char *p = tmpl; *p;) {
		char piece[64];
		const char *add = NULL;
		size_t add_len = 0;
		if (strncmp(p, "{file}", 6) == 0) {
			add = file, add_len = strlen(file), p += 6;
		} else if (strncmp(p, "{base}", 6) == 0) {
			add = file, add_len = base_len, p += 6;
		} else if (strncmp(p, "{Base}", 6) == 0) { /* Kotlin's class for a file's functions: Main for main.kt */
			snprintf(piece, sizeof piece, "%.*s", (int)base_len, file);
			piece[0] = (char)toupper((unsigned char)piece[0]);
			add = piece, add_len = strlen(piece), p += 6;
		} else if (strncmp(p, "{mem}", 5) == 0) {
			snprintf(piece, sizeof piece, "%ld", mem_mb);
			add = piece, add_len = strlen(piece), p += 5;
		} else {
			add = p, add_len = 1, p++;
		}
		if (len + add_len + 1 > n)
			return -1;
		memcpy(out + len, add, add_len);
		len += add_len;
	}
	out[len] = 0;
	return 0;
}
