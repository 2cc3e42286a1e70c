/* 32-bit integers: wrong when a number or the best sum passes 2^31. */
#include <stdio.h>

int main(void)
{
	int n, first = -2000000000, second = -2000000000;
	if (scanf("%d", &n) != 1)
		return 1;
	for (int i = 0; i < n; i++) {
		int a;
		scanf("%d", &a);
		if (a > first) {
			second = first;
			first = a;
		} else if (a > second) {
			second = a;
		}
	}
	printf("%d\n", first + second);
	return 0;
}
