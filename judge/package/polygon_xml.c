/* polygon_xml.c - a Polygon package's problem.xml (or package.xml), read with care: what Verdict needs of it, checked.
 *
 * problem.xml is hostile input read by root. The defences, in order:
 *   - only a regular file (open_regular: no link, FIFO or device), at most
 *     POLYGON_XML_MAX_BYTES, read into memory once;
 *   - any markup declaration ("<!" other than a comment or CDATA) is
 *     refused before the parser sees the bytes: no DOCTYPE, so no
 *     entities to expand (billion laughs), no external entities (XXE) and
 *     no DTD to fetch; Polygon writes none;
 *   - libxml2 parses with XML_PARSE_NONET, without XML_PARSE_NOENT,
 *     XML_PARSE_DTDLOAD or XML_PARSE_HUGE, so its own limits (depth 256,
 *     text nodes of 10 MB) stay on;
 *   - only the few elements below are looked at, by fixed paths, never
 *     by recursion over the tree; every string is copied only if it fits,
 *     every path must pass polygon_path_ok, every number its range.
 *
 * libxml2 is Debian's (libxml2, already on every host as a dependency of
 * libarchive) and is loaded with dlopen the first time a Polygon package
 * is read, as libarchive is (package_archive.c): nothing else pays for it.
 */
#include "polygon_xml.h"
#include "fsutil.h"
#include "late_lib.h"
#include "util.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LIBXML_FUNCTIONS(X) X(xmlReadMemory) X(xmlFreeDoc) X(xmlDocGetRootElement)

static struct {
	LIBXML_FUNCTIONS(LATE_DECLARE)
} lx;
#define LX_SYMBOL(name) { #name, (void **)&lx.name },
static const struct late_symbol lx_symbols[] = { LIBXML_FUNCTIONS(LX_SYMBOL) };

static int load_libxml(char *err, size_t n)
{
	static int loaded; /* packages are read by single-threaded commands and worker 0 */
	return late_lib_load(&loaded, "libxml2.so.2", "libxml2", lx_symbols, sizeof lx_symbols / sizeof *lx_symbols, err,
			     n);
}

int polygon_path_ok(const char *rel)
{
	size_t len = strlen(rel);
	if (len == 0 || len >= POLYGON_PATH_MAX || rel[0] == '/' ||
	    strspn(rel, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-+/") != len)
		return 0;
	for (const char *c = rel; *c;) {
		size_t part = strcspn(c, "/");
		if (part == 0 || (part == 1 && c[0] == '.') || (part == 2 && c[0] == '.' && c[1] == '.'))
			return 0;
		c += part;
		if (*c == '/' && *++c == 0)
			return 0; /* a trailing slash: an empty last component */
	}
	return 1;
}

int polygon_test_path(const char *pattern, int i, char *out, size_t n)
{
	const char *pct = strchr(pattern, '%');
	if (!pct || i < 1)
		return -1;
	const char *spec = pct + 1;
	int width = 0;
	if (spec[0] == '0' && spec[1] >= '1' && spec[1] <= '9') {
		width = spec[1] - '0';
		spec += 2;
	}
	if (spec[0] != 'd' || strchr(spec + 1, '%'))
		return -1;
	/* Built by hand: the pattern is the package's, never a format string. */
	int len = snprintf(out, n, "%.*s%0*d%s", (int)(pct - pattern), pattern, width, i, spec + 1);
	if (len < 0 || (size_t)len >= n || !polygon_path_ok(out))
		return -1;
	return 0;
}

/* Refuses markup declarations: "<!" is allowed only as "<!--" and "<![CDATA[". */
static int has_declaration(const char *text, size_t len)
{
	for (const char *c = text; (c = memchr(c, '<', len - (size_t)(c - text))); c++) {
		size_t left = len - (size_t)(c - text);
		if (left >= 2 && c[1] == '!' && !(left >= 4 && !memcmp(c, "<!--", 4)) &&
		    !(left >= 9 && !memcmp(c, "<![CDATA[", 9)))
			return 1;
	}
	return 0;
}

static int named(const xmlNode *node, const char *name)
{
	return node && node->type == XML_ELEMENT_NODE && !strcmp((const char *)node->name, name);
}

/* The first child element of node called name, or NULL. */
static xmlNode *child(const xmlNode *node, const char *name)
{
	for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
		if (named(c, name))
			return c;
	return NULL;
}

/* An attribute's value as the parser left it (a single text node: without
 * entity declarations there is nothing else it can hold), or "". */
static const char *attr(const xmlNode *node, const char *name)
{
	for (xmlAttr *a = node ? node->properties : NULL; a; a = a->next)
		if (!strcmp((const char *)a->name, name))
			return a->children && a->children->type == XML_TEXT_NODE && !a->children->next
				       ? (const char *)a->children->content
				       : "";
	return "";
}

/* An element's text (its only child, a text node), or "". */
static const char *text_of(const xmlNode *node)
{
	return node && node->children && node->children->type == XML_TEXT_NODE && !node->children->next
		       ? (const char *)node->children->content
		       : "";
}

struct reader {
	struct polygon_problem *p;
	char *err;
	size_t n;
};

static int copy_str(struct reader *R, char *dst, size_t size, const char *src, const char *what)
{
	if (strlen(src) >= size)
		return errf(R->err, R->n, "%s is longer than %zu bytes", what, size - 1);
	memcpy(dst, src, strlen(src) + 1);
	return 0;
}

static int copy_path(struct reader *R, char *dst, const char *src, const char *what)
{
	if (!polygon_path_ok(src))
		return errf(R->err, R->n, "%s '%.80s' is not a relative path inside the package (letters, "
					  "digits, '.', '_', '-', '+', '/'; no '..')", what, src);
	memcpy(dst, src, strlen(src) + 1);
	return 0;
}

static int parse_number(const char *s, long long lo, long long hi, long long *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

static int read_names(struct reader *R, const xmlNode *root)
{
	const char *title = "";
	for (xmlNode *c = child(root, "names") ? child(root, "names")->children : NULL; c; c = c->next)
		if (named(c, "name") && (!*title || !strcmp(attr(c, "language"), "english")))
			title = attr(c, "value");
	return copy_str(R, R->p->title, sizeof R->p->title, title, "the problem's name");
}

static int read_testset(struct reader *R, const xmlNode *root)
{
	struct polygon_problem *p = R->p;
	xmlNode *judging = child(root, "judging"), *set = NULL;
	for (xmlNode *c = judging ? judging->children : NULL; c; c = c->next)
		if (named(c, "testset") && (!set || !strcmp(attr(c, "name"), "tests")))
			set = c;
	if (!set)
		return errf(R->err, R->n, "no judging/testset");
	const char *in_file = attr(judging, "input-file"), *out_file = attr(judging, "output-file");
	if (*in_file || *out_file)
		snprintf(p->file_io, sizeof p->file_io, "%.60s %.60s", in_file, out_file);
	long long v;
	if (parse_number(text_of(child(set, "time-limit")), 1, 3600000, &v) < 0)
		return errf(R->err, R->n, "testset time-limit must be a number of milliseconds");
	p->time_limit_ms = (long)v;
	if (parse_number(text_of(child(set, "memory-limit")), 1, 1LL << 42, &v) < 0)
		return errf(R->err, R->n, "testset memory-limit must be a number of bytes");
	p->memory_bytes = v;
	/* test-count: Polygon always writes it; without it, the tests listed count. */
	const char *count = text_of(child(set, "test-count"));
	if (*count && parse_number(count, 1, POLYGON_MAX_TESTS, &v) < 0)
		return errf(R->err, R->n, "testset test-count must be 1 to %d", POLYGON_MAX_TESTS);
	p->test_count = *count ? (int)v : POLYGON_MAX_TESTS;
	/* (checked below, through the paths they make) */
	if (copy_str(R, p->input_pattern, sizeof p->input_pattern, text_of(child(set, "input-path-pattern")),
		     "input-path-pattern") < 0 ||
	    copy_str(R, p->answer_pattern, sizeof p->answer_pattern, text_of(child(set, "answer-path-pattern")),
		     "answer-path-pattern") < 0)
		return -1;
	char a[POLYGON_PATH_MAX], b[POLYGON_PATH_MAX];
	if (polygon_test_path(p->input_pattern, 1, a, sizeof a) < 0 ||
	    polygon_test_path(p->answer_pattern, 1, b, sizeof b) < 0 || !strcmp(a, b))
		return errf(R->err, R->n, "the input and answer path patterns must each hold one %%d "
					  "(or %%0Nd), make relative paths inside the package (no '..'), and differ");
	int i = 0;
	for (xmlNode *t = child(set, "tests") ? child(set, "tests")->children : NULL; t; t = t->next) {
		if (!named(t, "test"))
			continue;
		if (i >= p->test_count)
			return errf(R->err, R->n, "more tests listed than %s%d", *count ? "test-count, " : "", p->test_count);
		p->sample[i] = !strcmp(attr(t, "sample"), "true");
		p->generated += !strcmp(attr(t, "method"), "generated");
		p->points |= *attr(t, "points") || *attr(t, "group");
		i++;
	}
	if (!*count)
		p->test_count = i;
	if (i != p->test_count || i == 0)
		return errf(R->err, R->n, "test-count says %d, but %d tests are listed", p->test_count, i);
	return 0;
}

/* The path of an asset's <source path=...>, into dst ("" if it has none). */
static int source_of(struct reader *R, const xmlNode *asset, char *dst, const char *what)
{
	const xmlNode *src = child(asset, "source");
	dst[0] = 0;
	return src ? copy_path(R, dst, attr(src, "path"), what) : 0;
}

static int read_assets(struct reader *R, const xmlNode *root)
{
	struct polygon_problem *p = R->p;
	xmlNode *assets = child(root, "assets");
	xmlNode *checker = child(assets, "checker");
	if (checker) {
		if (copy_str(R, p->checker_name, sizeof p->checker_name, attr(checker, "name"), "the checker's name") < 0 ||
		    copy_str(R, p->checker_type, sizeof p->checker_type, attr(checker, "type"), "the checker's type") < 0 ||
		    source_of(R, checker, p->checker_source, "the checker's source") < 0)
			return -1;
	}
	xmlNode *validators = child(assets, "validators");
	if (source_of(R, child(validators, "validator"), p->validator_source, "the validator's source") < 0)
		return -1;
	p->interactive = child(assets, "interactor") != NULL;
	if (source_of(R, child(assets, "interactor"), p->interactor_source, "the interactor's source") < 0)
		return -1;
	for (xmlNode *s = child(assets, "solutions") ? child(assets, "solutions")->children : NULL; s; s = s->next) {
		if (!named(s, "solution"))
			continue;
		if (p->nsolutions >= POLYGON_MAX_SOLUTIONS)
			return errf(R->err, R->n, "more than %d solutions", POLYGON_MAX_SOLUTIONS);
		struct polygon_solution *sol = &p->solutions[p->nsolutions];
		if (copy_str(R, sol->tag, sizeof sol->tag, attr(s, "tag"), "a solution's tag") < 0 ||
		    source_of(R, s, sol->path, "a solution's source") < 0)
			return -1;
		if (sol->path[0])
			p->nsolutions++;
	}
	return 0;
}

static int read_files(struct reader *R, const xmlNode *root)
{
	struct polygon_problem *p = R->p;
	xmlNode *files = child(root, "files");
	for (xmlNode *f = child(files, "resources") ? child(files, "resources")->children : NULL; f; f = f->next) {
		if (!named(f, "file"))
			continue;
		if (p->nresources >= POLYGON_MAX_RESOURCES)
			return errf(R->err, R->n, "more than %d resource files", POLYGON_MAX_RESOURCES);
		if (copy_path(R, p->resources[p->nresources++], attr(f, "path"), "a resource file") < 0)
			return -1;
	}
	xmlNode *statements = child(root, "statements");
	for (xmlNode *s = statements ? statements->children : NULL; s; s = s->next) {
		if (!named(s, "statement"))
			continue;
		if (p->nstatements >= POLYGON_MAX_STATEMENTS)
			return errf(R->err, R->n, "more than %d statements", POLYGON_MAX_STATEMENTS);
		struct polygon_statement *st = &p->statements[p->nstatements++];
		if (copy_str(R, st->language, sizeof st->language, attr(s, "language"), "a statement's language") < 0 ||
		    copy_str(R, st->type, sizeof st->type, attr(s, "type"), "a statement's type") < 0 ||
		    copy_path(R, st->path, attr(s, "path"), "a statement") < 0)
			return -1;
	}
	return 0;
}

int polygon_xml_read(const char *path, struct polygon_problem *p, char *err, size_t n)
{
	memset(p, 0, sizeof *p);
	if (load_libxml(err, n) < 0)
		return -1;
	int fd = open_regular(path, POLYGON_XML_MAX_BYTES);
	if (fd < 0)
		return errf(err, n, "%s", errno == EFBIG ? "larger than 4 MiB" : errno == EINVAL || errno == ELOOP
												 ? "not a regular file"
												 : strerror(errno));
	char *text = malloc(POLYGON_XML_MAX_BYTES);
	ssize_t len = 0, got;
	while (text && len < POLYGON_XML_MAX_BYTES && (got = read(fd, text + len, POLYGON_XML_MAX_BYTES - (size_t)len)) > 0)
		len += got;
	close(fd);
	if (!text)
		return errf(err, n, "out of memory");
	int rc = -1;
	xmlDoc *doc = NULL;
	if (has_declaration(text, (size_t)len)) {
		errf(err, n, "a DOCTYPE or other markup declaration ('<!'): Polygon writes none, and Verdict "
			     "refuses them (entity expansion, external entities)");
		goto out;
	}
	doc = lx.xmlReadMemory(text, (int)len, "problem.xml", NULL,
			       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	xmlNode *root = doc ? lx.xmlDocGetRootElement(doc) : NULL;
	if (!named(root, "problem")) {
		errf(err, n, "%s", doc ? "its root element is not <problem>" : "not well-formed XML");
		goto out;
	}
	struct reader R = { p, err, n };
	if (read_names(&R, root) == 0 && read_testset(&R, root) == 0 && read_assets(&R, root) == 0 &&
	    read_files(&R, root) == 0)
		rc = 0;
out:
	if (doc)
		lx.xmlFreeDoc(doc);
	free(text);
	return rc;
}
