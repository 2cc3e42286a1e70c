/* answers.c - a submit-answer problem: the submission is the answer files, checked as outputs. */
#include "answers.h"
#include "fsutil.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void answers_check(const struct validator *v, const struct test_case *t, const char *answers_dir, long output_mb,
		   const char *scratch_dir, struct test_result *r)
{
	memset(r, 0, sizeof *r);
	char src[PATH_MAX + 300], copy[PATH_MAX + 16];
	snprintf(src, sizeof src, "%s/%s.out", answers_dir, t->name);
	snprintf(copy, sizeof copy, "%s/answer", scratch_dir);
	unlink(copy);
	if (copy_file(src, copy, 0644, (off_t)output_mb << 20) < 0) {
		int e = errno;
		r->verdict = VERDICT_WA;
		if (e == ENOENT)
			snprintf(r->message, sizeof r->message, "no answer: expected a file %s.out", t->name);
		else if (e == EFBIG)
			snprintf(r->message, sizeof r->message, "%s.out is larger than the output limit (%ld MB)", t->name,
				 output_mb);
		else
			snprintf(r->message, sizeof r->message, "%s.out is not a regular file (%s)", t->name,
				 strerror(e));
		unlink(copy);
		return;
	}
	testrun_check_output(v, t, t->in, copy, NULL, scratch_dir, r);
	unlink(copy);
}
