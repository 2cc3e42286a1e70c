/* list_dir [-l] DIR: prints the entries of DIR but . and .., sorted, one a
 * line; with -l as "NAME TYPE" where TYPE is dir, file, chr, blk, fifo,
 * sock or link:TARGET. */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	int longfmt = argc > 2 && strcmp(argv[1], "-l") == 0;
	const char *dir = argv[argc - 1];
	char *names[4096];
	int n = 0;
	struct dirent *e;
	DIR *d;

	if (argc < 2 || !(d = opendir(dir))) {
		perror("list_dir");
		return 1;
	}
	while ((e = readdir(d)) && n < 4096)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof *names, cmp);
	for (int i = 0; i < n; i++) {
		char path[PATH_MAX], target[PATH_MAX];
		struct stat st;
		ssize_t len;

		if (!longfmt) {
			puts(names[i]);
			continue;
		}
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (lstat(path, &st) != 0) {
			printf("%s ?\n", names[i]);
		} else if (S_ISLNK(st.st_mode)) {
			len = readlink(path, target, sizeof target - 1);
			target[len < 0 ? 0 : len] = 0;
			printf("%s link:%s\n", names[i], target);
		} else {
			printf("%s %s\n", names[i], S_ISDIR(st.st_mode) ? "dir" : S_ISREG(st.st_mode) ? "file" : S_ISCHR(st.st_mode) ? "chr" : S_ISBLK(st.st_mode) ? "blk" : S_ISFIFO(st.st_mode) ? "fifo" : "sock");
		}
	}
	return 0;
}
