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
	pthread_cond_t ready, idle;
	struct hash_job jobs[QUEUE_MAX]; /* a ring */
	int head, count;
	int running;                     /* jobs being worked on */
	int stopped;                     /* hash_pool_stop: no more jobs */
	int max_wait_ms;
} pool = { .lock = PTHREAD_MUTEX_INITIALIZER, .ready = PTHREAD_COND_INITIALIZER, .idle = PTHREAD_COND_INITIALIZER };

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
		pool.running++;
		int ran = !pool.stopped && now_ms() - job.queued_ms <= pool.max_wait_ms;
		pthread_mutex_unlock(&pool.lock);
		if (ran)
			job.work(job.arg);
		job.done(job.arg, ran);
		pthread_mutex_lock(&pool.lock);
		pool.running--;
		pthread_cond_broadcast(&pool.idle);
		pthread_mutex_unlock(&pool.lock);
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
	int full = pool.count == QUEUE_MAX || pool.stopped;
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

void hash_pool_stop(void)
{
	pthread_mutex_lock(&pool.lock);
	pool.stopped = 1; /* the queued jobs are handed back undone */
	while (pool.count || pool.running)
		pthread_cond_wait(&pool.idle, &pool.lock);
	pthread_mutex_unlock(&pool.lock);
}
