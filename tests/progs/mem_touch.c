/* mem_touch MB [PROCS]: each of PROCS processes (default 1) allocates and
 * touches MB MiB, holds it for a second, then the parent prints "done". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int touch(long mb)
{
	for (long i = 0; i < mb; i++) {
		char *p = malloc(1 << 20);
		if (!p) {
			fprintf(stderr, "mem_touch: malloc failed after %ld MB\n", i);
			return 1;
		}
		memset(p, 1 + (int)(i & 0x7f), 1 << 20);
	}
	sleep(1); /* hold it while the other processes touch theirs */
	return 0;
}

int main(int argc, char **argv)
{
	long mb = argc > 1 ? atol(argv[1]) : 16;
	int procs = argc > 2 ? atoi(argv[2]) : 1, status, bad = 0;

	for (int i = 1; i < procs; i++) {
		pid_t p = fork();
		if (p < 0) {
			perror("mem_touch: fork");
			return 1;
		}
		if (p == 0)
			_exit(touch(mb));
	}
	bad = touch(mb);
	while (wait(&status) > 0)
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			bad = 1;
	if (bad)
		return 1;
	puts("done");
	return 0;
}
