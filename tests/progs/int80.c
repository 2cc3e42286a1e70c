/* int80: makes the i386 getpid system call (eax=20) with `int $0x80`.
 * A box must kill it with SIGSYS; if it returns, says so and exits 0. */
#include <stdio.h>

int main(void)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(20L) : "memory", "r8", "r9", "r10", "r11");
	printf("int80 returned %ld\n", ret);
	return 0;
}
