/* endless_output: writes to stdout forever; exits 1 when a write fails. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	static char buf[65536];

	memset(buf, 'y', sizeof buf);
	for (;;)
		if (write(1, buf, sizeof buf) < 0) {
			perror("endless_output: write");
			return 1;
		}
}
