/* hash_pool.c - password checks on threads of their own, never on the HTTP threads.
 *
 * An argon2 check takes 64 MiB and tens of milliseconds. Run on an HTTP
 * thread, a flood of logins (even for unknown names) took every thread and
 * every page waited behind it. Here a few threads (half the HTTP threads)
 * do the checks from a bounded queue: the HTTP thread suspends the login's
 * connection and goes on serving pages; a full queue is answered 503 at
 * once, and a job that waited too long is dropped (503 too), so a login
 * never waits without bound.
 */
#include "hash_pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#define QUEUE_MAX 64

static struct {
	pthread_mutex_t lock;
	pthread_cond_t ready;
	struct hash_job jobs[QUEUE_MAX]; /* a ring */
	int head, count;
	int max_wait_ms;
} pool = { .lock = PTHREAD_MUTEX_INITIALIZER, .ready = PTHREAD_COND_INITIALIZER };

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *run(void *unused)
{
	(void)unused;
	for (;;) {
		pthread_mutex_lock(&pool.lock);
		while (pool.count == 0)
			pthread_cond_wait(&pool.ready, &pool.lock);
		struct hash_job job = pool.jobs[pool.head];
		pool.head = (pool.head + 1) % QUEUE_MAX;
		pool.count--;
		pthread_mutex_unlock(&pool.lock);
		int ran = now_ms() - job.queued_ms <= pool.max_wait_ms;
		if (ran)
			job.work(job.arg);
		job.done(job.arg, ran);
	}
	return NULL;
}

int hash_pool_start(int threads, int max_wait_ms)
{
	pool.max_wait_ms = max_wait_ms;
	for (int i = 0; i < threads; i++) {
		pthread_t t;
		if (pthread_create(&t, NULL, run, NULL) != 0)
			return -1;
		pthread_detach(t);
	}
	return 0;
}

int hash_pool_submit(const struct hash_job *job)
{
	pthread_mutex_lock(&pool.lock);
	int full = pool.count == QUEUE_MAX;
	if (!full) {
		struct hash_job *j = &pool.jobs[(pool.head + pool.count) % QUEUE_MAX];
		*j = *job;
		j->queued_ms = now_ms();
		pool.count++;
		pthread_cond_signal(&pool.ready);
	}
	pthread_mutex_unlock(&pool.lock);
	return full ? -1 : 0;
}
