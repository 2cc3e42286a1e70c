/* fragment_cache.h - parts of pages that cost much to make and are the same
 * for everyone allowed to see them (a contest's board, a course's
 * gradebook), kept while the database has not changed.
 *
 * Kept per server thread, since a database version is only comparable on
 * the handle it was read from (each thread has its own): no locks. The
 * caller checks who may see the page before it looks; the key names what
 * was made and for which view ("board/12/live"). */
#ifndef VERDICT_FRAGMENT_CACHE_H
#define VERDICT_FRAGMENT_CACHE_H

#include <stddef.h>

#include "db.h"

/* The fragment kept under key, if the database (through db, this thread's
 * handle) has not changed since it was made: returns it (valid until this
 * thread's next put), else NULL. *now is the database's version, to give
 * to fragment_cache_put with the fragment made from what is read after. */
const char *fragment_cache_get(struct db *db, const char *key, struct db_data_version *now, size_t *len);

/* Keeps html (malloc'd; the cache frees it) under key, made from the
 * database as of version as_of. */
void fragment_cache_put(const char *key, const struct db_data_version *as_of, char *html, size_t len);

#endif
