/* language_table.c - the language table: languages.yaml compiled in, and the operator's file read at start and checked value by value.
 *
 * Root acts on what the operator's file says (it names the programs the
 * judge runs), so the file is read as settings are (cli_config.c): a
 * regular file, never through a link, owned by root and writable by root
 * alone, bounded in size. Every value is checked before the table changes:
 * ids and extensions against a small alphabet, commands by absolute path,
 * numbers against judge/core/limit.c, package names against Debian's
 * alphabet (make passes them to apt-get through a shell). A bad file is
 * refused with its line and reason, and the table stays as it was. */
#include "language_table.h"
#include "language.h"
#include "limit.h"
#include "util.h"
#include "yaml_doc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define VALUE_MAX 255 /* an argument, a path, a name */

/* The defaults: judge/judging/languages.yaml, embedded by the Makefile. */
extern const char language_defaults_yaml[];
extern const unsigned long language_defaults_yaml_len;

static struct language table[LANGUAGE_MAX + 1];
static int table_loaded;
static const char *table_file; /* the operator's file loaded, or NULL */

/* One file being read: where its rows go, and how errors name it. */
struct reader {
	struct yaml_doc y;
	const char *file;
	struct language *rows;
	int *nrows;
	char *err;
	size_t n;
};

static int bad(struct reader *r, const yaml_node_t *at, const char *id, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int bad(struct reader *r, const yaml_node_t *at, const char *id, const char *fmt, ...)
{
	char why[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	snprintf(r->err, r->n, "%s line %lu: %s%.40s%s%s", r->file, at ? (unsigned long)at->start_mark.line + 1 : 1UL,
		 id ? "language '" : "", id ? id : "", id ? "': " : "", why);
	return -1;
}

static char *keep(const char *s)
{
	char *c = strdup(s);
	if (!c) {
		fputs("verdict: out of memory\n", stderr);
		exit(1);
	}
	return c;
}

static int all_of(const char *s, const char *alphabet)
{
	return strspn(s, alphabet) == strlen(s);
}

#define LOWER "abcdefghijklmnopqrstuvwxyz"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGITS "0123456789"

/* A value without control bytes (UTF-8 allowed), 1 to max bytes. */
static int text_ok(const char *s, size_t max)
{
	size_t len = strlen(s);
	if (len == 0 || len > max)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

/* An absolute path without "." or ".." components or empty ones. */
static int abs_path_ok(const char *s)
{
	if (!text_ok(s, VALUE_MAX) || s[0] != '/' || strcmp(s, "/") == 0 || s[strlen(s) - 1] == '/')
		return 0;
	for (const char *p = s; *p; p++)
		if (p[0] == '/' && (p[1] == '/' || (p[1] == '.' && (p[2] == '/' || p[2] == 0)) ||
				    (p[1] == '.' && p[2] == '.' && (p[3] == '/' || p[3] == 0))))
			return 0;
	return 1;
}

/* Placeholders are {file}, {base}, {Base} and {mem}; any other brace is a typo. */
static int template_ok(const char *s)
{
	for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{'))
		if (strncmp(p, "{file}", 6) && strncmp(p, "{base}", 6) && strncmp(p, "{Base}", 6) && strncmp(p, "{mem}", 5))
			return 0;
	return 1;
}

static const char *scalar(struct reader *r, yaml_node_t *v, const char *id, const char *key)
{
	const char *s = yaml_doc_scalar(v);
	if (!s)
		bad(r, v, id, "%s must be a single value", key);
	return s;
}

/* A sequence of strings, each checked by ok (NULL: text), into out (max
 * items, NULL-terminated). */
static int list(struct reader *r, yaml_node_t *v, const char *id, const char *key, const char **out, int max,
		int (*ok)(const char *), const char *what)
{
	if (v->type != YAML_SEQUENCE_NODE)
		return bad(r, v, id, "%s must be a list, like [a, b]", key);
	int i = 0;
	for (yaml_node_t *item; (item = yaml_doc_item(&r->y, v, i)); i++) {
		const char *s = yaml_doc_scalar(item);
		if (i >= max)
			return bad(r, item, id, "%s has more than %d items", key, max);
		if (!s || !text_ok(s, VALUE_MAX) || (ok && !ok(s)))
			return bad(r, item, id, "%s: '%.80s' is not %s", key, s ? s : "(a list or mapping)", what);
		out[i] = keep(s);
	}
	out[i] = NULL;
	return 0;
}

static int extension_ok(const char *s)
{
	return s[0] == '.' && strlen(s) >= 2 && strlen(s) <= 15 && all_of(s + 1, LOWER UPPER DIGITS "+_-");
}

static int env_ok(const char *s)
{
	const char *eq = strchr(s, '=');
	if (!eq || eq == s || !template_ok(eq + 1) || (s[0] >= '0' && s[0] <= '9'))
		return 0;
	for (const char *p = s; p < eq; p++)
		if (!strchr(UPPER DIGITS "_", *p))
			return 0;
	return 1;
}

static int bind_ok(const char *s)
{
	/* Not over the box's own places: /box, /sub, /tmp, /proc, /dev. */
	static const char *const own[] = { "/box", "/sub", "/tmp", "/proc", "/dev" };
	for (size_t i = 0; i < sizeof own / sizeof *own; i++) {
		size_t m = strlen(own[i]);
		if (strncmp(s, own[i], m) == 0 && (s[m] == '/' || s[m] == 0))
			return 0;
	}
	return abs_path_ok(s);
}

static int command(struct reader *r, yaml_node_t *v, const char *id, const char *key, const char **out, int may_be_empty)
{
	if (list(r, v, id, key, out, LANGUAGE_MAX_ARGS, template_ok,
		 "an argument (placeholders are {file}, {base}, {Base}, {mem})") < 0)
		return -1;
	if (!out[0])
		return may_be_empty ? 0 : bad(r, v, id, "%s is empty", key);
	if (!abs_path_ok(out[0]) || strchr(out[0], '{'))
		return bad(r, v, id, "%s must start with the program's absolute path, not '%.80s'", key, out[0]);
	return 0;
}

static int number(struct reader *r, yaml_node_t *v, const char *id, enum limit_id which, double *out)
{
	char why[160];
	const char *s = yaml_doc_scalar(v);
	if (!s)
		return bad(r, v, id, "%s must be a number", limit_ranges[which].what);
	if (limit_parse(which, s, out, why, sizeof why) < 0)
		return bad(r, v, id, "%s", why);
	return 0;
}

static int packages_ok(const char *s)
{
	char copy[VALUE_MAX + 1];
	snprintf(copy, sizeof copy, "%s", s);
	for (char *save, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
		if (strlen(w) < 2 || !strchr(LOWER DIGITS, w[0]) || !all_of(w, LOWER DIGITS "+.-"))
			return 0;
	return all_of(s, LOWER DIGITS "+.- ");
}

/* true or false into *out (negated: false is 1). */
static int boolean(struct reader *r, yaml_node_t *v, const char *id, const char *key, int *out, int negated)
{
	const char *s = scalar(r, v, id, key);
	if (!s)
		return -1;
	if (strcmp(s, "true") && strcmp(s, "false"))
		return bad(r, v, id, "%s must be true or false, not '%.40s'", key, s);
	*out = (s[0] == 't') != negated;
	return 0;
}

/* One row's value for key. */
static int field(struct reader *r, struct language *l, const char *key, yaml_node_t *v)
{
	const char *id = l->id, *s;
	double d;
	if (!strcmp(key, "name")) {
		if (!(s = scalar(r, v, id, key)))
			return -1;
		if (!text_ok(s, 63))
			return bad(r, v, id, "name must be 1 to 63 characters without control characters");
		l->name = keep(s);
	} else if (!strcmp(key, "priority")) {
		if (number(r, v, id, LIMIT_PRIORITY, &d) < 0)
			return -1;
		l->priority = (int)d;
	} else if (!strcmp(key, "extensions") || !strcmp(key, "shebang_extensions")) {
		return list(r, v, id, key, key[0] == 'e' ? l->extensions : l->shebang_extensions, LANGUAGE_MAX_LIST,
			    extension_ok, "an extension (a dot and up to 14 letters, digits, +, _ or -)");
	} else if (!strcmp(key, "shebang")) {
		if (!(s = scalar(r, v, id, key)))
			return -1;
		if (!text_ok(s, VALUE_MAX) || regcomp(&l->shebang_re, s, REG_EXTENDED | REG_NOSUB) != 0)
			return bad(r, v, id, "shebang '%.80s' is not an extended regular expression", s);
		l->shebang = keep(s);
	} else if (!strcmp(key, "source_name")) {
		if (!(s = scalar(r, v, id, key)))
			return -1;
		if (strlen(s) > 63 || s[0] == '.' || !text_ok(s, 63) || !all_of(s, LOWER UPPER DIGITS "._-") ||
		    !strcmp(s, "compile.log"))
			return bad(r, v, id, "source_name must be a plain file name, like main.c");
		l->source_name = keep(s);
	} else if (!strcmp(key, "compile")) {
		return command(r, v, id, key, l->compile, 1);
	} else if (!strcmp(key, "run")) {
		return command(r, v, id, key, l->run, 0);
	} else if (!strcmp(key, "version")) {
		return command(r, v, id, key, l->version, 0);
	} else if (!strcmp(key, "compile_env") || !strcmp(key, "run_env")) {
		return list(r, v, id, key, key[0] == 'c' ? l->compile_env : l->run_env, LANGUAGE_MAX_LIST, env_ok,
			    "NAME=VALUE (NAME in capitals, digits and _)");
	} else if (!strcmp(key, "binds")) {
		return list(r, v, id, key, l->binds, LANGUAGE_MAX_LIST, bind_ok,
			    "an absolute path outside /box, /sub, /tmp, /proc and /dev");
	} else if (!strcmp(key, "compile_time")) {
		if (number(r, v, id, LIMIT_COMPILE_TIME, &l->compile_time_sec) < 0)
			return -1;
	} else if (!strcmp(key, "compile_memory") || !strcmp(key, "run_extra_memory")) {
		if (number(r, v, id, key[0] == 'c' ? LIMIT_COMPILE_MEMORY : LIMIT_EXTRA_MEMORY, &d) < 0)
			return -1;
		*(key[0] == 'c' ? &l->compile_mem_mb : &l->run_extra_mem_mb) = (long)d;
	} else if (!strcmp(key, "compile_entry_only")) {
		return boolean(r, v, id, key, &l->compile_entry_only, 0);
	} else if (!strcmp(key, "enabled")) {
		return boolean(r, v, id, key, &l->disabled, 1);
	} else if (!strcmp(key, "packages")) {
		if (!(s = scalar(r, v, id, key)))
			return -1;
		if (strlen(s) > VALUE_MAX || !packages_ok(s))
			return bad(r, v, id, "packages must be Debian package names separated by spaces, not '%.80s'", s);
		l->packages = keep(s);
	} else {
		return bad(r, v, id, "unknown field '%.40s' (the fields are listed in README, \"Languages\")", key);
	}
	return 0;
}

/* What a row needs as a whole, once its fields are read. */
static int row_complete(struct reader *r, const struct language *l, yaml_node_t *at)
{
	if (!l->name)
		return bad(r, at, l->id, "it has no name");
	if (!l->extensions[0])
		return bad(r, at, l->id, "it has no extensions");
	if (!l->run[0])
		return bad(r, at, l->id, "it has no run command");
	if (!l->shebang != !l->shebang_extensions[0])
		return bad(r, at, l->id, "shebang and shebang_extensions go together");
	if (l->source_name && !language_has_file(l, l->source_name))
		return bad(r, at, l->id, "source_name %s does not end with one of its extensions", l->source_name);
	return 0;
}

static int read_row(struct reader *r, const char *id, yaml_node_t *key_node, yaml_node_t *map)
{
	if (strlen(id) > 31 || !strchr(LOWER, id[0]) || !all_of(id, LOWER DIGITS))
		return bad(r, key_node, NULL, "'%.40s' is not a language id (a lower-case letter, then letters and digits)",
			   id);
	if (!map || map->type != YAML_MAPPING_NODE)
		return bad(r, key_node, id, "its fields must be a mapping (name: ..., run: [...])");
	int at = 0;
	while (at < *r->nrows && strcmp(r->rows[at].id, id) != 0)
		at++;
	/* "kotlin: {enabled: false}": a known row switched off or on, kept
	 * as it is otherwise. */
	if (map->data.mapping.pairs.top - map->data.mapping.pairs.start == 1) {
		yaml_node_pair_t *only = map->data.mapping.pairs.start;
		const char *key = yaml_doc_scalar(yaml_document_get_node(&r->y.doc, only->key));
		if (key && !strcmp(key, "enabled")) {
			if (at == *r->nrows)
				return bad(r, key_node, id,
					   "not a language of the built-in table, so enabled alone cannot switch it");
			return field(r, &r->rows[at], key, yaml_document_get_node(&r->y.doc, only->value));
		}
	}
	struct language l = { .id = keep(id), .compile_time_sec = 30, .compile_mem_mb = 512, .packages = "" };
	char where[VALUE_MAX + 32];
	snprintf(where, sizeof where, "%.*s line %lu", VALUE_MAX, r->file, (unsigned long)key_node->start_mark.line + 1);
	l.defined_in = keep(where);
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&r->y.doc, p->key);
		const char *key = yaml_doc_scalar(k);
		if (!key)
			return bad(r, k, id, "a field's name must be a word");
		if (field(r, &l, key, yaml_document_get_node(&r->y.doc, p->value)) < 0)
			return -1;
	}
	if (row_complete(r, &l, key_node) < 0)
		return -1;
	if (at == *r->nrows) {
		if (at == LANGUAGE_MAX)
			return bad(r, key_node, id, "more than %d languages", LANGUAGE_MAX);
		++*r->nrows;
	}
	r->rows[at] = l; /* a row with a known id replaces it whole */
	return 0;
}

/* Reads text's rows into rows (replacing or adding). */
static int read_rows(const char *text, size_t len, const char *file, struct language *rows, int *nrows, char *err,
		     size_t n)
{
	struct reader r = { .file = file, .rows = rows, .nrows = nrows, .err = err, .n = n };
	char why[512];
	if (yaml_doc_parse(&r.y, text, len, file, why, sizeof why) < 0) {
		snprintf(err, n, "%s", why);
		return -1;
	}
	yaml_node_t *root = yaml_doc_root(&r.y);
	int rc = 0;
	if (root && root->type != YAML_MAPPING_NODE)
		rc = bad(&r, root, NULL, "the file must be a mapping of language ids to their fields");
	char seen[LANGUAGE_MAX * 2][32];
	int nseen = 0;
	for (yaml_node_pair_t *p = root && !rc ? root->data.mapping.pairs.start : NULL;
	     p && p < root->data.mapping.pairs.top && !rc; p++) {
		yaml_node_t *k = yaml_document_get_node(&r.y.doc, p->key);
		const char *id = yaml_doc_scalar(k);
		if (!id) {
			rc = bad(&r, k, NULL, "a language id must be a word");
			break;
		}
		for (int i = 0; i < nseen && !rc; i++)
			if (!strcmp(seen[i], id))
				rc = bad(&r, k, id, "defined twice in this file");
		if (!rc && nseen < (int)(sizeof seen / sizeof *seen))
			snprintf(seen[nseen++], sizeof seen[0], "%.31s", id);
		if (!rc)
			rc = read_row(&r, id, k, yaml_document_get_node(&r.y.doc, p->value));
	}
	yaml_doc_free(&r.y);
	return rc;
}

/* The operator's file, as settings are read: see the top of this file. */
static char *read_operator_file(const char *file, size_t *len, char *err, size_t n)
{
	int fd = open(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		errf(err, n, errno == ELOOP ? "%s is a symbolic link: name the file itself" : "cannot open %s: %s", file,
		     strerror(errno));
		return NULL;
	}
	struct stat st;
	char *buf = NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		errf(err, n, "%s is not a regular file", file);
	} else if (geteuid() == 0 && (st.st_uid != 0 || (st.st_mode & 022))) {
		errf(err, n, "%s must be owned by root and writable by root alone (chown root %s; chmod go-w %s): "
			     "root runs the programs it names", file, file, file);
	} else if (st.st_size > LANGUAGE_FILE_MAX_BYTES) {
		errf(err, n, "%s is over %d KiB", file, LANGUAGE_FILE_MAX_BYTES / 1024);
	} else if (!(buf = malloc(LANGUAGE_FILE_MAX_BYTES + 1))) {
		errf(err, n, "out of memory");
	} else {
		ssize_t got = read(fd, buf, LANGUAGE_FILE_MAX_BYTES + 1);
		if (got < 0 || got > LANGUAGE_FILE_MAX_BYTES || memchr(buf, 0, (size_t)got)) {
			errf(err, n, got < 0 ? "cannot read %s" : got > LANGUAGE_FILE_MAX_BYTES ? "%s is over the size limit"
												 : "%s is not a text file (a NUL byte)",
			     file);
			free(buf);
			buf = NULL;
		} else {
			*len = (size_t)got;
		}
	}
	close(fd);
	return buf;
}

int language_table_load(const char *file, char *err, size_t n)
{
	static struct language next[LANGUAGE_MAX + 1];
	int count = 0;
	memset(next, 0, sizeof next);
	if (read_rows(language_defaults_yaml, language_defaults_yaml_len, "languages.yaml", next, &count, err, n) < 0)
		return -1;
	if (file) {
		size_t len = 0;
		char *text = read_operator_file(file, &len, err, n);
		if (!text)
			return -1;
		int rc = read_rows(text, len, file, next, &count, err, n);
		free(text);
		if (rc < 0)
			return -1;
	}
	memcpy(table, next, sizeof table); /* next[count] is the zeroed end */
	table_loaded = 1;
	table_file = file ? keep(file) : NULL;
	return 0;
}

int language_table_init(int *argc, char **argv, char *err, size_t n)
{
	const char *file = NULL;
	for (int i = 1; i < *argc && strcmp(argv[i], "--"); i++) {
		int width = 0;
		if (!strcmp(argv[i], "--languages")) {
			if (i + 1 >= *argc)
				return errf(err, n, "--languages needs a file");
			file = argv[i + 1], width = 2;
		} else if (!strncmp(argv[i], "--languages=", 12)) {
			file = argv[i] + 12, width = 1;
		}
		if (width) {
			memmove(argv + i, argv + i + width, (size_t)(*argc - i - width + 1) * sizeof *argv);
			*argc -= width;
			i--;
		}
	}
	if (!file && getenv("VERDICT_LANGUAGES") && *getenv("VERDICT_LANGUAGES"))
		file = getenv("VERDICT_LANGUAGES");
	struct stat st;
	if (!file && lstat(LANGUAGE_DEFAULT_FILE, &st) == 0)
		file = LANGUAGE_DEFAULT_FILE;
	return language_table_load(file, err, n);
}

const struct language *language_table(void)
{
	if (!table_loaded) {
		char err[512];
		if (language_table_load(NULL, err, sizeof err) < 0) { /* the compiled-in file: t0211 checks it loads */
			fprintf(stderr, "verdict: the built-in %s\n", err);
			exit(1);
		}
	}
	return table;
}

const char *language_table_file(void)
{
	return table_file;
}
