/* validator_scripts.c - a validator that brings its own `build` and `run` scripts (both formats' "Other programs").
 *
 * The scripts are the package's, so they run in the sandbox like any
 * compiler: build with src/ as its writable working directory (the spec's
 * "copy of the program directory"), the box's PATH offering sh, cc, c++
 * and python3. What it leaves is untrusted: root touches only src/run, and
 * only through open_regular (a link, FIFO or device is refused, never
 * followed or waited on) and fchmod on that descriptor.
 */
#include "validator_scripts.h"
#include "fsutil.h"
#include "sandbox.h"
#include "util.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUILD_MEMORY_MB 1024 /* the format's compilation_memory default is 2048; compilers fit in 1024 */

static int chown_box(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st, (void)type, (void)ftw;
	return lchown(path, SANDBOX_UID, SANDBOX_UID); /* our own copy: no link in it yet */
}

int validator_scripts_build(struct build *b, double time_sec, char *err, size_t n)
{
	char src[PATH_MAX + 8], path[PATH_MAX + 32];
	snprintf(src, sizeof src, "%s/src", b->dir);
	snprintf(path, sizeof path, "%s/build", src);
	struct stat st;
	if (lstat(path, &st) == 0) {
		if (nftw(src, chown_box, 16, FTW_PHYS) != 0)
			return errf(err, n, "cannot hand the validator's sources to the sandbox: %s", strerror(errno));
		char *argv[] = { "/bin/sh", "-c", "cd /box/src && exec /bin/sh ./build", NULL };
		if (build_run_compiler(b, argv, time_sec, BUILD_MEMORY_MB, err, n) < 0)
			return -1;
		if (b->verdict != VERDICT_AC)
			return errf(err, n, "the output validator's build script failed: %.600s", b->output);
	}
	snprintf(path, sizeof path, "%s/" VALIDATOR_RUN_SCRIPT, src);
	int fd = open_regular(path, -1);
	if (fd < 0)
		return errf(err, n, "the output validator has a build script but %s",
			    errno == ENOENT ? "no run script after it"
					    : "its run is not a regular file (a link, directory or device is refused)");
	int rc = fchmod(fd, 0755);
	int e = errno;
	close(fd);
	if (rc < 0)
		return errf(err, n, "cannot make the validator's run executable: %s", strerror(e));
	return 0;
}
