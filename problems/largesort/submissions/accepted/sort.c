#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

int main(void)
{
	long n;
	if (scanf("%ld", &n) != 1 || n < 1)
		return 1;
	long *v = malloc(sizeof *v * (size_t)n);
	for (long i = 0; i < n; i++)
		if (scanf("%ld", &v[i]) != 1)
			return 1;
	qsort(v, (size_t)n, sizeof *v, cmp);
	for (long i = 0; i < n; i++)
		printf("%ld%c", v[i], i + 1 < n ? ' ' : '\n');
	return 0;
}
