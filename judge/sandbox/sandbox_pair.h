/* sandbox_pair.h - two boxes at once, each one's stdout the other's stdin
 * (an interactive problem: the submission and the package's interactor). */
#ifndef VERDICT_SANDBOX_PAIR_H
#define VERDICT_SANDBOX_PAIR_H

#include "sandbox.h"

#include <stdint.h>

struct sandbox_pair {
	const struct sandbox_config *program; /* stdin/stdout are replaced by the pipes */
	const struct sandbox_config *peer;    /* likewise; stderr stays as each config says */
	uint64_t peer_ok_exits; /* bit k set: when the peer ends first with exit code k (an acceptance),
				 * the program's output stays open, so a program still writing is not
				 * killed by SIGPIPE for it */
};

struct sandbox_pair_result {
	struct sandbox_result program, peer;
	int peer_first;      /* the peer ended before the program did */
	int program_unread;  /* when the program's box ended, its last output was still unread by the
			      * peer while it had read all the peer wrote: the peer stopped reading */
};

/* Runs both boxes at once, each with every property sandbox_run gives one
 * box (own cgroup, namespaces, seccomp, limits and watchdog), connected by
 * two pipes. Which side ended first is decided by the write ends: the
 * supervisor holds a copy of each until that writer's box is gone, so the
 * other side cannot see EOF (and end) before the writer's end is on
 * record. After the program is gone the peer's output is drained, so a
 * peer never blocks writing to a dead program. Returns 0 when both boxes
 * worked (whatever the programs did), -1 when either was SE. */
int sandbox_run_pair(const struct sandbox_pair *pair, struct sandbox_pair_result *res);

#endif
