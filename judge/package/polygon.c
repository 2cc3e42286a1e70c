/* polygon.c - a Polygon package (problem.xml) turned into a Kattis one, in the importer's own copy.
 *
 * Polygon (polygon.codeforces.com) exports a problem as a directory with
 * problem.xml describing it (package.xml is accepted too, the name issue
 * 11 and some tools use). problem add and problem verify read it after
 * copy_tree has made their private copy (regular files and directories
 * only, bounded), and rewrite that copy in place as a 2025-09 Kattis
 * package, which package_load then reads as it reads any other: one
 * reader of problems, one set of checks, and the same judging. Every path
 * problem.xml gives is checked (polygon_path_ok: relative, no "..") and
 * opened as a regular file only; nothing outside the copy is touched.
 *
 *   problem.xml                       Kattis package
 *   names/name (English first)        problem.yaml name
 *   testset time-limit (ms)           limits.time_limit (s)
 *   testset memory-limit (bytes)      limits.memory (MiB, rounded up)
 *   tests i = 1..test-count           data/sample/NN.{in,ans} (sample="true")
 *     input/answer-path-pattern         or data/secret/NN.{in,ans}
 *   an answer the package lacks       made by running the main solution
 *   checker source (testlib)          output_validator/ with the
 *                                       resources it includes (*.h)
 *   checker std::NAME, no source      the default validator's flags
 *   interactor source (testlib)       output_validator/ (type: interactive),
 *                                       the checker's source in its
 *                                       checker/, run on the interactor's
 *                                       output file (validator.h)
 *   validator source                  input_validator/, run on every input
 *   statement-sections/LANG/legend.tex  statement/problem.en.tex
 *     else statements LaTeX or PDF
 *   solutions by tag                  submissions/<directory>/
 */
#include "polygon.h"
#include "polygon_answers.h"
#include "polygon_validate.h"
#include "polygon_xml.h"
#include "testlib_checker.h"
#include "fsutil.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SECTION_MAX_BYTES (1 << 20) /* one statement section; the whole statement is bounded by package.c */
#define COPY_MAX_BYTES (64 << 20)   /* a source, header or PDF copied within the package */

struct converter {
	const char *dir, *work_root;
	const char *xml_name;   /* "problem.xml" or "package.xml" */
	struct polygon_problem *p;
	int *missing, nmissing; /* the tests without an answer file */
	int width;              /* digits of a test's file name */
	char *warnings;
	size_t wn;
	char *err;
	size_t n;
};

static void warn(struct converter *C, const char *format, ...) __attribute__((format(printf, 2, 3)));
static void warn(struct converter *C, const char *format, ...)
{
	size_t len = strlen(C->warnings);
	if (len + 2 >= C->wn)
		return;
	va_list ap;
	va_start(ap, format);
	vsnprintf(C->warnings + len, C->wn - len - 1, format, ap);
	va_end(ap);
	len = strlen(C->warnings);
	C->warnings[len] = '\n';
	C->warnings[len + 1] = 0;
}

/* dir/rel into out: both are bounded (PATH_MAX - POLYGON_PATH_MAX for dir
 * is checked once in polygon_convert), so this always fits. */
static void in_package(const struct converter *C, const char *rel, char *out)
{
	snprintf(out, PATH_MAX, "%s/%s", C->dir, rel);
}

/* Is rel a regular file of the copy? (copy_tree left nothing else, but a
 * problem.xml can name a directory.) */
static int is_file(const struct converter *C, const char *rel)
{
	char path[PATH_MAX];
	struct stat st;
	in_package(C, rel, path);
	return lstat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int make_dir(struct converter *C, const char *rel)
{
	char path[PATH_MAX];
	in_package(C, rel, path);
	if (mkdir(path, 0755) < 0 && errno != EEXIST)
		return errf(C->err, C->n, "cannot create %s: %s", rel, strerror(errno));
	return 0;
}

/* Moves the package's file from to the new place to (which must not exist). */
static int move(struct converter *C, const char *from, const char *to)
{
	char a[PATH_MAX], b[PATH_MAX];
	in_package(C, from, a);
	in_package(C, to, b);
	if (!is_file(C, from))
		return errf(C->err, C->n, "%s: not a file of the package", from);
	if (renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_NOREPLACE) < 0)
		return errf(C->err, C->n, "%s: cannot move it to %s: %s", from, to, strerror(errno));
	return 0;
}

static int copy_into(struct converter *C, const char *from, const char *to)
{
	char a[PATH_MAX], b[PATH_MAX];
	in_package(C, from, a);
	in_package(C, to, b);
	if (!is_file(C, from))
		return errf(C->err, C->n, "%s: named in %s, but not a file of the package", from, C->xml_name);
	if (copy_file(a, b, 0644, COPY_MAX_BYTES) < 0)
		return errf(C->err, C->n, "%s: cannot copy it to %s: %s", from, to, strerror(errno));
	return 0;
}

static const char *base_name(const char *rel)
{
	const char *slash = strrchr(rel, '/');
	return slash ? slash + 1 : rel;
}

/* The tests, renamed into data/; those without an answer file noted. */
static int convert_tests(struct converter *C)
{
	struct polygon_problem *p = C->p;
	C->width = p->test_count >= 100 ? (p->test_count >= 1000 ? (p->test_count >= 10000 ? 5 : 4) : 3) : 2;
	C->missing = calloc((size_t)p->test_count, sizeof *C->missing);
	if (!C->missing)
		return errf(C->err, C->n, "out of memory");
	if (make_dir(C, "data") < 0 || make_dir(C, "data/sample") < 0 || make_dir(C, "data/secret") < 0)
		return -1;
	for (int i = 1; i <= p->test_count; i++) {
		char in[POLYGON_PATH_MAX], ans[POLYGON_PATH_MAX], to[64];
		polygon_test_path(p->input_pattern, i, in, sizeof in); /* both checked by polygon_xml_read for i = 1, */
		polygon_test_path(p->answer_pattern, i, ans, sizeof ans); /* and longer numbers still fit */
		if (!is_file(C, in))
			return errf(C->err, C->n, "%s: test %d is missing. Polygon puts generated tests only into a full "
						  "package: download the full package (Linux), since Verdict does not run "
						  "generators", in, i);
		const char *group = p->sample[i - 1] ? "sample" : "secret";
		snprintf(to, sizeof to, "data/%s/%0*d.in", group, C->width, i);
		if (move(C, in, to) < 0)
			return -1;
		snprintf(to, sizeof to, "data/%s/%0*d.ans", group, C->width, i);
		if (!is_file(C, ans))
			C->missing[C->nmissing++] = i;
		else if (move(C, ans, to) < 0)
			return -1;
	}
	return 0;
}

/* The answers the package lacks, made by its main solution. */
static int make_answers(struct converter *C)
{
	struct polygon_problem *p = C->p;
	if (!C->nmissing)
		return 0;
	if (p->interactive)
		return errf(C->err, C->n, "%s: %d tests have no answer file (the first: test %d), which an interactive "
					  "problem cannot make by running the main solution alone", C->xml_name, C->nmissing,
			    C->missing[0]);
	const char *main_rel = NULL;
	for (int s = 0; s < p->nsolutions && !main_rel; s++)
		if (!strcmp(p->solutions[s].tag, "main"))
			main_rel = p->solutions[s].path;
	if (!main_rel)
		return errf(C->err, C->n, "%d tests have no answer file (the first: test %d), and %s names no main "
					  "solution to make them", C->nmissing, C->missing[0], C->xml_name);
	if (!is_file(C, main_rel))
		return errf(C->err, C->n, "%s: the main solution is not a file of the package", main_rel);
	char main_path[PATH_MAX];
	in_package(C, main_rel, main_path);
	struct polygon_answer_job job = { main_path, C->dir, C->work_root, p->time_limit_ms / 1000.0,
					  (long)((p->memory_bytes + (1 << 20) - 1) >> 20), C->missing, C->nmissing,
					  C->width, p->sample };
	if (polygon_make_answers(&job, C->err, C->n) < 0)
		return -1;
	warn(C, "%d answer file%s made by running the main solution %s", C->nmissing, C->nmissing == 1 ? "" : "s",
	     main_rel);
	return 0;
}

/* Copies the source rel into the directory to (made here) with every
 * resource that is a header (testlib.h), as checkers and validators
 * include them. */
static int copy_with_headers(struct converter *C, const char *rel, const char *to_dir)
{
	const struct polygon_problem *p = C->p;
	char to[POLYGON_PATH_MAX + 64];
	snprintf(to, sizeof to, "%s/%s", to_dir, base_name(rel));
	if (make_dir(C, to_dir) < 0 || copy_into(C, rel, to) < 0)
		return -1;
	for (int i = 0; i < p->nresources; i++) {
		snprintf(to, sizeof to, "%s/%s", to_dir, base_name(p->resources[i]));
		if (ends_with(p->resources[i], ".h") && !is_file(C, to) && copy_into(C, p->resources[i], to) < 0)
			return -1;
	}
	return 0;
}

/* Polygon's standard checkers (files/check.cpp is a copy of one, when the
 * package has its source), as the Kattis default validator's flags, where
 * they judge the same way. */
static const struct {
	const char *name, *flags; /* a YAML flow list's items */
} std_checkers[] = {
	{ "std::wcmp.cpp", "case_sensitive" },       /* tokens, exactly */
	{ "std::ncmp.cpp", "case_sensitive" },       /* integers as tokens: "01" is not "1" here, as in Kattis */
	{ "std::rcmp4.cpp", "float_tolerance, 1e-4" }, /* absolute or relative error, as testlib's doubleCompare */
	{ "std::rcmp6.cpp", "float_tolerance, 1e-6" },
	{ "std::rcmp9.cpp", "float_tolerance, 1e-9" },
	{ "std::yesno.cpp", "" },                     /* one token, any case */
	{ "std::nyesno.cpp", "" },
};

static int write_text(struct converter *C, const char *rel, const char *text)
{
	char path[PATH_MAX];
	in_package(C, rel, path);
	if (write_new_file(path, text, strlen(text)) < 0)
		return errf(C->err, C->n, "cannot write %s: %s", rel, strerror(errno));
	return 0;
}

/* An interactive problem: the interactor is the output validator, and
 * its checker, which judges what the interactor wrote (tout), must come
 * with its source: the default validator cannot stand in for it. */
static int convert_interactor(struct converter *C)
{
	struct polygon_problem *p = C->p;
	if (!p->interactor_source[0] || !is_file(C, p->interactor_source))
		return errf(C->err, C->n, "%s: the interactor's source is %s", C->xml_name,
			    p->interactor_source[0] ? "missing from the package" : "not named (assets/interactor/source)");
	if (!p->checker_source[0] || !is_file(C, p->checker_source))
		return errf(C->err, C->n, "%s: an interactive problem's checker needs its source in the package (it "
					  "judges the interactor's output file)", C->xml_name);
	return copy_with_headers(C, p->interactor_source, "output_validator") < 0 ||
			       copy_with_headers(C, p->checker_source, "output_validator/" VALIDATOR_INTERACTOR_CHECKER) < 0
		       ? -1
		       : 0;
}

static int convert_checker(struct converter *C)
{
	struct polygon_problem *p = C->p;
	if (p->interactive)
		return convert_interactor(C);
	if (p->checker_source[0] && is_file(C, p->checker_source))
		return copy_with_headers(C, p->checker_source, "output_validator");
	for (size_t i = 0; i < sizeof std_checkers / sizeof *std_checkers; i++)
		if (!strcmp(p->checker_name, std_checkers[i].name)) {
			char yaml[128];
			snprintf(yaml, sizeof yaml, "output_validator_args: [%s]\n", std_checkers[i].flags);
			return write_text(C, "data/sample/test_group.yaml", yaml) < 0 ||
						       write_text(C, "data/secret/test_group.yaml", yaml) < 0
				       ? -1
				       : 0;
		}
	if (p->checker_source[0])
		return errf(C->err, C->n, "%s: the checker's source is named in %s but missing", p->checker_source,
			    C->xml_name);
	return errf(C->err, C->n, "%s: the checker '%.100s' has no source in the package, and is not one of "
				  "Polygon's standard checkers Verdict knows by name (wcmp, ncmp, rcmp4, rcmp6, rcmp9, "
				  "yesno, nyesno)", C->xml_name, p->checker_name);
}

/* The input validator, kept as input_validator/ with its headers, and
 * run on every test input, as Polygon does before it builds a package. */
static int convert_validator(struct converter *C)
{
	struct polygon_problem *p = C->p;
	if (!p->validator_source[0])
		return 0;
	char sources[PATH_MAX];
	in_package(C, "input_validator", sources);
	if (copy_with_headers(C, p->validator_source, "input_validator") < 0 ||
	    polygon_validate_inputs(sources, C->dir, C->work_root, C->err, C->n) < 0)
		return -1;
	return 0;
}

/* Appends the section file rel, if the package has it, under heading. */
static int add_section(struct converter *C, char **tex, size_t *len, const char *rel, const char *heading)
{
	char path[PATH_MAX];
	in_package(C, rel, path);
	if (!is_file(C, rel))
		return 0;
	char *text = malloc(SECTION_MAX_BYTES + 1);
	int truncated = 0;
	ssize_t got = text ? read_prefix(path, text, SECTION_MAX_BYTES + 1, &truncated) : -1;
	if (got < 0 || truncated) {
		free(text);
		return errf(C->err, C->n, "%s: %s", rel, truncated ? "larger than 1 MiB" : "cannot read it");
	}
	size_t need = *len + strlen(heading) + (size_t)got + 64;
	char *grown = realloc(*tex, need);
	if (!grown) {
		free(text);
		return errf(C->err, C->n, "out of memory");
	}
	*tex = grown;
	*len += (size_t)snprintf(*tex + *len, need - *len, "%s%s\n\n", heading, text);
	free(text);
	return 0;
}

/* The statement in one language (English if there is one): its sections
 * as one LaTeX file, else the whole LaTeX (or PDF) statement. Polygon's
 * HTML statements are not used: they would be served as they are. */
static int convert_statement(struct converter *C)
{
	struct polygon_problem *p = C->p;
	const struct polygon_statement *chosen = NULL;
	for (int i = 0; i < p->nstatements; i++) {
		const struct polygon_statement *s = &p->statements[i];
		if (!strcmp(s->type, "application/x-tex") && (!chosen || !strcmp(s->language, "english")))
			chosen = s;
	}
	if (make_dir(C, "statement") < 0)
		return -1;
	if (chosen && polygon_path_ok(chosen->language)) {
		char rel[POLYGON_PATH_MAX + 64];
		static const struct {
			const char *file, *heading;
		} sections[] = { { "legend.tex", "" },
				 { "input.tex", "\\section*{Input}\n\n" },
				 { "output.tex", "\\section*{Output}\n\n" },
				 { "interaction.tex", "\\section*{Interaction}\n\n" },
				 { "notes.tex", "\\section*{Note}\n\n" } };
		char *tex = NULL;
		size_t len = 0;
		for (size_t i = 0; i < sizeof sections / sizeof *sections; i++) {
			snprintf(rel, sizeof rel, "statement-sections/%s/%s", chosen->language, sections[i].file);
			if (add_section(C, &tex, &len, rel, sections[i].heading) < 0) {
				free(tex);
				return -1;
			}
		}
		int rc = 0;
		if (tex)
			rc = write_text(C, "statement/problem.en.tex", tex);
		free(tex);
		if (tex || rc < 0)
			return rc;
		if (is_file(C, chosen->path)) {
			warn(C, "%s: the whole LaTeX statement is used (no statement-sections/); olymp.sty's macros may "
				"not show", chosen->path);
			return copy_into(C, chosen->path, "statement/problem.en.tex");
		}
	}
	for (int i = 0; i < p->nstatements; i++)
		if (!strcmp(p->statements[i].type, "application/pdf") && is_file(C, p->statements[i].path))
			return copy_into(C, p->statements[i].path, "statement/problem.en.pdf");
	warn(C, "no statement converted (Polygon's HTML statements are not used)");
	return 0;
}

/* Polygon's solution tags, as Kattis submission directories (NULL: not
 * judged by problem verify, with a warning). */
static const struct {
	const char *tag, *dir;
} solution_dirs[] = {
	{ "main", "accepted" },
	{ "accepted", "accepted" },
	{ "wrong-answer", "wrong_answer" },
	{ "presentation-error", "wrong_answer" }, /* Verdict judges PE as WA */
	{ "time-limit-exceeded", "time_limit_exceeded" },
	{ "memory-limit-exceeded", "run_time_error" }, /* verify counts MLE as a run-time error */
	{ "rejected", "rejected" },
	{ "time-limit-exceeded-or-memory-limit-exceeded", "rejected" },
	{ "time-limit-exceeded-or-accepted", NULL }, /* no directory allows both AC and TLE and needs neither */
	{ "failed", NULL },                          /* the checker must fail: nothing to expect of a judge */
	{ "do-not-run", NULL },
};

static int convert_solutions(struct converter *C)
{
	struct polygon_problem *p = C->p;
	if (make_dir(C, "submissions") < 0)
		return -1;
	for (int s = 0; s < p->nsolutions; s++) {
		const struct polygon_solution *sol = &p->solutions[s];
		const char *dir = NULL;
		size_t k;
		for (k = 0; k < sizeof solution_dirs / sizeof *solution_dirs; k++)
			if (!strcmp(sol->tag, solution_dirs[k].tag)) {
				dir = solution_dirs[k].dir;
				break;
			}
		if (!dir) {
			warn(C, "%s: tag '%.60s' %s; not judged by problem verify", sol->path, sol->tag,
			     k < sizeof solution_dirs / sizeof *solution_dirs ? "has no Kattis submission directory"
									      : "is not one of Polygon's");
			continue;
		}
		char to[POLYGON_PATH_MAX + 64];
		snprintf(to, sizeof to, "submissions/%s", dir);
		if (make_dir(C, to) < 0)
			return -1;
		snprintf(to, sizeof to, "submissions/%s/%s", dir, base_name(sol->path));
		if (is_file(C, to))
			return errf(C->err, C->n, "%s: two solutions named %s with the same tag", sol->path, base_name(sol->path));
		if (copy_into(C, sol->path, to) < 0)
			return -1;
	}
	return 0;
}

/* problem.yaml: the name as a YAML double-quoted string (\ and " escaped,
 * control characters dropped), the limits as Polygon gives them. */
static int write_problem_yaml(struct converter *C)
{
	const struct polygon_problem *p = C->p;
	char name[600] = "", yaml[1024];
	size_t k = 0;
	for (const unsigned char *c = (const unsigned char *)p->title; *c && k + 2 < sizeof name; c++) {
		if (*c < 0x20 || *c == 0x7f)
			continue;
		if (*c == '"' || *c == '\\')
			name[k++] = '\\';
		name[k++] = (char)*c;
	}
	name[k] = 0;
	snprintf(yaml, sizeof yaml,
		 "# Converted by Verdict from a Polygon package.\n"
		 "problem_format_version: 2025-09\n"
		 "%s"
		 "%s%s%s"
		 "limits:\n"
		 "  time_limit: %g\n"
		 "  memory: %lld\n",
		 p->interactive ? "type: interactive\n" : "", k ? "name: \"" : "", name, k ? "\"\n" : "", p->time_limit_ms / 1000.0,
		 (p->memory_bytes + (1 << 20) - 1) >> 20);
	return write_text(C, "problem.yaml", yaml);
}

/* The package's description: Polygon's problem.xml, else package.xml; NULL if neither. */
static const char *xml_name(const char *dir)
{
	static const char *const names[] = { "problem.xml", "package.xml" };
	char path[PATH_MAX];
	struct stat st;
	for (size_t i = 0; i < 2; i++)
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, names[i]) < sizeof path && lstat(path, &st) == 0)
			return names[i];
	return NULL;
}

int polygon_is_package(const char *dir)
{
	char path[PATH_MAX];
	struct stat st;
	if ((size_t)snprintf(path, sizeof path, "%s/problem.yaml", dir) >= sizeof path || lstat(path, &st) == 0)
		return 0;
	return xml_name(dir) != NULL;
}

int polygon_convert(const char *dir, const char *work_root, char *warnings, size_t wn, char *err, size_t n)
{
	if (strlen(dir) + POLYGON_PATH_MAX + 64 >= PATH_MAX)
		return errf(err, n, "the package's path is too long");
	struct converter C = { dir, work_root, xml_name(dir), calloc(1, sizeof(struct polygon_problem)), NULL, 0, 0,
			       warnings, wn, err, n };
	if (!C.p || !C.xml_name) {
		free(C.p);
		return errf(err, n, C.p ? "no problem.xml" : "out of memory");
	}
	char xml[PATH_MAX], why[1024];
	in_package(&C, C.xml_name, xml);
	int rc = polygon_xml_read(xml, C.p, why, sizeof why);
	if (rc < 0)
		errf(err, n, "%s: %s", C.xml_name, why);
	if (rc == 0 && C.p->file_io[0])
		rc = errf(err, n, "%s: the program reads and writes files (input-file, output-file: %s), not stdin and "
				  "stdout: not supported", C.xml_name, C.p->file_io);
	if (rc == 0 && C.p->points)
		warn(&C, "%s: test points and groups are left out: the problem is judged pass-fail", C.xml_name);
	if (rc == 0)
		rc = convert_tests(&C);
	if (rc == 0)
		rc = convert_validator(&C);
	if (rc == 0)
		rc = make_answers(&C);
	if (rc == 0)
		rc = convert_checker(&C);
	if (rc == 0)
		rc = convert_statement(&C);
	if (rc == 0)
		rc = convert_solutions(&C);
	if (rc == 0)
		rc = write_problem_yaml(&C);
	free(C.missing);
	free(C.p);
	return rc;
}
