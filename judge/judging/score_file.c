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

/* One of the files: 1 read into *v, 0 absent, -1 with why set. */
static int read_number(const char *feedback_dir, const char *name, double *v, char *why, size_t n)
{
	char path[4096], text[SCORE_FILE_MAX_BYTES + 1];
	int truncated = 0;
	if ((size_t)snprintf(path, sizeof path, "%s/%s", feedback_dir, name) >= sizeof path)
		return snprintf(why, n, "the feedback directory's path is too long"), -1;
	ssize_t len = read_prefix(path, text, sizeof text, &truncated);
	if (len < 0) {
		if (errno == ENOENT)
			return 0;
		snprintf(why, n, "the output validator's %s %s", name,
			 errno == ELOOP || errno == EINVAL ? "is not a regular file" : strerror(errno));
		return -1;
	}
	if (truncated)
		return snprintf(why, n, "the output validator's %s is longer than %d bytes (it holds one number)", name,
				SCORE_FILE_MAX_BYTES), -1;
	if ((size_t)len != strlen(text))
		return snprintf(why, n, "the output validator's %s holds a NUL byte", name), -1;
	char *end;
	errno = 0;
	*v = strtod(text, &end);
	end += strspn(end, " \t\r\n");
	if (errno || end == text || *end || !isfinite(*v) || *v < 0 || strspn(text, " \t\r\n") == strlen(text))
		return snprintf(why, n, "the output validator's %s must hold one non-negative number, not '%.40s'", name,
				text), -1;
	return 1;
}

int score_file_read(const char *feedback_dir, double *score, char *why, size_t n)
{
	double multiplier;
	int has_score = read_number(feedback_dir, "score.txt", score, why, n);
	int has_multiplier = has_score < 0 ? 0 : read_number(feedback_dir, "score_multiplier.txt", &multiplier, why, n);
	if (has_score < 0 || has_multiplier < 0)
		return -1;
	if (has_score && has_multiplier)
		return snprintf(why, n, "the output validator wrote both score.txt and score_multiplier.txt"), -1;
	if (has_multiplier && multiplier > 1)
		return snprintf(why, n, "the output validator's score_multiplier.txt says %g, above 1", multiplier), -1;
	if (has_multiplier)
		*score = multiplier;
	return has_score ? SCORE_FILE_SCORE : has_multiplier ? SCORE_FILE_MULTIPLIER : 0;
}
