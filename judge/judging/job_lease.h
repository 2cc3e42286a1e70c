/* job_lease.h - keeps a claimed job's lease alive from a thread of its own, whatever the work is doing.
 *
 * A judge claims a submission or an import with a lease and must renew it
 * while it works, or another judge takes the job over. Renewing between
 * tests is not enough: a compile takes up to a minute and a test up to
 * twice its limit plus a second, longer than a lease. So each worker has
 * a keeper: a thread with its own database handle that renews the lease
 * of the job the worker holds every third of the lease, independent of
 * the work. Only a judge that died (or hangs with its keeper) loses a job.
 */
#ifndef VERDICT_JOB_LEASE_H
#define VERDICT_JOB_LEASE_H

#include "db.h"

#include <pthread.h>

/* A job claimed this many times (its judge died each time, perhaps
 * killed by the job itself) is ended instead of being taken again. Not
 * fewer: an operator's restarts, or a storm of them, kill judges too. */
#define JOB_MAX_ATTEMPTS 5

struct job_lease {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct db *db; /* the keeper's own: a handle is for one thread */
	const char *owner;
	int lease, started, stop;
	enum db_job kind; /* what is held now, if holding */
	long long id;
	int holding, lost;
};

/* The name a judge's worker holds leases under: "HOST:PID:WORKER". With
 * worker < 0, "HOST:PID:", what every worker of that judge's names start
 * with. */
void job_lease_owner(char *out, size_t n, int pid, int worker);

/* Gives back every job a judge process that is known to be dead held
 * (its supervisor saw it die), so that they need not wait for their
 * leases to expire. Returns how many, or -1 with err. */
int job_lease_release_dead(struct db *db, int pid, char *err, size_t n);

/* Starts the keeper for owner's jobs on the database at db_path, renewing
 * to lease_seconds. 0, or -1 with err. */
int job_lease_start(struct job_lease *k, const char *db_path, const char *owner, int lease_seconds, char *err,
		    size_t n);

/* From now until job_lease_drop, keeps the lease of the job kind/id. */
void job_lease_hold(struct job_lease *k, enum db_job kind, long long id);

/* 1 if a renewal found the job taken over by another judge. */
int job_lease_lost(struct job_lease *k);

/* Stops renewing; returns job_lease_lost's answer for the job held. */
int job_lease_drop(struct job_lease *k);

void job_lease_stop(struct job_lease *k);

#endif
