/* score_file.h - the score an output validator leaves in its feedback directory (score.txt). */
#ifndef VERDICT_SCORE_FILE_H
#define VERDICT_SCORE_FILE_H

#include <stddef.h>

/* Reads feedback_dir/score.txt, or 2025-09's score_multiplier.txt (at
 * most 1), as the format says: one non-negative, finite number (with
 * white space around it), in a regular file of at most
 * SCORE_FILE_MAX_BYTES. Returns SCORE_FILE_SCORE or SCORE_FILE_MULTIPLIER
 * with *score set, 0 when there is neither, or -1 with why set (a link, a
 * FIFO, too long, not a number, negative, NaN, infinite, both files, ...). */
#define SCORE_FILE_MAX_BYTES 128
/* SCORE_FILE_POINTS is not a file: a testlib checker's or interactor's
 * points (exit 7), which count as score.txt's in a scoring problem and
 * are only shown in a pass-fail one. */
enum { SCORE_FILE_SCORE = 1, SCORE_FILE_MULTIPLIER = 2, SCORE_FILE_POINTS = 3 };
int score_file_read(const char *feedback_dir, double *score, char *why, size_t n);

#endif
