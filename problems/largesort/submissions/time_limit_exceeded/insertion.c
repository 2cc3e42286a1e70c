/* Insertion sort: fine on small inputs, quadratic on 3 * 10^5 numbers. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	long n;
	if (scanf("%ld", &n) != 1 || n < 1)
		return 1;
	long *v = malloc(sizeof *v * (size_t)n);
	for (long i = 0; i < n; i++) {
		long x, j = i;
		if (scanf("%ld", &x) != 1)
			return 1;
		while (j > 0 && v[j - 1] > x) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
	for (long i = 0; i < n; i++)
		printf("%ld%c", v[i], i + 1 < n ? ' ' : '\n');
	return 0;
}
