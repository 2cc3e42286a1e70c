/* daemon NAME: double-forks a grandchild that calls itself NAME (prctl
 * PR_SET_NAME) and sleeps 1000 s in a new session; the parent exits 0. */
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : "verdict-daemon";
	pid_t p = fork();

	if (p < 0) {
		perror("daemon: fork");
		return 1;
	}
	if (p == 0) {
		setsid();
		if (fork() == 0) {
			signal(SIGHUP, SIG_IGN);
			signal(SIGTERM, SIG_IGN);
			prctl(PR_SET_NAME, name, 0, 0, 0);
			for (;;)
				sleep(1000);
		}
		_exit(0);
	}
	waitpid(p, NULL, 0);
	puts("parent exiting");
	return 0;
}
