/* Never flushes its guess: it waits for a reply that cannot come. */
#include <stdio.h>

int main(void)
{
	char reply[32];
	printf("500\n");
	return scanf("%31s", reply) == 1 ? 0 : 1;
}
