#include <stdio.h>

int main(void)
{
	long n, x;
	long long s = 0;
	if (scanf("%ld", &n) != 1)
		return 1;
	while (n-- > 0 && scanf("%ld", &x) == 1)
		s += x;
	printf("%lld\n", s);
	return 0;
}
