/* score_file.h - the score an output validator leaves in its feedback directory (score.txt). */
#ifndef VERDICT_SCORE_FILE_H
#define VERDICT_SCORE_FILE_H

#include <stddef.h>

/* Reads feedback_dir/score.txt as the format says: one non-negative,
 * finite number (with white space around it), in a regular file of at
 * most SCORE_FILE_MAX_BYTES. Returns 1 with *score set, 0 when there is no
 * score.txt, or -1 with why set (a link, a FIFO, too long, not a number,
 * negative, NaN, infinite, ...). */
#define SCORE_FILE_MAX_BYTES 128
int score_file_read(const char *feedback_dir, double *score, char *why, size_t n);

#endif
