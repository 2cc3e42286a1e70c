/* 32-bit arithmetic: groups 1 and 2 (60 points), wrong on group 3. */
#include <stdio.h>

int main(void)
{
	int n, x, s = 0;
	if (scanf("%d", &n) != 1)
		return 1;
	while (n-- > 0 && scanf("%d", &x) == 1)
		s += x;
	printf("%d\n", s);
	return 0;
}
