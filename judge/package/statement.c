/* statement.c - turn a package's statement (Markdown or LaTeX) into safe HTML at import (pandoc, in the sandbox).
 *
 * The statement is an instructor's, but the page it becomes is every
 * student's: nothing in it may run script in Verdict's origin. pandoc
 * parses it in a box (it follows \input, and a parser bug stays there);
 * a Lua filter, given to pandoc beside the statement (with a prelude of
 * problemtools' LaTeX macros), rewrites what could
 * carry script before the HTML writer sees it (the page's
 * Content-Security-Policy forbids inline script too, as a second wall). */
#include "statement.h"
#include "fsutil.h"
#include "sandbox.h"
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The filter, in pandoc's Lua. Raw HTML (CommonMark passes it through;
 * pandoc 2.17 ignores -raw_html there) is shown as text, as an author who
 * wrote "<b>" or "a<b" expects; raw TeX is dropped, as the HTML writer
 * would. A URL's scheme is read as a browser reads it: control characters
 * and spaces removed, case ignored. */
static const char filter_lua[] =
	"local base = os.getenv('VERDICT_IMAGE_BASE') or ''\n"
	"local function raw_text(el)\n"
	"  if el.format == 'html' then return el.text end\n"
	"  return nil\n"
	"end\n"
	"function RawInline(el)\n"
	"  local t = raw_text(el)\n"
	"  if t then return pandoc.Str(t) end\n"
	"  return {}\n"
	"end\n"
	"function RawBlock(el)\n"
	"  local t = raw_text(el)\n"
	"  if t then return pandoc.Para({ pandoc.Str(t) }) end\n"
	"  return {}\n"
	"end\n"
	"local function scheme_ok(url)\n"
	"  local plain = url:gsub('[%c%s]', ''):lower()\n"
	"  local scheme = plain:match('^([%a][%w+.-]*):')\n"
	"  return scheme == nil or scheme == 'http' or scheme == 'https' or scheme == 'mailto'\n"
	"end\n"
	"local function plain_attrs(el)\n"
	"  el.attributes = {}\n"
	"  return el\n"
	"end\n"
	"function Link(el)\n"
	"  plain_attrs(el)\n"
	"  if not scheme_ok(el.target) then el.target = '' end\n"
	"  return el\n"
	"end\n"
	/* LaTeX's \includegraphics{fig} names no extension. */
	"local function exists(name)\n"
	"  local f = io.open('/statement/' .. name, 'r')\n"
	"  if f then f:close() return true end\n"
	"  return false\n"
	"end\n"
	/* An image keeps a size (\includegraphics[width=...]) that is a number and a unit. */
	"function Image(el)\n"
	"  local size = {}\n"
	"  for _, k in ipairs({ 'width', 'height' }) do\n"
	"    local v = el.attributes[k]\n"
	"    if v and v:match('^%d+%.?%d*%a*%%?$') then size[k] = v end\n"
	"  end\n"
	"  plain_attrs(el)\n"
	"  for k, v in pairs(size) do el.attributes[k] = v end\n"
	"  local name = el.src\n"
	"  if not name:match('^[%w_][%w_.-]*$') then return pandoc.Span(el.caption) end\n"
	"  if not name:match('%.') then\n"
	"    for _, ext in ipairs({ '.png', '.jpg', '.jpeg', '.gif', '.svg' }) do\n"
	"      if exists(name .. ext) then name = name .. ext break end\n"
	"    end\n"
	"  end\n"
	"  el.src = base .. name\n"
	"  return el\n"
	"end\n"
	"function Span(el) return plain_attrs(el) end\n"
	"function Div(el) return plain_attrs(el) end\n"
	"function Code(el) return plain_attrs(el) end\n"
	"function CodeBlock(el) return plain_attrs(el) end\n"
	"function Header(el) return plain_attrs(el) end\n"
	"function Table(el) return plain_attrs(el) end\n";

/* Read before a LaTeX statement: problemtools' macros that pandoc does not
 * know, as pandoc can expand them (\illustration{WIDTH}{FILE}{CAPTION}, a
 * figure WIDTH of the text wide). */
static const char prelude_tex[] =
	"\\newcommand{\\illustration}[3]{\\begin{figure}\\includegraphics[width=#1\\textwidth]{#2}"
	"\\caption{#3}\\end{figure}}\n";

/* Writes the filter and the prelude into the new directory aux. */
static int write_aux(const char *aux, char *err, size_t n)
{
	char path[PATH_MAX + 32];
	if (mkdir(aux, 0755) < 0)
		return errf(err, n, "cannot create %s: %s", aux, strerror(errno));
	snprintf(path, sizeof path, "%s/filter.lua", aux);
	int rc = write_new_file(path, filter_lua, sizeof filter_lua - 1);
	snprintf(path, sizeof path, "%s/prelude.tex", aux);
	if (rc < 0 || write_new_file(path, prelude_tex, sizeof prelude_tex - 1) < 0)
		return errf(err, n, "cannot write %s: %s", path, strerror(errno));
	return 0;
}

int statement_convertible(const char *path)
{
	return ends_with(path, ".md") || ends_with(path, ".tex");
}

int statement_to_html(const char *src, const char *html_path, const char *image_base, char *err, size_t n)
{
	char dir[PATH_MAX], file[PATH_MAX + 16], errors[PATH_MAX + 16], aux[PATH_MAX + 16], tmp[PATH_MAX + 16],
		base_env[PATH_MAX + 32];
	snprintf(dir, sizeof dir, "%s", src);
	char *slash = strrchr(dir, '/');
	if (!slash || !statement_convertible(src))
		return errf(err, n, "%s: not a Markdown or LaTeX statement", src);
	*slash = 0;
	if ((size_t)snprintf(file, sizeof file, "/statement/%s", slash + 1) >= sizeof file ||
	    (size_t)snprintf(errors, sizeof errors, "%s.err", html_path) >= sizeof errors ||
	    (size_t)snprintf(aux, sizeof aux, "%s.aux", html_path) >= sizeof aux ||
	    (size_t)snprintf(tmp, sizeof tmp, "%s.tmp", html_path) >= sizeof tmp ||
	    (size_t)snprintf(base_env, sizeof base_env, "VERDICT_IMAGE_BASE=%s", image_base) >= sizeof base_env)
		return errf(err, n, "%s: path too long", src);
	/* pandoc's Markdown with math is CommonMark plus $…$ and $$…$$, no more
	 * (not commonmark_x: its attributes extension writes any attribute). */
	int latex = ends_with(src, ".tex");
	char *argv[] = { "/usr/bin/pandoc", latex ? "--from=latex" : "--from=commonmark+tex_math_dollars", "--to=html5",
			 "--mathml", "--wrap=none", "--lua-filter=/aux/filter.lua", latex ? "/aux/prelude.tex" : file,
			 latex ? file : NULL, NULL };
	remove_tree(aux); /* left by an import that died */
	if (write_aux(aux, err, n) < 0) {
		remove_tree(aux);
		return -1;
	}
	struct sandbox_config cfg;
	sandbox_config_defaults(&cfg);
	cfg.time_sec = 30;
	cfg.mem_mb = 1024;
	cfg.pids = 64;
	cfg.fsize_mb = 64;
	cfg.stdin_path = "/dev/null";
	cfg.stdout_path = tmp;
	cfg.stderr_path = errors;
	cfg.binds[0] = (struct sandbox_bind){ dir, "/statement", 0 };
	cfg.binds[1] = (struct sandbox_bind){ aux, "/aux", 0 };
	cfg.nbinds = 2;
	cfg.env[cfg.nenv++] = "HOME=/box";
	cfg.env[cfg.nenv++] = "LANG=C.UTF-8";
	cfg.env[cfg.nenv++] = base_env;
	cfg.argv = argv;
	struct sandbox_result res;
	char why[512] = "";
	int rc = sandbox_init(why, sizeof why) < 0 ? -1 : sandbox_run(&cfg, &res);
	remove_tree(aux);
	int truncated;
	if (rc == 0 && read_prefix(errors, why, sizeof why, &truncated) < 0)
		why[0] = 0;
	unlink(errors);
	if (rc == 0 && res.status == SANDBOX_OK && rename(tmp, html_path) == 0)
		return 0;
	unlink(tmp);
	if (rc < 0)
		return errf(err, n, "cannot convert it: %s", why);
	return errf(err, n, "pandoc could not convert it to HTML: %s%s%.400s", res.message, why[0] ? ": " : "", why);
}
