/* stack_recurse MB: recurses deep enough to use about MB MiB of stack. */
#include <stdio.h>
#include <stdlib.h>

static long recurse(long n)
{
	volatile char frame[4096];

	frame[0] = (char)n;
	frame[sizeof frame - 1] = (char)n;
	if (n == 0)
		return frame[0];
	return recurse(n - 1) + frame[sizeof frame - 1];
}

int main(int argc, char **argv)
{
	long mb = argc > 1 ? atol(argv[1]) : 1;

	printf("ok %ld\n", recurse(mb * 256) & 1);
	return 0;
}
