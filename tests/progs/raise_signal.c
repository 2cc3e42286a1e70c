/* raise_signal SIG: raises SIG (a number, or SEGV/SIGSEGV style name);
 * "abort" calls abort(). Exits 0 only if it somehow survives. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	const char *s = argc > 1 ? argv[1] : "SIGSEGV";
	int sig = 0;

	if (strcmp(s, "abort") == 0)
		abort();
	if (strncmp(s, "SIG", 3) == 0)
		s += 3;
	for (int i = 1; i < NSIG && !sig; i++)
		if (sigabbrev_np(i) && strcmp(sigabbrev_np(i), s) == 0)
			sig = i;
	if (!sig)
		sig = atoi(s);
	if (sig <= 0 || sig >= NSIG) {
		fprintf(stderr, "raise_signal: unknown signal %s\n", argv[1]);
		return 2;
	}
	signal(sig, SIG_DFL);
	raise(sig);
	puts("still alive");
	return 0;
}
