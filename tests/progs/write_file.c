/* write_file PATH [CONTENT]: creates PATH holding CONTENT (default "x").
 * write_file PATH --mb N: creates PATH holding N MiB.
 * Prints "wrote PATH", or "write_file: PATH: ERROR" and exits 1. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int fail(const char *path)
{
	printf("write_file: %s: %s\n", path, strerror(errno));
	return 1;
}

int main(int argc, char **argv)
{
	static char buf[65536];
	const char *path = argc > 1 ? argv[1] : "/box/x";
	int fd;

	setvbuf(stdout, NULL, _IONBF, 0);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return fail(path);
	if (argc > 3 && strcmp(argv[2], "--mb") == 0) {
		long long left = atoll(argv[3]) << 20;
		memset(buf, 'w', sizeof buf);
		while (left > 0) {
			ssize_t n = write(fd, buf, left < (long long)sizeof buf ? (size_t)left : sizeof buf);
			if (n < 0)
				return fail(path);
			left -= n;
		}
	} else {
		const char *s = argc > 2 ? argv[2] : "x";
		if (write(fd, s, strlen(s)) != (ssize_t)strlen(s))
			return fail(path);
	}
	if (fsync(fd) != 0 && errno != EINVAL && errno != EROFS)
		return fail(path);
	if (close(fd) != 0)
		return fail(path);
	printf("wrote %s\n", path);
	return 0;
}
