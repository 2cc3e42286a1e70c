/* Binary search: at most 10 guesses for 1..1000. */
#include <stdio.h>
#include <string.h>

int main(void)
{
	int lo = 1, hi = 1000;
	char answer[32];
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		printf("%d\n", mid);
		fflush(stdout);
		if (scanf("%31s", answer) != 1 || strcmp(answer, "correct") == 0)
			return 0;
		if (strcmp(answer, "lower") == 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return 0;
}
