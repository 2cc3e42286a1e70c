/* creds: prints "uid N", "gid N", "euid N", "egid N", "groups N...", the
 * Cap*, NoNewPrivs and Seccomp lines of /proc/self/status, "core SOFT HARD"
 * (RLIMIT_CORE, -1 for unlimited) and "hostname NAME". */
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

int main(void)
{
	char line[512], host[256] = "?";
	gid_t groups[64];
	int ng = getgroups(64, groups);
	struct rlimit rl;
	FILE *f;

	printf("uid %d\ngid %d\neuid %d\negid %d\ngroups", (int)getuid(), (int)getgid(), (int)geteuid(), (int)getegid());
	for (int i = 0; i < ng; i++)
		printf(" %d", (int)groups[i]);
	putchar('\n');
	f = fopen("/proc/self/status", "r");
	if (!f) {
		perror("creds: /proc/self/status");
		return 1;
	}
	while (fgets(line, sizeof line, f))
		if (strncmp(line, "Cap", 3) == 0 || strncmp(line, "NoNewPrivs:", 11) == 0 || strncmp(line, "Seccomp:", 8) == 0)
			fputs(line, stdout);
	fclose(f);
	getrlimit(RLIMIT_CORE, &rl);
	printf("core %lld %lld\n", rl.rlim_cur == RLIM_INFINITY ? -1LL : (long long)rl.rlim_cur,
	       rl.rlim_max == RLIM_INFINITY ? -1LL : (long long)rl.rlim_max);
	gethostname(host, sizeof host);
	printf("hostname %s\n", host);
	return 0;
}
