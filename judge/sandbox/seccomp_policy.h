/* seccomp_policy.h - the system call filter every boxed program runs under. */
#ifndef VERDICT_SECCOMP_POLICY_H
#define VERDICT_SECCOMP_POLICY_H

#include <stddef.h>

/* Builds the filter with libseccomp and keeps it as a BPF program, so a
 * run only loads it. Call once, before any run. Returns 0 or -1 with err. */
int seccomp_policy_init(char *err, size_t n);

/* Loads the filter into the calling process. Needs no_new_privs (or
 * CAP_SYS_ADMIN). Async-signal-safe: called between fork and exec.
 * Returns 0 or -1 with errno set. */
int seccomp_policy_load(void);

#endif
