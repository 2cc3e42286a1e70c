/* threads: 4 threads do some work, get joined, "ok" is printed. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define N 4

static void *work(void *arg)
{
	unsigned long *sum = arg;
	for (unsigned long i = 0; i < 20000000; i++)
		*sum += i ^ (*sum >> 3);
	return NULL;
}

int main(void)
{
	pthread_t t[N];
	unsigned long sums[N] = {0};

	for (int i = 0; i < N; i++) {
		int err = pthread_create(&t[i], NULL, work, &sums[i]);
		if (err) {
			fprintf(stderr, "threads: pthread_create: %s\n", strerror(err));
			return 1;
		}
	}
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	for (int i = 1; i < N; i++)
		if (sums[i] != sums[0]) {
			puts("threads disagree");
			return 1;
		}
	puts("ok");
	return 0;
}
