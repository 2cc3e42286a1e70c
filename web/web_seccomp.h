/* web_seccomp.h - the system call filter of the web server process. */
#ifndef VERDICT_WEB_SECCOMP_H
#define VERDICT_WEB_SECCOMP_H

#include <stddef.h>

/* Loads into the calling process (and the threads it starts afterwards) a
 * filter that refuses, with EPERM, what a web server never does: running
 * programs or processes, making sockets other than local ones, namespaces, tracing,
 * mounting, changing ids, kernel keyrings, modules, BPF, io_uring. It is a
 * second line behind running unprivileged: code injected through a parsing
 * bug could not start a shell or dial out. Needs no_new_privs. Returns 0 or
 * -1 with err. */
int web_seccomp_load(char *err, size_t n);

#endif
