/* server.h - the HTTP server: libmicrohttpd, its limits, and the request life cycle. */
#ifndef VERDICT_SERVER_H
#define VERDICT_SERVER_H

#include "http.h"

struct server_options {
	int listen_fd;          /* bound and listening (the supervisor bound it) */
	int threads;            /* MHD's thread pool */
	unsigned conn_limit;    /* connections at once */
	unsigned per_ip_limit;  /* connections at once from one address */
	const char *tls_cert, *tls_key; /* PEM text, or NULL for plain HTTP */
	struct http_config http;
};

/* Runs the server until SIGTERM or SIGINT; session_init() must have run. Returns 0, or -1 with a message
 * on stderr if it cannot start. */
int server_run(const struct server_options *o);

#endif
