/* db_migrations.h - the SQL files of schema/, compiled in (build/schema_sql.c). */
#ifndef VERDICT_DB_MIGRATIONS_H
#define VERDICT_DB_MIGRATIONS_H

struct db_migration {
	const char *name; /* "001_initial.sql" */
	const char *sql;
};

/* In order; the one at index i brings the database to user_version i + 1.
 * Ends with { NULL, NULL }. */
extern const struct db_migration db_migrations[];

#endif
