/* extension_grant.c - an extension as typed, checked and recorded. */
#include "extension_grant.h"

#include "db.h"
#include "util.h"
#include "zone_time.h"

#include <string.h>

struct section_count {
	const char *section;
	int count;
};

static void count_section(const struct db_member *m, void *arg)
{
	struct section_count *s = arg;
	s->count += !strcmp(m->section, s->section);
}

/* Who gets it: *user_id (> 0) for user, or section checked to have a
 * student in it. Returns 0, or -1 with err. */
static int whom(struct db *db, const struct db_assignment *a, const char *user, const char *section,
		long long *user_id, char *err, size_t n)
{
	struct db_member m;
	*user_id = 0;
	if (section) {
		struct section_count sc = { section, 0 };
		if (db_member_list(db, a->course_id, "student", count_section, &sc, err, n) < 0)
			return -1;
		return sc.count ? 0
				: errf(err, n, "no student of course %s is in section '%.64s'", a->course, section);
	}
	int found = db_user_find(db, user, user_id, err, n);
	if (found > 0)
		found = db_member_get(db, a->course_id, *user_id, &m, err, n);
	if (found == 0)
		return errf(err, n, "'%.64s' is not in course %s (see: verdict course members %s)", user, a->course,
			    a->course);
	return found > 0 ? 0 : -1;
}

int extension_grant(struct db *db, const struct db_assignment *a, const char *user, const char *section, const char *due,
		    const char *late_until, const char *reason, long long granted_by, long long *id,
		    struct due_extension *t, char *err, size_t n)
{
	long long user_id;
	t->late_until = DUE_NONE;
	if (zone_time_parse(due, a->zone, &t->due, err, n) < 0 ||
	    (late_until && *late_until && zone_time_parse(late_until, a->zone, &t->late_until, err, n) < 0))
		return -2;
	if (t->late_until != DUE_NONE && t->late_until < t->due) {
		errf(err, n, "--late-until is before --due");
		return -2;
	}
	if (!reason || !*reason)
		return errf(err, n, "an extension needs a reason");
	if (whom(db, a, section ? NULL : user, section, &user_id, err, n) < 0)
		return -1;
	return db_extension_add(db, a->id, user_id, section, t, reason, granted_by, id, err, n);
}
