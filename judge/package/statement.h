/* statement.h - turn a package's LaTeX statement into HTML at import (pandoc, in the sandbox). */
#ifndef VERDICT_STATEMENT_H
#define VERDICT_STATEMENT_H

#include <stddef.h>

/* Converts the LaTeX statement tex_path to HTML (formulas as MathML) in the
 * file html_path. pandoc follows \input and \include, so it runs in the
 * sandbox and sees only the statement's own directory. Returns 0, or -1
 * with pandoc's complaint in err. */
int statement_tex_to_html(const char *tex_path, const char *html_path, char *err, size_t n);

#endif
