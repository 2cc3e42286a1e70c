/* page_submit.c - a student's code, from the textarea or a file, into the queue. */
#include "course_view.h"
#include "http.h"
#include "answer_bundle.h"
#include "page_answers.h"
#include "page_util.h"
#include "pages.h"

#include "db.h"
#include "language.h"
#include "submission.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A Java source in the textarea is named after its public class, as javac
 * requires ("public class Sum" -> Sum.java); Main.java otherwise. */
static int ident(int c)
{
	return isalnum(c) || c == '_' || c == '$';
}

/* The next word at *q (after blanks) into word; its length. */
static size_t next_word(const char **q, const char *end, char *word, size_t n)
{
	while (*q < end && isspace((unsigned char)**q))
		(*q)++;
	size_t w = 0;
	while (*q < end && ident((unsigned char)**q) && w + 1 < n)
		word[w++] = *(*q)++;
	word[w] = 0;
	return w;
}

/* A copy of Java source with comments and string and character literals
 * blanked out, so that a "public class X" inside them is not taken for the
 * real one. malloc'd; NULL when out of memory. */
static char *java_code_only(const char *src, size_t len)
{
	char *code = malloc(len + 1);
	if (!code)
		return NULL;
	enum { CODE, LINE_COMMENT, BLOCK_COMMENT, STRING, CHAR } st = CODE;
	for (size_t i = 0; i < len; i++) {
		char c = src[i], next = i + 1 < len ? src[i + 1] : 0;
		code[i] = st == CODE ? c : ' ';
		switch (st) {
		case CODE:
			if (c == '/' && next == '/')
				st = LINE_COMMENT;
			else if (c == '/' && next == '*')
				st = BLOCK_COMMENT, code[i] = ' ', code[++i] = ' ';
			else if (c == '"')
				st = STRING;
			else if (c == '\'')
				st = CHAR;
			if (st == LINE_COMMENT)
				code[i] = ' ';
			break;
		case LINE_COMMENT:
			if (c == '\n')
				st = CODE, code[i] = c;
			break;
		case BLOCK_COMMENT:
			if (c == '*' && next == '/')
				st = CODE, code[++i] = ' ';
			break;
		case STRING:
		case CHAR:
			if (c == '\\' && next)
				code[++i] = ' ';
			else if ((st == STRING && c == '"') || (st == CHAR && c == '\'') || c == '\n')
				st = CODE;
			break;
		}
	}
	code[len] = 0;
	return code;
}

static void java_file_name(const char *src, size_t len, char *out, size_t n)
{
	snprintf(out, n, "Main.java");
	char *code = java_code_only(src, len);
	if (!code)
		return;
	const char *end = code + len;
	for (const char *p = memmem(code, len, "public", 6); p; p = memmem(p + 1, (size_t)(end - p - 1), "public", 6)) {
		if (p > code && ident((unsigned char)p[-1]))
			continue;
		/* public [final|abstract|strictfp] class|record|interface|enum NAME */
		const char *q = p + 6;
		char word[64];
		size_t w;
		while ((w = next_word(&q, end, word, sizeof word)) &&
		       (!strcmp(word, "final") || !strcmp(word, "abstract") || !strcmp(word, "strictfp")))
			;
		if (!w || (strcmp(word, "class") && strcmp(word, "record") && strcmp(word, "interface") &&
			   strcmp(word, "enum")))
			continue;
		if (next_word(&q, end, word, sizeof word) && !isdigit((unsigned char)word[0])) {
			snprintf(out, n, "%s.java", word);
			break;
		}
	}
	free(code);
}

/* Scala: the first top-level `object NAME` (its main), else Main.scala. */
static void object_file_name(const char *src, size_t len, const char *ext, char *out, size_t n)
{
	snprintf(out, n, "Main%s", ext);
	char *code = java_code_only(src, len); /* the same comments and strings */
	if (!code)
		return;
	const char *end = code + len;
	for (const char *p = memmem(code, len, "object", 6); p; p = memmem(p + 1, (size_t)(end - p - 1), "object", 6)) {
		if (p > code && ident((unsigned char)p[-1]))
			continue;
		const char *q = p + 6;
		char word[64];
		if (q < end && !ident((unsigned char)*q) && next_word(&q, end, word, sizeof word) &&
		    !isdigit((unsigned char)word[0])) {
			snprintf(out, n, "%s%s", word, ext);
			break;
		}
	}
	free(code);
}

static void default_file_name(const struct language *lang, const char *src, size_t len, char *out, size_t n)
{
	if (!lang->source_name) {
		if (strcmp(lang->extensions[0], ".java") == 0)
			java_file_name(src, len, out, n);
		else
			object_file_name(src, len, lang->extensions[0], out, n);
		return;
	}
	snprintf(out, n, "main%s", lang->extensions[0] ? lang->extensions[0] : "");
}

/* Queues what a submission's outcome says: 1 queued (redirected to it),
 * else the problem's form again with why, or an error page. */
static void queue_and_answer(struct request *r, const struct db_version *v, long long assignment_id,
			     const struct language *lang, const char *name, const char *src, size_t len,
			     const char *kept_code)
{
	char err[512];
	struct submission_limits limits, *lim = NULL;
	if (!page_is_staff(r)) {
		if (submission_limits_from_env(&limits, err, sizeof err) < 0) {
			http_error(r, 500, err);
			return;
		}
		lim = &limits;
	}
	long long id = 0;
	int spend = *http_form(r, "spend_late_days") != 0; /* the student's say-so, under "days,ask" */
	int rc = submission_queue(r->db, r->s.user_id, v->problem_id, assignment_id, spend, lang, name, src, len, lim, &id,
				  err, sizeof err);
	if (rc < 0) {
		http_error(r, 503, err);
		return;
	}
	if (rc != 1) {
		char msg[600];
		snprintf(msg, sizeof msg, "Not submitted: %s.", err);
		int status = rc == SUBMISSION_THROTTLED ? 429 : rc == SUBMISSION_OUTSIDE_WINDOW ? 403 : 400;
		page_problem_form(r, v->short_name, status, msg, lang ? lang->id : NULL, kept_code);
		return;
	}
	char where[64];
	snprintf(where, sizeof where, "/submissions/%lld", id);
	http_redirect(r, where);
}

/* A submit-answer problem: the uploaded answer files, as one bundle. */
static void submit_answers(struct request *r, const struct db_version *v, const struct package *p,
			   long long assignment_id)
{
	char err[512], msg[600];
	size_t len = 0;
	char *bundle = page_answers_bundle(r, p, &len, err, sizeof err);
	if (!bundle) {
		snprintf(msg, sizeof msg, "Not submitted: %s.", err);
		page_problem_form(r, v->short_name, 400, msg, NULL, NULL);
		return;
	}
	queue_and_answer(r, v, assignment_id, NULL, ANSWERS_FILE_NAME, bundle, len, NULL);
	free(bundle);
}

void page_submit(struct request *r)
{
	const char *short_name = r->args[0];
	const char *lang_id = http_form(r, "language");
	const struct http_field *file = http_field(r, "file");
	const struct http_field *code = http_field(r, "code");
	int from_file = file && file->is_file && file->len > 0;
	const char *src = from_file ? file->value : code && code->value ? code->value : "";
	size_t len = from_file ? file->len : code ? code->len : 0;
	const char *kept_code = from_file ? NULL : src;

	struct db_version v;
	struct db_assignment a;
	struct course_view cv;
	int in; /* for an assignment (the form's "assignment"): refused outside the student's window */
	if (!page_visible_problem(r, short_name, &v) || (in = course_view_named(r, v.problem_id, &a, &cv)) < 0)
		return;
	/* A problem not published is seen through its assignment, and so
	 * judged under its window and feedback policy, never as practice. */
	if (!in && !v.visible && !page_is_staff(r)) {
		page_problem_form(r, short_name, 403,
				  "Not submitted: this problem takes submissions for its assignment only; open it from the "
				  "assignment's page.",
				  NULL, kept_code);
		return;
	}
	struct problem_kind kind;
	struct package pkg;
	if (page_problem_kind(r, &v, &kind) == 0 && kind.submit_answer && page_problem_package(r, &v, &pkg) == 0) {
		int answers = pkg.submit_answer;
		if (answers)
			submit_answers(r, &v, &pkg, in ? a.id : 0);
		package_free(&pkg);
		if (answers)
			return;
	}
	const struct language *lang = *lang_id ? language_by_id(lang_id) : NULL;
	if (!lang && !*lang_id && from_file) {
		char first_line[256]; /* Kattis' shebang rule: #!/usr/bin/python2 */
		size_t k = 0;
		while (k < len && k < sizeof first_line - 1 && src[k] != '\n' && src[k] != '\r' && src[k])
			first_line[k] = src[k], k++;
		first_line[k] = 0;
		lang = language_detect(file->file_name, first_line);
	}
	if (!lang) {
		page_problem_form(r, short_name, 400,
				  *lang_id ? "Unknown language: choose one from the list."
					   : "Choose the language of your code.",
				  NULL, kept_code);
		return;
	}
	char name[256];
	if (from_file) {
		const char *base = strrchr(file->file_name, '/');
		base = base ? base + 1 : file->file_name;
		if (strchr(base, '\\'))
			base = strrchr(base, '\\') + 1;
		snprintf(name, sizeof name, "%s", *base ? base : "upload");
	} else {
		default_file_name(lang, src, len, name, sizeof name);
	}
	queue_and_answer(r, &v, in ? a.id : 0, lang, name, src, len, kept_code);
}
