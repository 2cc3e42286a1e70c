/* hash_pool.h - password checks on threads of their own, never on the HTTP threads. */
#ifndef VERDICT_HASH_POOL_H
#define VERDICT_HASH_POOL_H

/* A piece of work: work(arg) runs on a pool thread, then done(arg, ran)
 * runs there too, ran 0 when the job waited too long and was dropped
 * (work not run). done must hand the result back (MHD_resume_connection). */
struct hash_job {
	void (*work)(void *arg);
	void (*done)(void *arg, int ran);
	void *arg;
	long long queued_ms; /* set by hash_pool_submit */
};

/* Starts `threads` threads; a job that has waited `max_wait_ms` is dropped.
 * Call once, before the HTTP threads start. Returns 0, or -1 (errno set). */
int hash_pool_start(int threads, int max_wait_ms);

/* Queues a copy of *job. Returns 0, or -1 when the queue is full or the
 * pool stopped (the caller answers 503 at once). */
int hash_pool_submit(const struct hash_job *job);

/* Takes no more jobs, hands the queued ones back undone (done with ran 0)
 * and waits for the running ones: then no connection waits on the pool
 * (libmicrohttpd aborts when stopped with a connection suspended). */
void hash_pool_stop(void);

#endif
