/* score_file.c - the score an output validator leaves in its feedback directory (score.txt).
 *
 * The validator is untrusted and the judge reads as root: read_prefix
 * opens only a regular file (no link is followed, no FIFO waited on) and
 * reads a few bytes of it, so a huge file costs nothing either. */
#include "score_file.h"
#include "fsutil.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int score_file_read(const char *feedback_dir, double *score, char *why, size_t n)
{
	char path[4096], text[SCORE_FILE_MAX_BYTES + 1];
	int truncated = 0;
	if ((size_t)snprintf(path, sizeof path, "%s/score.txt", feedback_dir) >= sizeof path)
		return snprintf(why, n, "the feedback directory's path is too long"), -1;
	ssize_t len = read_prefix(path, text, sizeof text, &truncated);
	if (len < 0) {
		if (errno == ENOENT)
			return 0;
		snprintf(why, n, "the output validator's score.txt %s",
			 errno == ELOOP || errno == EINVAL ? "is not a regular file" : strerror(errno));
		return -1;
	}
	if (truncated)
		return snprintf(why, n, "the output validator's score.txt is longer than %d bytes (it holds one number)",
				SCORE_FILE_MAX_BYTES), -1;
	if ((size_t)len != strlen(text))
		return snprintf(why, n, "the output validator's score.txt holds a NUL byte"), -1;
	char *end;
	errno = 0;
	double v = strtod(text, &end);
	end += strspn(end, " \t\r\n");
	if (errno || end == text || *end || !isfinite(v) || v < 0 || strspn(text, " \t\r\n") == strlen(text))
		return snprintf(why, n, "the output validator's score.txt must hold one non-negative number, not '%.40s'",
				text), -1;
	*score = v;
	return 1;
}
