/* Encodes like base27.c, but decodes by searching every code from the top: far too slow. */
#include <stdio.h>
#include <string.h>

static long long encode(const char *w)
{
	long long code = 0;
	for (; *w; w++)
		code = code * 27 + (*w - 'a' + 1);
	return code;
}

int main(void)
{
	char mode[16], word[32];
	if (scanf("%15s", mode) != 1)
		return 1;
	if (strcmp(mode, "encode") == 0) {
		if (scanf("%31s", word) != 1)
			return 1;
		printf("%lld\n", encode(word));
		return 0;
	}
	long long code;
	if (scanf("%lld", &code) != 1)
		return 1;
	volatile long long c = 9223372036854775807LL;
	while (c != code)
		c--;
	printf("found\n");
	return 0;
}
