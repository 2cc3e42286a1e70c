/* kill_all: kill(-1, SIGKILL), kill(1, SIGKILL), then SIGKILL to every pid
 * 1..4096 but its own; prints "survived" and exits 0. Refuses to run as uid
 * 0, where a broken box would let it take down the host. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	pid_t self = getpid();

	if (geteuid() == 0 || getuid() == 0) {
		puts("kill_all: refusing to run as uid 0");
		return 2;
	}
	kill(-1, SIGKILL);
	kill(1, SIGKILL);
	for (pid_t p = 1; p <= 4096; p++)
		if (p != self)
			kill(p, SIGKILL);
	puts("survived");
	return 0;
}
