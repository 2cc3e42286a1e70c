/* Forgets to flush: its guess stays in its buffer, and both sides wait. */
#include <stdio.h>

int main(void)
{
	char answer[32];
	printf("500\n");
	if (scanf("%31s", answer) != 1)
		return 0;
	return 0;
}
