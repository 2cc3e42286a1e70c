/* sandbox_pair.c - two boxes at once, each one's stdout the other's stdin.
 *
 * Each box is an ordinary sandbox_run() on a thread of its own, so each
 * keeps every property of a single box. This thread only owns the pipes,
 * and when it closes its copies of their ends decides what the two
 * programs can observe (the rules of problemtools' interactive runner,
 * which Kattis judges with):
 *
 *   the peer's output (to_prog)   write end: held until the peer's box is
 *                                 gone, so the program sees EOF only after
 *                                 the peer's end is on record. Read end:
 *                                 held, and drained once the program is
 *                                 gone, so the peer neither gets SIGPIPE
 *                                 for writing to a program that ended
 *                                 early nor blocks on a full pipe.
 *   the program's output (to_peer) write end: held until the program's box
 *                                 is gone, likewise. Read end: closed when
 *                                 the peer ends with anything but
 *                                 peer_ok_exits (a program still writing
 *                                 then gets SIGPIPE and ends); kept when
 *                                 it accepted, so that such a program is
 *                                 not made to crash by the acceptance.
 *
 * A box's init drops its copies of every descriptor once its program has
 * started (sandbox_box.c), so the programs and this thread are the only
 * holders, and neither side can block the other forever: each box has its
 * own wall clock, and its end closes its side of both pipes.
 */
#include "sandbox_pair.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

struct side {
	struct sandbox_config cfg;
	struct sandbox_result *res;
	int rc;
	int notify; /* write end of the coordinator's pipe: one byte, tag, when done */
	char tag;
};

static void *side_main(void *arg)
{
	struct side *s = arg;
	s->rc = sandbox_run(&s->cfg, s->res);
	while (write(s->notify, &s->tag, 1) < 0 && errno == EINTR)
		;
	return NULL;
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* A pipe whose ends are numbered above 2, so the box's dup2 onto 0..2
 * cannot clobber one of them (a daemon may run with 0..2 closed). */
static int make_pipe(int fds[2])
{
	if (pipe2(fds, O_CLOEXEC) < 0)
		return -1;
	for (int i = 0; i < 2; i++)
		if (fds[i] < 3) {
			int high = fcntl(fds[i], F_DUPFD_CLOEXEC, 3);
			close(fds[i]);
			fds[i] = high;
			if (high < 0)
				return -1;
		}
	return 0;
}

static int both_se(struct sandbox_pair_result *res, const char *why)
{
	struct sandbox_result *r[2] = { &res->program, &res->peer };
	for (int i = 0; i < 2; i++) {
		memset(r[i], 0, sizeof *r[i]);
		r[i]->status = SANDBOX_SE;
		snprintf(r[i]->message, sizeof r[i]->message, "%s", why);
	}
	return -1;
}

int sandbox_run_pair(const struct sandbox_pair *pair, struct sandbox_pair_result *res)
{
	memset(res, 0, sizeof *res);
	char err[256];
	if (sandbox_init(err, sizeof err) < 0) /* before any thread: it is not thread-safe */
		return both_se(res, err);
	int to_prog[2] = { -1, -1 }, to_peer[2] = { -1, -1 }, note[2] = { -1, -1 };
	if (make_pipe(to_prog) < 0 || make_pipe(to_peer) < 0 || make_pipe(note) < 0) {
		snprintf(err, sizeof err, "cannot create the pipes between the boxes: %s", strerror(errno));
		int *all[] = { &to_prog[0], &to_prog[1], &to_peer[0], &to_peer[1], &note[0], &note[1] };
		for (size_t i = 0; i < sizeof all / sizeof *all; i++)
			close_fd(all[i]);
		return both_se(res, err);
	}
	struct side prog = { *pair->program, &res->program, 0, note[1], 'p' };
	struct side peer = { *pair->peer, &res->peer, 0, note[1], 'v' };
	prog.cfg.stdin_path = prog.cfg.stdout_path = NULL;
	prog.cfg.stdin_fd = to_prog[0];
	prog.cfg.stdout_fd = to_peer[1];
	peer.cfg.stdin_path = peer.cfg.stdout_path = NULL;
	peer.cfg.stdin_fd = to_peer[0];
	peer.cfg.stdout_fd = to_prog[1];

	pthread_t tp, tv;
	int started = 0, rc = 0;
	if (pthread_create(&tp, NULL, side_main, &prog) == 0)
		started |= 1;
	if (started && pthread_create(&tv, NULL, side_main, &peer) == 0)
		started |= 2;
	if (started != 3) {
		/* The program alone, if started, ends at EOF or its own limits. */
		close_fd(&to_prog[1]);
		close_fd(&to_peer[0]);
		rc = both_se(res, "cannot start a thread for the interactive pair");
	}
	int prog_done = !(started & 1), peer_done = !(started & 2);
	int peer_noted_first = 0;
	while (!prog_done || !peer_done) {
		struct pollfd pf[2] = { { note[0], POLLIN, 0 }, { prog_done ? to_prog[0] : -1, POLLIN, 0 } };
		if (poll(pf, 2, -1) < 0)
			continue; /* EINTR; nothing else can fail on two valid pipes */
		if (pf[1].revents) {
			char discard[4096];
			if (read(to_prog[0], discard, sizeof discard) == 0)
				close_fd(&to_prog[0]); /* the peer is gone too */
		}
		char tag;
		if (!(pf[0].revents & POLLIN) || read(note[0], &tag, 1) != 1)
			continue;
		if (tag == 'p') {
			prog_done = 1;
			/* Not draining to_prog yet: what is in it, the program never read. */
			int unread = 0, unheard = 0;
			if (!peer_done && to_peer[0] >= 0 && ioctl(to_peer[0], FIONREAD, &unread) == 0 &&
			    ioctl(to_prog[0], FIONREAD, &unheard) == 0)
				res->program_unread = unread > 0 && unheard == 0;
			close_fd(&to_peer[1]);
		} else {
			peer_done = 1;
			peer_noted_first = !prog_done;
			close_fd(&to_prog[1]);
			const struct sandbox_result *ended = &res->peer;
			if (!((ended->status == SANDBOX_OK || ended->status == SANDBOX_RE) && ended->signal == 0 &&
			      ended->exit_code >= 0 && ended->exit_code < 64 && (pair->peer_ok_exits >> ended->exit_code & 1)))
				close_fd(&to_peer[0]);
		}
	}
	if (started & 1)
		pthread_join(tp, NULL);
	if (started & 2)
		pthread_join(tv, NULL);
	int *all[] = { &to_prog[0], &to_prog[1], &to_peer[0], &to_peer[1], &note[0], &note[1] };
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		close_fd(all[i]);
	if (rc < 0)
		return -1;
	/* The boxes' own clocks order the ends (a thread may report late). */
	if (res->program.end_ns && res->peer.end_ns)
		res->peer_first = res->peer.end_ns < res->program.end_ns;
	else
		res->peer_first = peer_noted_first;
	return prog.rc == 0 && peer.rc == 0 ? 0 : -1;
}
