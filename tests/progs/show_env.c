/* show_env: prints "cwd DIR", then "env K=V" for every variable. */
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

extern char **environ;

int main(void)
{
	char cwd[PATH_MAX];

	printf("cwd %s\n", getcwd(cwd, sizeof cwd) ? cwd : "?");
	for (char **e = environ; *e; e++)
		printf("env %s\n", *e);
	return 0;
}
