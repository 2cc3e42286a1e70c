/* statement_markdown.c - turn a package's Markdown statement into safe HTML at import (cmark).
 *
 * cmark's default (safe) renderer drops raw HTML with a placeholder comment;
 * a statement author who wrote "<b>" or "x < y <z>" expects to see it, so raw
 * HTML nodes are turned into text nodes first and come out escaped. */
#include "statement_markdown.h"
#include "fsutil.h"
#include "sandbox.h"
#include "util.h"

#include <cmark.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A text (inline) or paragraph-of-text (block) node showing node's literal. */
static cmark_node *as_text(cmark_node *node)
{
	int block = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK;
	cmark_node *text = cmark_node_new(CMARK_NODE_TEXT);
	if (!text || !cmark_node_set_literal(text, cmark_node_get_literal(node))) {
		cmark_node_free(text);
		return NULL;
	}
	if (!block)
		return text;
	cmark_node *para = cmark_node_new(CMARK_NODE_PARAGRAPH);
	if (!para || !cmark_node_append_child(para, text)) {
		cmark_node_free(para);
		cmark_node_free(text);
		return NULL;
	}
	return para;
}

/* Replaces every raw HTML node of doc. Collected first: an iterator must
 * not see the tree change under it. Returns 0 or -1 (out of memory). */
static int raw_html_to_text(cmark_node *doc)
{
	size_t count = 0, cap = 0;
	cmark_node **raw = NULL;
	cmark_iter *it = cmark_iter_new(doc);
	if (!it)
		return -1;
	for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type type = cmark_node_get_type(node);
		if (ev != CMARK_EVENT_ENTER || (type != CMARK_NODE_HTML_INLINE && type != CMARK_NODE_HTML_BLOCK))
			continue;
		if (count == cap) {
			cap = cap ? 2 * cap : 16;
			cmark_node **bigger = realloc(raw, cap * sizeof *raw);
			if (!bigger) {
				free(raw);
				cmark_iter_free(it);
				return -1;
			}
			raw = bigger;
		}
		raw[count++] = node;
	}
	cmark_iter_free(it);
	int rc = 0;
	for (size_t i = 0; i < count; i++) {
		cmark_node *text = as_text(raw[i]);
		if (!text || !cmark_node_replace(raw[i], text)) {
			cmark_node_free(text);
			rc = -1;
			break;
		}
		cmark_node_free(raw[i]);
	}
	free(raw);
	return rc;
}

char *markdown_to_html(const char *md, size_t len)
{
	/* VALIDATE_UTF8 replaces invalid sequences with U+FFFD; without UNSAFE,
	 * the renderer strips dangerous URLs (and would drop raw HTML). No
	 * SMART: a statement's "--flag" or 'c' must not become typography. */
	int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
	cmark_node *doc = cmark_parse_document(md, len, options);
	if (!doc)
		return NULL;
	char *html = raw_html_to_text(doc) == 0 ? cmark_render_html(doc, options) : NULL;
	cmark_node_free(doc);
	return html;
}

/* `verdict markdown`: the box's half of statement_md_to_html. Reads the
 * Markdown on stdin, writes the HTML on stdout; exits 2 with the reason on
 * stderr when the statement is refused. */
int cmd_markdown(int argc, char **argv)
{
	(void)argv;
	if (argc != 1) {
		fputs("usage: verdict markdown < STATEMENT.md > STATEMENT.html\n"
		      "(problem add runs it in a sandbox box to render a Markdown statement)\n", stderr);
		return 1;
	}
	char *md = malloc(STATEMENT_MD_MAX + 1);
	size_t len = md ? fread(md, 1, STATEMENT_MD_MAX + 1, stdin) : 0;
	char *html = md && len <= STATEMENT_MD_MAX && !ferror(stdin) ? markdown_to_html(md, len) : NULL;
	free(md);
	if (!html) {
		fprintf(stderr, len > STATEMENT_MD_MAX ? "larger than %d KiB\n" : "cannot render it (out of memory)\n",
			STATEMENT_MD_MAX / 1024);
		return 2;
	}
	size_t size = strlen(html);
	int ok = fwrite(html, 1, size, stdout) == size && fflush(stdout) == 0;
	free(html);
	return ok ? 0 : 1;
}

int statement_md_to_html(const char *md_path, const char *html_path, char *err, size_t n)
{
	/* cmark parses the hostile text in a box of its own, as this program
	 * (`verdict markdown`): a parser bug is contained there. */
	int fd = open_regular(md_path, STATEMENT_MD_MAX);
	if (fd < 0 && errno == EFBIG)
		return errf(err, n, "larger than %d KiB", STATEMENT_MD_MAX / 1024);
	if (fd < 0)
		return errf(err, n, "cannot read it: %s", strerror(errno));
	char self[PATH_MAX], tmp[PATH_MAX + 8], errors[PATH_MAX + 8], why[512] = "";
	ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
	if (len < 0 || (size_t)snprintf(tmp, sizeof tmp, "%s.tmp", html_path) >= sizeof tmp ||
	    (size_t)snprintf(errors, sizeof errors, "%s.err", html_path) >= sizeof errors) {
		close(fd);
		return errf(err, n, "cannot render it: %s", len < 0 ? strerror(errno) : "path too long");
	}
	self[len] = 0;
	char *argv[] = { "/verdict", "markdown", NULL };
	struct sandbox_config cfg;
	sandbox_config_defaults(&cfg);
	cfg.time_sec = 10;
	cfg.mem_mb = 256;
	cfg.pids = 1;
	cfg.fsize_mb = 64; /* the HTML of 1 MiB of Markdown, escaped, with room */
	cfg.stdin_fd = fd;
	cfg.stdout_path = tmp;
	cfg.stderr_path = errors;
	cfg.binds[0] = (struct sandbox_bind){ self, "/verdict", 0 };
	cfg.nbinds = 1;
	cfg.argv = argv;
	struct sandbox_result res;
	int rc = sandbox_init(why, sizeof why) < 0 ? -1 : sandbox_run(&cfg, &res);
	close(fd);
	int truncated;
	if (rc == 0 && read_prefix(errors, why, sizeof why, &truncated) < 0)
		why[0] = 0;
	unlink(errors);
	why[strcspn(why, "\n")] = 0;
	if (rc == 0 && res.status == SANDBOX_OK && rename(tmp, html_path) == 0)
		return 0;
	unlink(tmp);
	if (rc < 0)
		return errf(err, n, "cannot render it: %s", why);
	if (res.status == SANDBOX_RE && res.signal == 0 && res.exit_code == 2 && why[0])
		return errf(err, n, "%s", why);
	return errf(err, n, "rendering it failed: %s%s%.300s", res.message, why[0] ? ": " : "", why);
}
