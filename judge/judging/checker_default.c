/* checker_default.c - the Kattis default output validator, in C.
 *
 * Both files are read as whitespace-separated tokens (whitespace as
 * isspace() says: space, \t, \n, \v, \f, \r). Each of the judge's tokens
 * must be matched by the program's next token: exactly, or without regard
 * to case unless case_sensitive. With a float tolerance, a judge token that
 * is a finite number (strtod consumes all of it, integers included) is instead
 * compared numerically: accepted when |judge - team| <= abs_tol or
 * |judge - team| <= rel_tol * |judge|. With space_change_sensitive, the
 * whitespace between tokens (and before the first, and after the last) must
 * match too. Extra tokens after the judge's last one are a wrong answer.
 */
#include "checker_default.h"
#include "fsutil.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void checker_flags_defaults(struct checker_flags *f)
{
	f->case_sensitive = 0;
	f->space_change_sensitive = 0;
	f->abs_tol = -1;
	f->rel_tol = -1;
}

static int parse_tolerance(const char *s, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end || !isfinite(v) || v < 0)
		return -1;
	*out = v;
	return 0;
}

int checker_flags_parse(const char *flags, struct checker_flags *f, char *err, size_t n)
{
	char buf[1024];
	if (!flags)
		return 0;
	if (strlen(flags) >= sizeof buf) {
		snprintf(err, n, "validator flags are too long");
		return -1;
	}
	strcpy(buf, flags);
	char *save = NULL;
	for (char *w = strtok_r(buf, " \t\n", &save); w; w = strtok_r(NULL, " \t\n", &save)) {
		if (strcmp(w, "case_sensitive") == 0) {
			f->case_sensitive = 1;
			continue;
		}
		if (strcmp(w, "space_change_sensitive") == 0) {
			f->space_change_sensitive = 1;
			continue;
		}
		int abs = strcmp(w, "float_absolute_tolerance") == 0, rel = strcmp(w, "float_relative_tolerance") == 0,
		    both = strcmp(w, "float_tolerance") == 0;
		if (!abs && !rel && !both) {
			snprintf(err, n, "unknown validator flag '%s' (known: case_sensitive, space_change_sensitive, "
					 "float_tolerance, float_absolute_tolerance, float_relative_tolerance)", w);
			return -1;
		}
		char *value = strtok_r(NULL, " \t\n", &save);
		double v;
		if (!value || parse_tolerance(value, &v) < 0) {
			snprintf(err, n, "validator flag '%s' needs a non-negative number", w);
			return -1;
		}
		if (abs || both)
			f->abs_tol = v;
		if (rel || both)
			f->rel_tol = v;
	}
	return 0;
}

/* A buffered reader of one file that tracks the line it is on. */
struct reader {
	FILE *f;
	long line;    /* 1-based line of the next character */
	char *tok;    /* the last token read */
	size_t len, cap;
	char *space;  /* the whitespace before it */
	size_t slen, scap;
};

static int push(char **buf, size_t *len, size_t *cap, int c)
{
	if (*len + 2 > *cap) {
		size_t ncap = *cap ? *cap * 2 : 256;
		char *nb = realloc(*buf, ncap);
		if (!nb)
			return -1;
		*buf = nb;
		*cap = ncap;
	}
	(*buf)[(*len)++] = (char)c;
	(*buf)[*len] = 0;
	return 0;
}

/* Reads the whitespace and then the token after it. Returns 1 for a token,
 * 0 at the end (r->space then holds the trailing whitespace), -1 when out
 * of memory. */
static int next_token(struct reader *r)
{
	int c;
	r->len = r->slen = 0;
	if (r->tok)
		r->tok[0] = 0;
	if (r->space)
		r->space[0] = 0;
	while ((c = getc_unlocked(r->f)) != EOF && isspace(c)) {
		if (push(&r->space, &r->slen, &r->scap, c) < 0)
			return -1;
		r->line += c == '\n';
	}
	if (c == EOF)
		return 0;
	do {
		if (push(&r->tok, &r->len, &r->cap, c) < 0)
			return -1;
	} while ((c = getc_unlocked(r->f)) != EOF && !isspace(c));
	if (c != EOF)
		ungetc(c, r->f);
	return 1;
}

/* A whole token that strtod reads as a finite number. Like problemtools,
 * "inf" and "nan" are no numbers (so an answer "inf" is compared as a
 * word); hex floats are left out, as the 2025-09 grammar is decimal.
 * len counts any NUL bytes in the token. */
static int as_number(const char *s, size_t len, double *v)
{
	char *end;
	if (!len || strlen(s) != len || strchr(s, 'x') || strchr(s, 'X'))
		return 0;
	*v = strtod(s, &end);
	return end == s + len && isfinite(*v);
}

/* Tokens are compared with their lengths: a NUL byte in the program's
 * output is part of its token, not its end. */
static int same_token(const struct reader *a, const struct reader *b, int case_sensitive)
{
	if (a->len != b->len)
		return 0;
	for (size_t i = 0; i < a->len; i++) {
		unsigned char x = (unsigned char)a->tok[i], y = (unsigned char)b->tok[i];
		if (x != y && (case_sensitive || tolower(x) != tolower(y)))
			return 0;
	}
	return 1;
}

/* Shortens a token for a message. */
static const char *shown(const char *s, char *buf, size_t n)
{
	if (strlen(s) < n)
		return s;
	snprintf(buf, n, "%.*s...", (int)(n - 4), s);
	return buf;
}

static const char *describe_space(const char *s)
{
	if (!*s)
		return "no whitespace";
	if (strcmp(s, " ") == 0)
		return "a space";
	if (strcmp(s, "\n") == 0)
		return "a newline";
	return "other whitespace";
}

static enum verdict compare(struct reader *judge, struct reader *team, const struct checker_flags *f, char *msg,
			    size_t n)
{
	char a[80], b[80];
	for (long index = 1;; index++) {
		int jt = next_token(judge), tt = next_token(team);
		if (jt < 0 || tt < 0) {
			snprintf(msg, n, "out of memory while comparing");
			return VERDICT_JE;
		}
		if (f->space_change_sensitive && strcmp(judge->space ? judge->space : "", team->space ? team->space : "")) {
			snprintf(msg, n, "Whitespace differs before token %ld (line %ld of the output): expected %s, got %s",
				 index, team->line, describe_space(judge->space ? judge->space : ""),
				 describe_space(team->space ? team->space : ""));
			return VERDICT_WA;
		}
		if (!jt && !tt)
			return VERDICT_AC;
		if (!jt) {
			snprintf(msg, n, "Trailing output: token %ld (line %ld) '%s' after the end of the expected answer",
				 index, team->line, shown(team->tok, b, sizeof b));
			return VERDICT_WA;
		}
		if (!tt) {
			snprintf(msg, n, "Output ended early: expected token %ld '%s' (line %ld of the answer)", index,
				 shown(judge->tok, a, sizeof a), judge->line);
			return VERDICT_WA;
		}
		double jv, tv;
		if ((f->abs_tol >= 0 || f->rel_tol >= 0) && as_number(judge->tok, judge->len, &jv)) {
			if (!as_number(team->tok, team->len, &tv)) {
				snprintf(msg, n, "Expected a number at token %ld (line %ld), got '%s'", index, team->line,
					 shown(team->tok, b, sizeof b));
				return VERDICT_WA;
			}
			double diff = fabs(jv - tv);
			if ((f->abs_tol >= 0 && diff <= f->abs_tol) ||
			    (f->rel_tol >= 0 && diff <= f->rel_tol * fabs(jv)))
				continue;
			snprintf(msg, n, "Too large a difference at token %ld (line %ld): expected %s, got %s (difference %g)",
				 index, team->line, shown(judge->tok, a, sizeof a), shown(team->tok, b, sizeof b), diff);
			return VERDICT_WA;
		}
		if (!same_token(judge, team, f->case_sensitive)) {
			snprintf(msg, n, "Wrong answer at token %ld (line %ld): expected '%s', got '%s'", index, team->line,
				 shown(judge->tok, a, sizeof a), shown(team->tok, b, sizeof b));
			return VERDICT_WA;
		}
	}
}

enum verdict checker_default(const char *answer_path, const char *output_path, const struct checker_flags *f,
			     char *message, size_t n)
{
	struct reader judge = { .line = 1 }, team = { .line = 1 };
	message[0] = 0;
	/* Regular files only (the output is the program's): fopen would wait
	 * on a FIFO. */
	int fd = open_regular(answer_path, -1);
	judge.f = fd < 0 ? NULL : fdopen(fd, "re");
	if (fd >= 0 && !judge.f)
		close(fd);
	fd = judge.f ? open_regular(output_path, -1) : -1;
	team.f = fd < 0 ? NULL : fdopen(fd, "re");
	if (fd >= 0 && !team.f)
		close(fd);
	enum verdict v;
	if (!judge.f || !team.f) {
		snprintf(message, n, "cannot read %s: %s", !judge.f ? answer_path : output_path, strerror(errno));
		v = VERDICT_JE;
	} else {
		v = compare(&judge, &team, f, message, n);
	}
	if (judge.f)
		fclose(judge.f);
	if (team.f)
		fclose(team.f);
	free(judge.tok), free(judge.space), free(team.tok), free(team.space);
	return v;
}
