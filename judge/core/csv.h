/* csv.h - reading CSV records (RFC 4180): rosters and class lists. */
#ifndef VERDICT_CSV_H
#define VERDICT_CSV_H

#include <stddef.h>
#include <stdio.h>

/* Reads the next record of f into buf (bufn bytes) and points fields[0..]
 * at its fields (at most max; each NUL-terminated, surrounding spaces
 * kept). A quoted field may hold commas, doubled quotes and line breaks;
 * a line may end in CRLF. *lines is advanced by the lines read (for
 * messages). Returns the number of fields (an empty line is 1 empty
 * field), 0 at the end of the file, or -1 with err (a record longer than
 * buf, more than max fields, a quote left open, text after a closing
 * quote, a NUL byte). */
int csv_read(FILE *f, char *buf, size_t bufn, char **fields, int max, int *lines, char *err, size_t n);

#endif
