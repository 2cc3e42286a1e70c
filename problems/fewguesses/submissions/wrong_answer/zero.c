/* Guesses 0, which is outside the range: rejected. */
#include <stdio.h>

int main(void)
{
	printf("0\n");
	fflush(stdout);
	return 0;
}
