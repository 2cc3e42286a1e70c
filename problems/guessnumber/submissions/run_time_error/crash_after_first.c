/* Guesses once, then dies of a null pointer before the interactor decides. */
#include <stdio.h>

int main(void)
{
	char answer[32];
	printf("500\n");
	fflush(stdout);
	if (scanf("%31s", answer) != 1)
		return 0;
	volatile int *p = NULL;
	return *p;
}
