/* import_job.h - the judge's side of import jobs: packages the web spooled, imported as root.
 *
 * The web server runs unprivileged, so it cannot import a package (a
 * custom validator is built and a LaTeX statement converted in the
 * sandbox). It writes the upload into the spool directory and queues an
 * import (db_import_add); `verdict judge` carries it out with this.
 */
#ifndef VERDICT_IMPORT_JOB_H
#define VERDICT_IMPORT_JOB_H

#include <stddef.h>

struct db;
struct state;
struct job_lease;

struct import_job_outcome {
	long long id;         /* the import */
	char state[16];       /* "done", "failed", or "lost" (another judge took it over: nothing recorded) */
	char message[4096];   /* as recorded: what was added, or why not (a sentence for a person) */
};

/* Claims the next import (the oldest queued, or one whose judge died) for
 * owner, imports its spool file as an archive named by the upload's file
 * name (problem_import_archive), records done or failed with a message,
 * and removes the spool file. The spool file must be a regular file
 * directly in the spool directory (it is opened without following links):
 * anything else fails the import, and a path outside the directory is
 * never touched. While the import runs, lease (the worker's keeper, with
 * its owner name) keeps the lease, so that only a judge that died loses
 * it; an import claimed more than JOB_MAX_ATTEMPTS times (it killed its
 * judge each time) fails without being tried again. Returns 1 with *out filled when one was carried out, 0 when none
 * waits, -1 on a database error (err). */
int import_job_run_next(struct db *db, const struct state *state, struct job_lease *lease,
			struct import_job_outcome *out, char *err, size_t n);

/* Removes files in the spool directory (state.h) that no queued or running import
 * uses and that are older than min_age seconds: uploads a web server was
 * writing when it died. Newer ones may still be being written by a live
 * one. Returns how many were removed, or -1 with err. */
int import_job_sweep_spool(struct db *db, const char *spool, int min_age, char *err, size_t n);

#endif
