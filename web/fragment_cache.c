/* fragment_cache.c - page parts kept while the database has not changed
 * (fragment_cache.h). */
#include "fragment_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ENTRIES 8           /* per thread: the boards and gradebooks in use */
#define MAX_AGE_NS 60000000000LL /* a safety net: made afresh at least once a minute */

struct entry {
	char key[96];
	struct db_data_version v;
	int64_t made_ns;
	char *html;
	size_t len;
	struct deflated gz; /* gz.data NULL: none */
};

static __thread struct entry entries[ENTRIES];
static __thread struct entry scratch; /* one not kept, alive until the next put */

static void fill(const struct entry *e, struct fragment *f)
{
	*f = (struct fragment){ e->html, e->len, e->gz.data ? &e->gz : NULL };
}

static void entry_free(struct entry *e)
{
	free(e->html);
	deflated_free(&e->gz);
	e->html = NULL;
}

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int fragment_cache_get(struct db *db, const char *key, struct db_data_version *now, struct fragment *f)
{
	char err[256];
	if (db_data_version(db, now, err, sizeof err) < 0) {
		*now = (struct db_data_version){ -1, -1 }; /* matches nothing: made afresh, and not kept */
		return 0;
	}
	for (int i = 0; i < ENTRIES; i++) {
		struct entry *e = &entries[i];
		if (e->html && strcmp(e->key, key) == 0 && e->v.others == now->others && e->v.own == now->own &&
		    now_ns() - e->made_ns < MAX_AGE_NS) {
			fill(e, f);
			return 1;
		}
	}
	return 0;
}

void fragment_cache_put(const char *key, const struct db_data_version *as_of, char *html, size_t len,
			struct fragment *f)
{
	entry_free(&scratch);
	if (!key || as_of->others < 0 || strlen(key) >= sizeof entries[0].key) {
		scratch.html = html;
		scratch.len = len;
		fill(&scratch, f);
		return;
	}
	struct entry *e = &entries[0];
	for (int i = 0; i < ENTRIES; i++) { /* the same key, else an empty slot, else the oldest */
		if (entries[i].html && strcmp(entries[i].key, key) == 0) {
			e = &entries[i];
			break;
		}
		if (!entries[i].html || (e->html && entries[i].made_ns < e->made_ns))
			e = &entries[i];
	}
	entry_free(e);
	strcpy(e->key, key);
	e->v = *as_of;
	e->made_ns = now_ns();
	e->html = html;
	e->len = len;
	if (deflated_make(html, len, &e->gz) < 0) /* then sent as it is */
		e->gz.data = NULL;
	fill(e, f);
}
