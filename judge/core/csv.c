/* csv.c - reading CSV records (RFC 4180). */
#include "csv.h"

#include "util.h"

int csv_read(FILE *f, char *buf, size_t bufn, char **fields, int max, int *lines, char *err, size_t n)
{
	size_t len = 0;
	int count = 0, quoted = 0, after_quote = 0, c = getc(f);
	if (c == EOF)
		return 0;
	++*lines;
	fields[count++] = buf;
	for (;; c = getc(f)) {
		if (c == EOF && quoted)
			return errf(err, n, "a quoted field is not closed");
		if (c == EOF || (!quoted && c == '\n'))
			break;
		if (c == 0)
			return errf(err, n, "a NUL byte");
		if (len + 2 > bufn)
			return errf(err, n, "the line is too long (more than %zu bytes)", bufn - 2);
		if (quoted) {
			if (c == '"') {
				int next = getc(f);
				if (next != '"') {
					ungetc(next, f);
					quoted = 0;
					after_quote = 1;
					continue;
				}
			}
			*lines += c == '\n';
			buf[len++] = (char)c;
		} else if (c == ',') {
			if (count == max)
				return errf(err, n, "more than %d fields", max);
			buf[len++] = 0;
			fields[count++] = buf + len;
			after_quote = 0;
		} else if (c == '"' && fields[count - 1] == buf + len && !after_quote) {
			quoted = 1;
		} else if (c == '\r') {
			int next = getc(f);
			ungetc(next, f);
			if (next != '\n' && next != EOF)
				buf[len++] = (char)c;
		} else if (after_quote) {
			return errf(err, n, "text after a closing quote");
		} else {
			buf[len++] = (char)c;
		}
	}
	buf[len] = 0;
	return count;
}
