/* extension_grant.h - an extension as typed (a person or a section, new times in the course's zone, a reason), checked and recorded: one path for `verdict extension add` and the extensions page. */
#ifndef VERDICT_EXTENSION_GRANT_H
#define VERDICT_EXTENSION_GRANT_H

#include <stddef.h>

#include "db_courses.h"

/* Grants assignment a's extension to user (a member of its course) or to
 * section (NULL user; a section with at least one student): a new due
 * ('YYYY-MM-DD HH:MM' in a->zone) and an optional late_until (NULL or
 * "": the assignment's, not before the new due), with reason (required),
 * granted_by (0: the command line). Returns 0 (*id set, *t the times), -2
 * with err for times that do not read or fit, or -1 with err (nobody to
 * grant it to, no reason, a database error). */
int extension_grant(struct db *db, const struct db_assignment *a, const char *user, const char *section, const char *due,
		    const char *late_until, const char *reason, long long granted_by, long long *id,
		    struct due_extension *t, char *err, size_t n);

#endif
