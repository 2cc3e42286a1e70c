/* x32: makes getpid through the x32 ABI (syscall number | 0x40000000).
 * A box must kill it with SIGSYS; if it returns, says so and exits 0. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	long ret = syscall(0x40000000L | SYS_getpid);

	printf("x32 returned %ld (%s)\n", ret, ret < 0 ? strerror(errno) : "ok");
	return 0;
}
