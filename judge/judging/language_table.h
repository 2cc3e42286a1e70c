/* language_table.h - the language table behind language.h: languages.yaml compiled in, and the operator's file. */
#ifndef VERDICT_LANGUAGE_TABLE_H
#define VERDICT_LANGUAGE_TABLE_H

struct language;

/* The rows, ending with one whose id is NULL; the compiled-in defaults
 * when language_table_load has not been called. */
const struct language *language_table(void);

/* The operator's file the table was loaded with, or NULL (serve passes it
 * on to the judge it starts). */
const char *language_table_file(void);

#endif
