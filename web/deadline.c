/* deadline.c - a time by which a connection must have sent its request, whatever its pace.
 *
 * libmicrohttpd's timeout is an idle timeout: a client that sends one
 * header byte every few seconds is never closed, and a thousand such
 * clients took every connection. So each connection is on a list with a
 * deadline: its headers within a few seconds of opening, its body within a
 * time that depends on its size (server.c sets it when the headers are
 * in). Once a second a thread shuts down the sockets of connections past
 * their deadline; libmicrohttpd then sees the connection end and closes
 * it. When the server is crowded (90 % of its connections open), waiting
 * 10 s is too generous: the thousandth trickler would still keep everyone
 * else out, so then a connection that has waited 2 s for its headers is
 * closed too (a browser's idle keep-alive connection among them: it opens
 * another). The list's lock is held from the shutdown until the entry is freed,
 * and libmicrohttpd reports a closed connection (which unlinks it) before
 * it closes the socket, so the thread never shuts down a reused fd.
 */
#include "deadline.h"

#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define CROWDED_HEADER_SEC 2

struct watch {
	int fd;
	long long deadline;      /* CLOCK_MONOTONIC seconds; 0: none */
	long long waiting_since; /* for a request's headers since; 0: a request is under way */
	struct watch *prev, *next;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct watch *watched; /* every open connection */
static unsigned nwatched, crowded_at;

static long long now_sec(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

static void *reap(void *unused)
{
	(void)unused;
	for (;;) {
		sleep(1);
		long long now = now_sec();
		pthread_mutex_lock(&lock);
		int crowded = nwatched >= crowded_at;
		for (struct watch *w = watched; w; w = w->next)
			if ((w->deadline && w->deadline <= now) ||
			    (crowded && w->waiting_since && now - w->waiting_since >= CROWDED_HEADER_SEC)) {
				shutdown(w->fd, SHUT_RDWR);
				w->deadline = w->waiting_since = 0;
			}
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

int deadline_start(unsigned connection_limit)
{
	crowded_at = connection_limit - connection_limit / 10;
	pthread_t t;
	if (pthread_create(&t, NULL, reap, NULL) != 0)
		return -1;
	pthread_detach(t);
	return 0;
}

static void watch_open(struct MHD_Connection *c, void **socket_context, unsigned header_sec)
{
	const union MHD_ConnectionInfo *ci = mhd.MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
	struct watch *w = calloc(1, sizeof *w);
	if (!w || !ci) { /* out of memory: the idle timeout still applies */
		free(w);
		return;
	}
	w->fd = ci->connect_fd;
	w->waiting_since = now_sec();
	w->deadline = w->waiting_since + header_sec;
	pthread_mutex_lock(&lock);
	nwatched++;
	w->next = watched;
	if (watched)
		watched->prev = w;
	watched = w;
	pthread_mutex_unlock(&lock);
	*socket_context = w;
}

static void watch_close(struct watch *w)
{
	pthread_mutex_lock(&lock);
	if (w->prev)
		w->prev->next = w->next;
	else
		watched = w->next;
	if (w->next)
		w->next->prev = w->prev;
	nwatched--;
	pthread_mutex_unlock(&lock);
	free(w);
}

void deadline_notify(void *cls, struct MHD_Connection *c, void **socket_context,
		     enum MHD_ConnectionNotificationCode toe)
{
	if (toe == MHD_CONNECTION_NOTIFY_STARTED)
		watch_open(c, socket_context, *(const unsigned *)cls);
	else if (*socket_context)
		watch_close(*socket_context);
}

static void set(struct MHD_Connection *c, unsigned sec, int awaiting_headers)
{
	const union MHD_ConnectionInfo *ci = mhd.MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	struct watch *w = ci ? ci->socket_context : NULL;
	if (!w)
		return;
	long long now = now_sec();
	pthread_mutex_lock(&lock);
	w->deadline = sec ? now + sec : 0;
	w->waiting_since = awaiting_headers ? now : 0;
	pthread_mutex_unlock(&lock);
}

void deadline_set(struct MHD_Connection *c, unsigned sec)
{
	set(c, sec, 0);
}

void deadline_next_request(struct MHD_Connection *c, unsigned sec)
{
	set(c, sec, 1);
}
