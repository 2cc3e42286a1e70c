/* statement_markdown.h - turn a package's Markdown statement into safe HTML at import (cmark). */
#ifndef VERDICT_STATEMENT_MARKDOWN_H
#define VERDICT_STATEMENT_MARKDOWN_H

#include <stddef.h>

#define STATEMENT_MD_MAX (1024 * 1024) /* a statement larger than this is refused */

/* Renders Markdown (CommonMark) to HTML in a malloc'd string. Raw HTML in
 * the source is shown as text, escaped, never passed through; links and
 * images with javascript:, vbscript:, file: or data: URLs lose their URL.
 * Returns NULL only when out of memory. */
char *markdown_to_html(const char *md, size_t len);

/* Renders the Markdown file md_path into html_path (replaced whole), in a
 * sandbox box that runs this program as `verdict markdown` (cmd_markdown):
 * the parser never sees hostile text as root. Returns 0, or -1 with the
 * reason in err. */
int statement_md_to_html(const char *md_path, const char *html_path, char *err, size_t n);

/* `verdict markdown`: Markdown on stdin, HTML on stdout (the box's half). */
int cmd_markdown(int argc, char **argv);

#endif
