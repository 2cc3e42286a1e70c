/* ipc_probe SHMKEY [MSGKEY]: looks for the SysV shared memory segment (and
 * message queue) with these keys (decimal or 0x hex) without creating them,
 * and counts the shm segments in use. Exits 0 iff none is found. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/shm.h>

int main(int argc, char **argv)
{
	struct shm_info info;
	int found = 0, id;

	if (argc < 2) {
		fputs("usage: ipc_probe SHMKEY [MSGKEY]\n", stderr);
		return 2;
	}
	memset(&info, 0, sizeof info);
	if (shmctl(0, SHM_INFO, (struct shmid_ds *)&info) < 0)
		printf("shm_info failed errno=%s\n", strerrorname_np(errno));
	printf("shm used_ids %d\n", info.used_ids);
	found += info.used_ids != 0;

	id = shmget((key_t)strtoul(argv[1], NULL, 0), 0, 0);
	if (id >= 0) {
		printf("shm %s found id %d\n", argv[1], id);
		found++;
	} else {
		printf("shm %s not found errno=%s\n", argv[1], strerrorname_np(errno));
		found += errno != ENOENT;
	}
	if (argc > 2) {
		id = msgget((key_t)strtoul(argv[2], NULL, 0), 0);
		if (id >= 0) {
			printf("msg %s found id %d\n", argv[2], id);
			found++;
		} else {
			printf("msg %s not found errno=%s\n", argv[2], strerrorname_np(errno));
			found += errno != ENOENT;
		}
	}
	return found ? 1 : 0;
}
