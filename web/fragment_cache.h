/* fragment_cache.h - parts of pages that cost much to make and are the same
 * for everyone allowed to see them (a contest's board, a course's
 * gradebook), kept while the database has not changed, with a compressed
 * copy for readers who accept gzip (gzip_splice.h).
 *
 * Kept per server thread, since a database version is only comparable on
 * the handle it was read from (each thread has its own): no locks. The
 * caller checks who may see the page before it looks; the key names what
 * was made and for which view ("board/12/live"). */
#ifndef VERDICT_FRAGMENT_CACHE_H
#define VERDICT_FRAGMENT_CACHE_H

#include <stddef.h>

#include "db.h"
#include "gzip_splice.h"

/* A kept fragment: valid until this thread's next fragment_cache_put. */
struct fragment {
	const char *html;
	size_t len;
	const struct deflated *gz; /* NULL: none (not kept, or out of memory) */
};

/* The fragment kept under key, if the database (through db, this thread's
 * handle) has not changed since it was made: 1 with *f filled, else 0.
 * *now is the database's version, to give to fragment_cache_put with the
 * fragment made from what is read after. */
int fragment_cache_get(struct db *db, const char *key, struct db_data_version *now, struct fragment *f);

/* Keeps html (malloc'd; the cache frees it) under key, made from the
 * database as of version as_of, compressing it once; key NULL (or a
 * version that could not be read): only until this thread's next put,
 * found by no get. Fills *f either way. */
void fragment_cache_put(const char *key, const struct db_data_version *as_of, char *html, size_t len,
			struct fragment *f);

#endif
