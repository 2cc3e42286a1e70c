/* job_lease.c - keeps a claimed job's lease alive from a thread of its own (job_lease.h says why). */
#include "job_lease.h"
#include "log.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void deadline_in(struct timespec *ts, int seconds)
{
	clock_gettime(CLOCK_MONOTONIC, ts);
	ts->tv_sec += seconds;
}

static void *keep(void *arg)
{
	struct job_lease *k = arg;
	int every = k->lease / 3 > 0 ? k->lease / 3 : 1;
	struct timespec next;
	deadline_in(&next, every);
	pthread_mutex_lock(&k->mu);
	while (!k->stop) {
		if (pthread_cond_timedwait(&k->cv, &k->mu, &next) != ETIMEDOUT)
			continue; /* stop, or woken early: wait on for next */
		deadline_in(&next, every);
		if (!k->holding)
			continue;
		enum db_job kind = k->kind;
		long long id = k->id;
		pthread_mutex_unlock(&k->mu);
		char err[256];
		/* A database error is not a lost lease: the store checks again. */
		int rc = db_job_renew(k->db, kind, id, k->owner, k->lease, err, sizeof err);
		if (rc < 0)
			log_error("verdict judge: keeping the lease of job %lld: %s", id, err);
		pthread_mutex_lock(&k->mu);
		if (rc == 0 && k->holding && k->kind == kind && k->id == id)
			k->lost = 1;
	}
	pthread_mutex_unlock(&k->mu);
	return NULL;
}

void job_lease_owner(char *out, size_t n, int pid, int worker)
{
	char host[64] = "judge";
	gethostname(host, sizeof host - 1);
	if (worker < 0)
		snprintf(out, n, "%s:%d:", host, pid);
	else
		snprintf(out, n, "%s:%d:%d", host, pid, worker);
}

int job_lease_release_dead(struct db *db, int pid, char *err, size_t n)
{
	char prefix[96];
	job_lease_owner(prefix, sizeof prefix, pid, -1);
	return db_jobs_release_owner(db, prefix, err, n);
}

int job_lease_start(struct job_lease *k, const char *db_path, const char *owner, int lease_seconds, char *err,
		    size_t n)
{
	memset(k, 0, sizeof *k);
	k->owner = owner;
	k->lease = lease_seconds;
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_mutex_init(&k->mu, NULL);
	pthread_cond_init(&k->cv, &ca);
	pthread_condattr_destroy(&ca);
	if (db_open(db_path, &k->db, err, n) < 0) {
		k->db = NULL;
		return -1;
	}
	if (pthread_create(&k->thread, NULL, keep, k) != 0) {
		db_close(k->db);
		k->db = NULL;
		return errf(err, n, "cannot start the lease keeper: %s", strerror(errno));
	}
	k->started = 1;
	return 0;
}

void job_lease_hold(struct job_lease *k, enum db_job kind, long long id)
{
	pthread_mutex_lock(&k->mu);
	k->kind = kind;
	k->id = id;
	k->holding = 1;
	k->lost = 0;
	pthread_mutex_unlock(&k->mu);
}

int job_lease_lost(struct job_lease *k)
{
	pthread_mutex_lock(&k->mu);
	int lost = k->lost;
	pthread_mutex_unlock(&k->mu);
	return lost;
}

int job_lease_drop(struct job_lease *k)
{
	pthread_mutex_lock(&k->mu);
	int lost = k->lost;
	k->holding = 0;
	k->lost = 0;
	pthread_mutex_unlock(&k->mu);
	return lost;
}

void job_lease_stop(struct job_lease *k)
{
	if (!k->started)
		return;
	pthread_mutex_lock(&k->mu);
	k->stop = 1;
	pthread_cond_signal(&k->cv);
	pthread_mutex_unlock(&k->mu);
	pthread_join(k->thread, NULL);
	db_close(k->db);
	pthread_cond_destroy(&k->cv);
	pthread_mutex_destroy(&k->mu);
	k->started = 0;
}
