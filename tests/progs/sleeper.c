/* sleeper: sleeps 100 seconds without using CPU. */
#include <unistd.h>

int main(void)
{
	sleep(100);
	return 0;
}
