/* statement_markdown.c - turn a package's Markdown statement into safe HTML at import (cmark).
 *
 * cmark's default (safe) renderer drops raw HTML with a placeholder comment;
 * a statement author who wrote "<b>" or "x < y <z>" expects to see it, so raw
 * HTML nodes are turned into text nodes first and come out escaped. */
#include "statement_markdown.h"
#include "fsutil.h"
#include "util.h"

#include <cmark.h>
#include <errno.h>
#include <fcntl.h>
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

int statement_md_to_html(const char *md_path, const char *html_path, char *err, size_t n)
{
	char *md = malloc(STATEMENT_MD_MAX + 1);
	if (!md)
		return errf(err, n, "out of memory");
	int truncated;
	ssize_t len = read_prefix(md_path, md, STATEMENT_MD_MAX + 1, &truncated);
	if (len < 0) {
		free(md);
		return errf(err, n, "cannot read it: %s", strerror(errno));
	}
	if (truncated || len > STATEMENT_MD_MAX) {
		free(md);
		return errf(err, n, "larger than %d KiB", STATEMENT_MD_MAX / 1024);
	}
	char *html = markdown_to_html(md, (size_t)len);
	free(md);
	if (!html)
		return errf(err, n, "out of memory rendering it");
	char tmp[4096];
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp", html_path) >= sizeof tmp) {
		free(html);
		return errf(err, n, "path too long: %s", html_path);
	}
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	size_t size = strlen(html);
	int ok = fd >= 0 && write(fd, html, size) == (ssize_t)size;
	int saved = errno;
	free(html);
	if (fd >= 0 && close(fd) < 0 && ok) {
		ok = 0;
		saved = errno;
	}
	if (!ok || rename(tmp, html_path) < 0) {
		saved = ok ? errno : saved;
		unlink(tmp);
		return errf(err, n, "cannot write %s: %s", html_path, strerror(saved));
	}
	return 0;
}
