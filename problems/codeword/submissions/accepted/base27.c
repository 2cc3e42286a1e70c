/* The word as a number in base 27 (a=1 ... z=26): 27^12 < 2^63. */
#include <stdio.h>
#include <string.h>

int main(void)
{
	char mode[16], word[32];
	if (scanf("%15s", mode) != 1)
		return 1;
	if (strcmp(mode, "encode") == 0) {
		long long code = 0;
		if (scanf("%31s", word) != 1)
			return 1;
		for (char *c = word; *c; c++)
			code = code * 27 + (*c - 'a' + 1);
		printf("%lld\n", code);
		return 0;
	}
	long long code;
	if (scanf("%lld", &code) != 1)
		return 1;
	int n = 0;
	for (; code > 0; code /= 27)
		word[n++] = (char)('a' + code % 27 - 1);
	for (int i = n - 1; i >= 0; i--)
		putchar(word[i]);
	putchar('\n');
	return 0;
}
