/* probe_file PATH...: prints "visible PATH" or "invisible PATH" for each;
 * exits 0 iff all are invisible. A path that lstat() cannot reach for any
 * reason but ENOENT/ENOTDIR (e.g. EACCES) counts as visible: it is there. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
	int seen = 0;
	struct stat st;

	for (int i = 1; i < argc; i++) {
		if (lstat(argv[i], &st) == 0) {
			printf("visible %s\n", argv[i]);
			seen++;
		} else if (errno == ENOENT || errno == ENOTDIR) {
			printf("invisible %s\n", argv[i]);
		} else {
			printf("visible %s (errno=%s)\n", argv[i], strerrorname_np(errno));
			seen++;
		}
	}
	return seen ? 1 : 0;
}
