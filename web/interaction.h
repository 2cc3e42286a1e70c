/* interaction.h - a sample's .interaction file as a transcript on the problem page. */
#ifndef VERDICT_INTERACTION_H
#define VERDICT_INTERACTION_H

#include "template.h"

#include <stddef.h>

/* Reads path (at most max bytes, a regular file only) as the format's
 * interaction log: lines "<text" from the judge to the program, ">text"
 * from the program, "---" between passes of a multi-pass problem; other
 * lines are ignored. Consecutive lines of one side become one LINE
 * section of d, with WHO ("judge", "program" or "next pass"), SIDE (a
 * class: judge, program, pass) and TEXT. Returns 0, or -1 if the file
 * cannot be read. */
int interaction_add(struct tpl_dict *d, const char *path, size_t max);

#endif
