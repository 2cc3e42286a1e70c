/* state_paths: the state layout (judge/core/state.c): where --state and --db put
 * things, the one function that builds a version's paths (names that could
 * climb out and bad version numbers refused), and the check that only root
 * can change a directory and those above it. Prints TAP lines. */
#include "state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failed;

static void check(int ok, const char *what, const char *detail)
{
	printf("%s - state: %s%s%s\n", ok ? "ok" : "not ok", what, ok ? "" : ": ", ok ? "" : detail);
	failed |= !ok;
}

int main(void)
{
	char err[512] = "", path[PATH_MAX];
	struct state s;
	unsetenv("VERDICT_STATE");
	unsetenv("VERDICT_DB");
	unsetenv("VERDICT_DATA");
	check(state_resolve("/srv/v/", NULL, &s, err, sizeof err) == 0 && !strcmp(s.db, "/srv/v/db/verdict.db") &&
		      !strcmp(s.data, "/srv/v/data") && !strcmp(s.spool, "/srv/v/spool") && !strcmp(s.dir, "/srv/v"),
	      "--state DIR: db/, data/ and spool/ inside it", s.db);
	check(state_resolve(NULL, "/x/j.db", &s, err, sizeof err) == 0 && !s.dir[0] && !strcmp(s.data, "/x/j.db.data") &&
		      !strcmp(s.spool, "/x/j.db.spool"),
	      "--db FILE: FILE.data and FILE.spool beside it", s.data);
	setenv("VERDICT_STATE", "/env/state", 1);
	check(state_resolve(NULL, NULL, &s, err, sizeof err) == 0 && !strcmp(s.dir, "/env/state"),
	      "$VERDICT_STATE when no option is given", s.dir);
	check(state_resolve(NULL, "/x/j.db", &s, err, sizeof err) == 0 && !s.dir[0], "--db wins over $VERDICT_STATE",
	      s.dir);

	check(state_version_path("/d", "aplusb", 3, VERSION_PACKAGE, path, sizeof path, err, sizeof err) == 0 &&
		      !strcmp(path, "/d/problems/aplusb/v3/aplusb"),
	      "a version's package is data/problems/NAME/vN/NAME", path);
	check(state_version_path("/d", "aplusb", 3, VERSION_VALIDATOR, path, sizeof path, err, sizeof err) == 0 &&
		      !strcmp(path, "/d/problems/aplusb/v3/validator"),
	      "its validator is vN/validator", path);
	static const char *const bad[] = { "..", "../../etc", "a/b", "", ".hidden", "-rf", "x y", "aplusb\n", NULL };
	int refused = 1;
	for (int i = 0; bad[i]; i++)
		refused &= state_version_path("/d", bad[i], 1, VERSION_DIR, path, sizeof path, err, sizeof err) < 0;
	check(refused && strstr(err, "not a valid problem name"), "names that could climb out or mislead are refused", err);
	check(state_version_path("/d", "aplusb", 0, VERSION_DIR, path, sizeof path, err, sizeof err) < 0 &&
		      state_version_path("/d", "aplusb", -5, VERSION_DIR, path, sizeof path, err, sizeof err) < 0,
	      "version numbers below 1 are refused", err);
	char longname[80];
	memset(longname, 'a', 64);
	longname[64] = 0;
	check(state_version_path("/d", longname, 1, VERSION_DIR, path, sizeof path, err, sizeof err) < 0,
	      "a name of 64 characters is refused", err);

	char tmp[] = "/tmp/verdict-state-XXXXXX", sub[64];
	if (!mkdtemp(tmp))
		return 1;
	snprintf(sub, sizeof sub, "%s/data", tmp);
	mkdir(sub, 0755);
	check(getuid() != 0 || state_check_root_only(sub, err, sizeof err) == 0, "a root-owned 0755 directory under /tmp is safe",
	      err);
	char link[80], via[128];
	snprintf(link, sizeof link, "%s-link", tmp);
	snprintf(via, sizeof via, "%s/data", link);
	if (symlink(tmp, link) == 0) {
		check(getuid() != 0 || state_check_root_only(via, err, sizeof err) == 0,
		      "a path through root's link in a root-only (or sticky) directory is safe", err);
		if (lchown(link, 61001, 61001) == 0)
			check(state_check_root_only(via, err, sizeof err) < 0 && strstr(err, "link"),
			      "one through a link another account owns (and so could point elsewhere) is not", err);
		unlink(link);
	}
	chmod(sub, 0777);
	check(state_check_root_only(sub, err, sizeof err) < 0 && strstr(err, "not safe"), "a world-writable one is not", err);
	chmod(sub, 0755);
	if (chown(tmp, 61001, 61001) == 0)
		check(state_check_root_only(sub, err, sizeof err) < 0 && strstr(err, tmp),
		      "nor one below a directory another account owns (named in the message)", err);
	rmdir(sub);
	rmdir(tmp);
	return failed;
}
