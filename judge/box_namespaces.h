/* box_namespaces.h - namespaces made ahead of a run: the shared user
 * namespace every program runs in, and a pool of fresh network namespaces. */
#ifndef VERDICT_BOX_NAMESPACES_H
#define VERDICT_BOX_NAMESPACES_H

#include <stddef.h>

/* Makes the user namespace boxes enter before starting their program: it
 * maps only uid and gid `box_id`, and owns no other namespace, so even a
 * program that became root in it could do nothing with that. Returns an
 * fd for setns(), or -1 with err set (the kernel forbids user namespaces). */
int box_userns_create(int box_id, char *err, size_t n);

/* Starts a thread that keeps a few unused network namespaces ready, so
 * the ~0.7 ms a new one costs is not spent while a caller waits. For
 * long-lived callers (the judge); a one-shot command gains nothing. */
int box_netns_pool_start(char *err, size_t n);

/* An fd of a network namespace nobody has used, for exactly one box, or
 * -1 when the pool is empty or not started (the box then makes its own). */
int box_netns_take(void);

#endif
