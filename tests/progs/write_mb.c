/* write_mb MB: writes exactly MB MiB to stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static char buf[65536];
	long long left = (argc > 1 ? atoll(argv[1]) : 1) << 20;

	memset(buf, 'z', sizeof buf);
	while (left > 0) {
		ssize_t n = write(1, buf, left < (long long)sizeof buf ? (size_t)left : sizeof buf);
		if (n < 0) {
			perror("write_mb: write");
			return 1;
		}
		left -= n;
	}
	return 0;
}
