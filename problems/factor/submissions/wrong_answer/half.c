/* Assumes N is even: right on the samples, wrong on odd N. */
#include <stdio.h>

int main(void)
{
	long long n;
	if (scanf("%lld", &n) != 1)
		return 1;
	printf("2 %lld\n", n / 2);
	return 0;
}
