/* web_post.c - how long a form POST takes, one after another on one connection (for tests/bench/web_bench.sh).
 *
 *   web_post --port PORT --path /problems/x/submit --cookie 'verdict_session=...' -n 500 \
 *            [--expect 303] [--form KEY=VALUE]... [--form-file KEY=FILE]...
 *
 * Sends the same urlencoded form n times over a keep-alive connection to
 * 127.0.0.1 (reconnecting if the server closes it), times each request from
 * the first byte written to the last byte of the answer read, and prints
 * one line: "n N median MS p99 MS max MS". Exits 1 if any answer's status
 * was not --expect (default 303, "stored, see the submission"), naming the
 * first such answer on stderr. Plain sockets and a blocking read: nothing
 * but the server is measured.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what)
{
	fprintf(stderr, "web_post: %s%s%s\n", what, errno ? ": " : "", errno ? strerror(errno) : "");
	exit(2);
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

struct buf {
	char *p;
	size_t len, cap;
};

static void put(struct buf *b, const void *data, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		if (!(b->p = realloc(b->p, b->cap)))
			die("out of memory");
	}
	memcpy(b->p + b->len, data, n);
	b->len += n;
	b->p[b->len] = 0;
}

static void put_encoded(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[4];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-_.~", c)) {
			put(b, &s[i], 1);
		} else {
			snprintf(esc, sizeof esc, "%%%02X", c);
			put(b, esc, 3);
		}
	}
}

static void add_field(struct buf *body, const char *arg, int from_file)
{
	const char *eq = strchr(arg, '=');
	if (!eq)
		die("--form and --form-file take KEY=VALUE");
	if (body->len)
		put(body, "&", 1);
	put_encoded(body, arg, (size_t)(eq - arg));
	put(body, "=", 1);
	if (!from_file) {
		put_encoded(body, eq + 1, strlen(eq + 1));
		return;
	}
	FILE *f = fopen(eq + 1, "r");
	if (!f)
		die(eq + 1);
	struct buf content = { 0 };
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		put(&content, chunk, got);
	fclose(f);
	put_encoded(body, content.p ? content.p : "", content.len);
	free(content.p);
}

static int connect_to(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) < 0)
		die("connect");
	int one = 1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	return fd;
}

/* Reads one answer; its status, or -1 if the connection closed first. Sets *close_after. */
static int read_answer(int fd, struct buf *in, int *close_after, char *first_line, size_t fl)
{
	in->len = 0;
	char *end = NULL;
	for (;;) {
		if (in->p && (end = strstr(in->p, "\r\n\r\n")))
			break;
		char chunk[16384];
		ssize_t got = read(fd, chunk, sizeof chunk);
		if (got <= 0)
			return -1;
		put(in, chunk, (size_t)got);
	}
	size_t head = (size_t)(end - in->p) + 4;
	long length = 0;
	*close_after = 0;
	for (char *line = strstr(in->p, "\r\n"); line && line < end; line = strstr(line + 2, "\r\n")) {
		if (strncasecmp(line + 2, "Content-Length:", 15) == 0)
			length = strtol(line + 17, NULL, 10);
		else if (strncasecmp(line + 2, "Connection: close", 17) == 0)
			*close_after = 1;
	}
	if (strstr(in->p, "Transfer-Encoding: chunked"))
		die("a chunked answer (not expected from this server)");
	while (in->len < head + (size_t)length) {
		char chunk[16384];
		ssize_t got = read(fd, chunk, sizeof chunk);
		if (got <= 0)
			return -1;
		put(in, chunk, (size_t)got);
	}
	size_t eol = strcspn(in->p, "\r\n");
	snprintf(first_line, fl, "%.*s", (int)eol, in->p);
	return in->len > 12 ? atoi(in->p + 9) : -1;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	int port = 0, n = 500, expect = 303;
	const char *path = NULL, *cookie = NULL;
	struct buf body = { 0 };
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!v)
			die("usage: web_post --port P --path PATH --cookie C -n N [--expect S] [--form K=V] [--form-file K=FILE]");
		if (!strcmp(a, "--port"))
			port = atoi(v);
		else if (!strcmp(a, "--path"))
			path = v;
		else if (!strcmp(a, "--cookie"))
			cookie = v;
		else if (!strcmp(a, "-n"))
			n = atoi(v);
		else if (!strcmp(a, "--expect"))
			expect = atoi(v);
		else if (!strcmp(a, "--form"))
			add_field(&body, v, 0);
		else if (!strcmp(a, "--form-file"))
			add_field(&body, v, 1);
		else
			die("unknown option");
		i++;
	}
	if (!port || !path || n < 1)
		die("--port, --path and -n are needed");
	struct buf req = { 0 };
	char head[2048];
	snprintf(head, sizeof head,
		 "POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n%s%s%sContent-Type: application/x-www-form-urlencoded\r\n"
		 "Content-Length: %zu\r\n\r\n",
		 path, port, cookie ? "Cookie: " : "", cookie ? cookie : "", cookie ? "\r\n" : "", body.len);
	put(&req, head, strlen(head));
	put(&req, body.p ? body.p : "", body.len);

	double *t = malloc((size_t)n * sizeof *t);
	struct buf in = { 0 };
	int fd = connect_to(port), bad = 0;
	for (int i = 0; i < n; i++) {
		char line[256] = "";
		int close_after = 0, status;
		double t0 = now_ms();
		for (int attempt = 0;; attempt++) {
			size_t off = 0;
			while (off < req.len) {
				ssize_t w = write(fd, req.p + off, req.len - off);
				if (w <= 0)
					break;
				off += (size_t)w;
			}
			status = off == req.len ? read_answer(fd, &in, &close_after, line, sizeof line) : -1;
			if (status >= 0 || attempt > 0)
				break;
			/* The server closed the kept-alive connection: once more on a new one. */
			close(fd);
			fd = connect_to(port);
			t0 = now_ms();
		}
		t[i] = now_ms() - t0;
		if (status != expect && !bad++)
			fprintf(stderr, "web_post: POST %s answered \"%s\", not %d\n", path, status < 0 ? "(nothing)" : line,
				expect);
		if (close_after || status < 0) {
			close(fd);
			fd = connect_to(port);
		}
	}
	close(fd);
	qsort(t, (size_t)n, sizeof *t, by_value);
	printf("n %d median %.3f p99 %.3f max %.3f\n", n, t[n / 2], t[(n * 99 + 99) / 100 - 1], t[n - 1]);
	return bad ? 1 : 0;
}
