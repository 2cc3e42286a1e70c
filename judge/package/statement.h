/* statement.h - turn a package's statement (Markdown or LaTeX) into safe HTML at import (pandoc, in the sandbox). */
#ifndef VERDICT_STATEMENT_H
#define VERDICT_STATEMENT_H

#include <stddef.h>

/* Is path a statement this module converts (.md or .tex)? */
int statement_convertible(const char *path);

/* Converts the statement src (Markdown: CommonMark with $…$ and $$…$$
 * math; or LaTeX) to HTML in the file html_path (replaced whole), formulas
 * as MathML. pandoc runs in a sandbox box that sees only the statement's
 * own directory, with a filter that shows raw HTML as text, drops links
 * of any scheme but http, https and mailto and every attribute but id,
 * class and an image's numeric width and height, and points images (a plain file name in the statement's
 * directory, else shown as their alt text) at image_base + name.
 * Returns 0, or -1 with pandoc's complaint in err. */
int statement_to_html(const char *src, const char *html_path, const char *image_base, char *err, size_t n);

#endif
