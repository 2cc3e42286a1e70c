/* spin_rlimit: lowers its own RLIMIT_CPU to 1 s and spins, so that the
 * kernel's SIGXCPU ends it before the box's CPU limit does (what a
 * process whose own clock runs ahead of its cgroup's meets). */
#include <sys/resource.h>

int main(void)
{
	struct rlimit r;
	if (getrlimit(RLIMIT_CPU, &r) != 0)
		return 2;
	r.rlim_cur = 1;
	if (setrlimit(RLIMIT_CPU, &r) != 0)
		return 3;
	volatile unsigned long x = 0;
	for (;;)
		x++;
}
