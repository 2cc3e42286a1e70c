/* Starts the maximum at 0: wrong on the all-negative test of each group,
 * 3 of 4 accepted in both, so 30 + 30 of 80. */
#include <stdio.h>

int main(void)
{
	int n, x, best = 0;
	if (scanf("%d", &n) != 1)
		return 1;
	for (int i = 0; i < n && scanf("%d", &x) == 1; i++)
		if (x > best)
			best = x;
	printf("%d\n", best);
	return 0;
}
