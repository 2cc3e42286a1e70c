/* box_namespaces.h - namespaces made outside the box: the user namespace
 * every program runs in (made once), and each box's network namespace. */
#ifndef VERDICT_BOX_NAMESPACES_H
#define VERDICT_BOX_NAMESPACES_H

#include <stddef.h>

/* Makes the user namespace boxes enter before starting their program: it
 * maps only uid and gid `box_id`, and owns no other namespace, so even a
 * program that became root in it could do nothing with that. Returns an
 * fd for setns(), or -1 with err set (the kernel forbids user namespaces). */
int box_userns_create(int box_id, char *err, size_t n);

/* Makes a fresh network namespace (only a loopback, down) and returns an
 * fd of it, leaving the calling thread in `home`, the namespace it was in.
 * Returns -1 with err set. */
int box_netns_create(int home, char *err, size_t n);

#define BOX_MAX_PASSED_FDS 8

/* Passes n fds over a unix socket in one message (SCM_RIGHTS) / receives
 * up to max of them. recv is async-signal-safe. Return 0 / how many were
 * received, or -1 with errno set. */
int box_fds_send(int sock, const int *fds, int n);
int box_fds_recv(int sock, int *fds, int max);

#endif
