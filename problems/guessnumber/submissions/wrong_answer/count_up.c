/* Guesses 1, 2, 3, ...: runs out of guesses unless the number is small. */
#include <stdio.h>
#include <string.h>

int main(void)
{
	char answer[32];
	for (int g = 1; g <= 1000; g++) {
		printf("%d\n", g);
		fflush(stdout);
		if (scanf("%31s", answer) != 1 || strcmp(answer, "correct") == 0)
			return 0;
	}
	return 0;
}
