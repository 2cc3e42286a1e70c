/* spin_procs N: forks N processes that spin forever, waits for them. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 4;

	for (int i = 0; i < n; i++) {
		pid_t p = fork();
		if (p < 0) {
			perror("spin_procs: fork");
			return 1;
		}
		if (p == 0) {
			volatile unsigned long x = 0;
			for (;;)
				x++;
		}
	}
	while (wait(NULL) > 0)
		;
	return 0;
}
