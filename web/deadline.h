/* deadline.h - a time by which a connection must have sent its request, whatever its pace. */
#ifndef VERDICT_DEADLINE_H
#define VERDICT_DEADLINE_H

#include "mhd.h"

/* Starts the thread that closes late connections; connection_limit is
 * the server's (crowded: 90 % of it). Call once, before the HTTP threads
 * start. Returns 0, or -1 (errno set). */
int deadline_start(unsigned connection_limit);

/* MHD_OPTION_NOTIFY_CONNECTION: a connection opens (its headers are due
 * within `header_sec`, the cls given to MHD) or closes. */
void deadline_notify(void *cls, struct MHD_Connection *c, void **socket_context,
		     enum MHD_ConnectionNotificationCode toe);

/* The connection's request must be complete within `sec` from now
 * (0: no deadline, while it is being answered). */
void deadline_set(struct MHD_Connection *c, unsigned sec);
/* An answer is sent: the next request's headers are due within `sec`
 * (sooner when the server is crowded). */
void deadline_next_request(struct MHD_Connection *c, unsigned sec);

#endif
