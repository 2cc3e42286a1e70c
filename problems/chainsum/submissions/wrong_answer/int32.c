/* Adds in an int: right on group 1 (20 points), overflows on group 2. */
#include <stdio.h>

int main(void)
{
	int count, total = 0;
	if (scanf("%d", &count) != 1)
		return 1;
	for (int i = 0; i < count; i++) {
		long long x;
		if (scanf("%lld", &x) != 1)
			return 1;
		total += (int)x;
	}
	printf("%d\n", total);
	return 0;
}
