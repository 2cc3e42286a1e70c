/* answers.h - a submit-answer problem: the submission is the answer files, checked as outputs. */
#ifndef VERDICT_ANSWERS_H
#define VERDICT_ANSWERS_H

#include "testrun.h"

/* Judges the answer to test t in answers_dir (a tree of regular files and
 * directories only, as copy_tree makes: its directories are followed as
 * they are): the file named like the
 * test below data/ with ".out" ("secret/03.out" for data/secret/03.in).
 * It is copied into scratch_dir first, only if a regular file (never a
 * link followed) of at most output_mb, and then checked as a program's
 * output would be (v, or the default validator). A missing answer is WA;
 * one that is not such a file is WA saying why. Nothing runs but the
 * validator. */
void answers_check(const struct validator *v, const struct test_case *t, const char *answers_dir, long output_mb,
		   const char *scratch_dir, struct test_result *r);

#endif
