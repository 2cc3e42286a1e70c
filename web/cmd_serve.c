/* cmd_serve.c - `verdict serve`: the web server and the judge, as separate processes.
 *
 * Theory of operation: the command starts as a small supervisor. It opens
 * the database once (creating or upgrading it), binds the listening socket,
 * and starts two children: the judge (`verdict judge`, which must be root to
 * set up sandboxes) and the web server, which drops to an unprivileged
 * account before it reads a single byte of HTTP. The supervisor itself
 * parses nothing from the network; it restarts a judge that dies (its
 * submissions are judged again once their leases expire) or a web server
 * that dies (sessions are in the database: nobody is logged out), and stops
 * both on SIGINT or SIGTERM. The web server and the judge meet only in the
 * database: a web upload becomes an import job that the judge carries out.
 */
#include "language_table.h"
#include "assets.h"
#include "cli.h"
#include "cli_config.h"
#include "commands.h"
#include "db.h"
#include "import_job.h"
#include "job_lease.h"
#include "log.h"
#include "proxy.h"
#include "server.h"
#include "session.h"
#include "state.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <limits.h>
#include <netdb.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NS_PER_SEC 1000000000LL
#define WEB_UID 61001 /* when there is no "verdict" account: an id of its own (the boxes run as 61000) */

static const char serve_usage[] =
	"usage: verdict serve [--listen ADDR:PORT] [--workers N] [--threads N] [--state DIR]\n"
	"                     [--user NAME] [--max-upload-mb N] [--tls-cert PEM --tls-key PEM] [--secure-cookies]\n"
	"                     [--trusted-proxy ADDR[,ADDR...]] [--no-judge] [--config FILE]\n"
	"\n"
	"Serves the web pages on ADDR:PORT (default 127.0.0.1:8080) with N HTTP\n"
	"threads (default: one per core) and runs the judge beside it with N\n"
	"workers (default: one per core). Started as root, the web server runs as\n"
	"the account --user (default: \"verdict\" if it exists, else uid 61001).\n"
	"DIR (default $VERDICT_STATE) holds the database (DIR/db, the web account's),\n"
	"the uploads (DIR/spool, the web account's) and root's data (DIR/data);\n"
	"it is created, or checked and put right, at start. --no-judge leaves\n"
	"judging to `verdict judge` processes started elsewhere. --secure-cookies\n"
	"marks the session cookie Secure when a proxy in front terminates TLS (it\n"
	"is, anyway, with --tls-cert). --trusted-proxy (repeatable) names a reverse\n"
	"proxy whose X-Forwarded-For header tells the client's address. --config\n"
	"FILE reads these options from FILE, one \"NAME = VALUE\" a line (NAME an\n"
	"option without its dashes; yes or no for those without a value), before\n"
	"those on the command line (the installed service: /etc/verdict/verdict.conf).\n";

struct serve_options {
	char host[256], port[16];
	int workers, threads, judge, secure_cookies;
	const struct state *st;
	const char *user, *cert_path, *key_path;
	long max_upload_mb;
	struct http_config proxies; /* only its proxies are filled */
	uid_t uid;
	gid_t gid;
};

static int parse_listen(const char *s, struct serve_options *o)
{
	const char *colon = strrchr(s, ':');
	if (!colon || colon == s || !colon[1] || strlen(colon + 1) >= sizeof o->port)
		return -1;
	size_t hl = (size_t)(colon - s);
	if (s[0] == '[' && hl >= 2 && s[hl - 1] == ']') { /* [::1]:8080 */
		s++;
		hl -= 2;
	}
	if (hl >= sizeof o->host)
		return -1;
	memcpy(o->host, s, hl);
	o->host[hl] = 0;
	strcpy(o->port, colon + 1);
	return 0;
}

static int listen_socket(const struct serve_options *o)
{
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE | AI_NUMERICSERV };
	struct addrinfo *res;
	int rc = getaddrinfo(o->host, o->port, &hints, &res);
	if (rc) {
		log_error("verdict serve: --listen %s:%s: %s", o->host, o->port, gai_strerror(rc));
		return -1;
	}
	int fd = -1;
	for (struct addrinfo *a = res; a; a = a->ai_next) {
		fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, 0);
		if (fd < 0)
			continue;
		int one = 1;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		if (bind(fd, a->ai_addr, a->ai_addrlen) == 0 && listen(fd, 1024) == 0)
			break;
		log_error("verdict serve: cannot listen on %s:%s: %s", o->host, o->port, strerror(errno));
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	return fd;
}

static int find_account(struct serve_options *o)
{
	const char *name = o->user ? o->user : "verdict";
	struct passwd *pw = getpwnam(name);
	if (pw) {
		o->uid = pw->pw_uid;
		o->gid = pw->pw_gid;
	} else if (o->user) {
		log_error("verdict serve: --user %s: no such account", o->user);
		return -1;
	} else {
		o->uid = WEB_UID;
		o->gid = WEB_UID;
	}
	if (o->uid == 0) {
		log_error("verdict serve: --user must not be root: the web server parses untrusted input");
		return -1;
	}
	return 0;
}

static int drop_privileges(const struct serve_options *o)
{
	if (setgroups(0, NULL) < 0 || setresgid(o->gid, o->gid, o->gid) < 0 || setresuid(o->uid, o->uid, o->uid) < 0 ||
	    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 || setuid(0) == 0) {
		log_error("verdict serve: cannot drop privileges: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static char *read_pem(const char *path)
{
	FILE *f = path ? fopen(path, "re") : NULL;
	if (!f)
		return NULL;
	char *buf = calloc(1, 65536);
	size_t n = buf ? fread(buf, 1, 65535, f) : 0;
	fclose(f);
	if (buf && n == 0) {
		free(buf);
		buf = NULL;
	}
	return buf;
}

static pid_t start_judge(const struct serve_options *o)
{
	pid_t pid = fork();
	if (pid == 0) {
		char workers[16];
		snprintf(workers, sizeof workers, "%d", o->workers);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		/* The judge reads the operator's language table serve was given. */
		const char *languages = language_table_file();
		execl("/proc/self/exe", "verdict", "judge", "--state", o->st->dir, "--workers", workers,
		      languages ? "--languages" : (char *)NULL, languages, (char *)NULL);
		log_error("verdict serve: cannot start the judge: %s", strerror(errno));
		_exit(127);
	}
	return pid;
}

/* $VERDICT_WEB_DEADLINES as HEADERS,BODY seconds (10,60 by default; the
 * tests shorten them). Returns 0, or -1 with a message on stderr. */
static int deadlines_from_env(struct http_config *c)
{
	const char *env = getenv("VERDICT_WEB_DEADLINES");
	unsigned headers, body;
	int used = 0;
	if (!env || !*env)
		return 0;
	if (sscanf(env, "%u,%u%n", &headers, &body, &used) != 2 || env[used] || !headers || !body) {
		log_error("verdict serve: VERDICT_WEB_DEADLINES=%s: expected HEADERS,BODY seconds, like 10,60", env);
		return -1;
	}
	c->header_sec = headers;
	c->body_sec = body;
	return 0;
}

static pid_t start_web(const struct serve_options *o, int fd)
{
	pid_t pid = fork();
	if (pid != 0)
		return pid;
	/* The child keeps SIGINT and SIGTERM blocked: server_run waits for them. */
	char *cert = NULL, *key = NULL;
	if (o->cert_path && (!(cert = read_pem(o->cert_path)) || !(key = read_pem(o->key_path)))) {
		log_error("verdict serve: cannot read --tls-cert/--tls-key");
		_exit(1);
	}
	if (getuid() == 0 && drop_privileges(o) < 0)
		_exit(1);
	char err[512];
	/* libsodium first (sodium_init, in session_init): assets_init hashes with it. */
	if (session_init(err, sizeof err) < 0 || assets_init(err, sizeof err) < 0) {
		log_error("verdict serve: %s", err);
		_exit(1);
	}
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	struct server_options so = {
		.listen_fd = fd,
		.threads = o->threads > 0 ? o->threads : cores > 0 ? (int)cores : 1,
		.conn_limit = 1000,
		.per_ip_limit = 200,
		.tls_cert = cert,
		.tls_key = key,
		.http = { .db_path = o->st->db, .data_dir = o->st->data, .spool_dir = o->st->spool, .form_limit = 1024 * 1024,
			  .upload_limit = (size_t)o->max_upload_mb << 20, .tls = cert != NULL || o->secure_cookies,
			  .header_sec = 10, .body_sec = 60, .upload_rate = 16 * 1024, .idle_sec = 30 },
	};
	memcpy(so.http.proxies, o->proxies.proxies, sizeof so.http.proxies);
	so.http.nproxies = o->proxies.nproxies;
	if (deadlines_from_env(&so.http) < 0)
		_exit(1);
	_exit(server_run(&so) < 0 ? 1 : 0);
}

static int parse_count(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*end || end == s || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* A judge that died judges nothing more: what it held goes back to the
 * queue now, not when its leases expire. */
static void release_jobs_of(const struct serve_options *o, pid_t pid)
{
	char err[512];
	struct db *db = cli_open_db("serve", o->st->db);
	int released = db ? job_lease_release_dead(db, (int)pid, err, sizeof err) : 0;
	if (released < 0)
		log_error("verdict serve: %s", err);
	else if (released > 0)
		log_warning("verdict serve: %d job%s of the dead judge queued again", released, released == 1 ? "" : "s");
	db_close(db);
}

/* Waits for SIGINT/SIGTERM (stop both) and SIGCHLD. A judge that dies is
 * started again after a second. A web server killed by a signal (a crash,
 * or an attack that found one) is started again too, after a delay that
 * doubles with each death within a minute, up to 30 s, so that a crash
 * that can be triggered at will costs the attacker time and never ends the
 * service or the judging. A web server that exits with an error could not
 * start (its reason is on stderr): that ends the service. The supervisor
 * keeps the listening socket for the restarts. */
static int supervise(const struct serve_options *o, int fd, pid_t web, pid_t judge, const sigset_t *set)
{
	int rc = 0, delay = 0;
	int64_t last_death = 0, web_due = 0, judge_due = 0; /* monotonic ns; 0: nothing to restart */
	/* Restarts are deadlines, not sleeps: a web server in its back-off
	 * must not hold up a judge's restart, nor the other way round. */
	for (;;) {
		int64_t t = monotonic_ns(), next = web_due && (!judge_due || web_due < judge_due) ? web_due : judge_due;
		int sig;
		if (next) {
			int64_t wait_ns = next > t ? next - t : 0;
			struct timespec ts = { (time_t)(wait_ns / 1000000000), (long)(wait_ns % 1000000000) };
			sig = sigtimedwait(set, NULL, &ts);
		} else {
			sig = sigwaitinfo(set, NULL);
		}
		if (sig == SIGINT || sig == SIGTERM)
			break;
		int status;
		pid_t pid;
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
			t = monotonic_ns();
			if (pid == web && !WIFSIGNALED(status)) {
				log_error("verdict serve: the web server stopped (exit status %d)",
					WIFEXITED(status) ? WEXITSTATUS(status) : -1);
				web = -1;
				rc = 1;
				goto stop;
			} else if (pid == web) {
				delay = t - last_death < 60 * NS_PER_SEC ? (delay ? delay * 2 : 1) : 1;
				if (delay > 30)
					delay = 30;
				last_death = t;
				log_warning("verdict serve: the web server died (signal %d); starting another in %d s",
					WTERMSIG(status), delay);
				web = -1;
				web_due = t + delay * NS_PER_SEC;
			} else if (pid == judge) {
				log_warning("verdict serve: the judge stopped (status %d); starting another", status);
				release_jobs_of(o, pid);
				judge = -1;
				judge_due = t + NS_PER_SEC;
			}
		}
		t = monotonic_ns();
		if (web_due && t >= web_due) {
			web_due = 0;
			web = start_web(o, fd);
		}
		if (judge_due && t >= judge_due) {
			judge_due = 0;
			judge = start_judge(o);
		}
	}
stop:
	if (web > 0)
		kill(web, SIGTERM);
	if (judge > 0)
		kill(judge, SIGTERM);
	while (wait(NULL) > 0 || errno == EINTR)
		;
	return rc;
}

int cmd_serve(int argc, char **argv)
{
	static const struct option options[] = {
		{ "listen", required_argument, NULL, 'l' },   { "workers", required_argument, NULL, 'w' },
		{ "threads", required_argument, NULL, 't' },  { "state", required_argument, NULL, 'S' },
		{ "db", required_argument, NULL, 'd' },
		{ "user", required_argument, NULL, 'u' },     { "max-upload-mb", required_argument, NULL, 'm' },
		{ "tls-cert", required_argument, NULL, 'c' }, { "tls-key", required_argument, NULL, 'k' },
		{ "no-judge", no_argument, NULL, 'n' },       { "help", no_argument, NULL, 'h' },
		{ "secure-cookies", no_argument, NULL, 's' }, { "trusted-proxy", required_argument, NULL, 'p' },
		{ "config", required_argument, NULL, 'C' },   { NULL, 0, NULL, 0 }
	};
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	struct serve_options o = { .host = "127.0.0.1", .port = "8080", .workers = cores > 0 ? (int)cores : 1,
				   .judge = 1, .max_upload_mb = 64 };
	const char *state_opt = NULL, *db_opt = NULL;
	int opt;
	long v = 0;
	char err[1024];
	if (cli_config_expand(&argc, &argv, options, err, sizeof err) < 0) {
		log_error("verdict serve: %s", err);
		return 2;
	}
	optind = 1;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		int bad = 0;
		switch (opt) {
		case 'l': bad = parse_listen(optarg, &o); break;
		case 'w': bad = parse_count(optarg, 1, 256, &v); o.workers = (int)v; break;
		case 't': bad = parse_count(optarg, 1, 256, &v); o.threads = (int)v; break;
		case 'S': state_opt = optarg; break;
		case 'd': db_opt = optarg; break; /* refused by state_prepare, with the reason */
		case 'u': o.user = optarg; break;
		case 'm': bad = parse_count(optarg, 1, 4096, &o.max_upload_mb); break;
		case 'c': o.cert_path = optarg; break;
		case 'k': o.key_path = optarg; break;
		case 'n': o.judge = 0; break;
		case 's': o.secure_cookies = 1; break;
		case 'p': bad = proxy_add(&o.proxies, optarg); break;
		case 'h': fputs(serve_usage, stdout); return 0;
		default: fputs(serve_usage, stderr); return 2;
		}
		if (bad) {
			fprintf(stderr, "verdict serve: bad value: %s\n%s", optarg, serve_usage);
			return 2;
		}
	}
	if (optind != argc || !o.cert_path != !o.key_path) {
		fputs(serve_usage, stderr);
		return 2;
	}
	o.st = cli_state(state_opt, db_opt);
	int root = getuid() == 0;
	if (root && find_account(&o) < 0)
		return 1;
	/* The layout is made and checked before anything is opened in it. */
	if (state_prepare(o.st, root ? o.uid : getuid(), root ? o.gid : getgid(), err, sizeof err) < 0) {
		log_error("verdict serve: %s", err);
		return 1;
	}
	/* The database is created or upgraded here, once, before anyone uses it. */
	struct db *db = cli_open_db("serve", o.st->db);
	if (!db)
		return 1;
	/* Uploads a web server was writing when it died (an hour old: a live
	 * one sharing this directory may be writing newer ones). */
	int swept = import_job_sweep_spool(db, o.st->spool, 3600, err, sizeof err);
	if (swept < 0)
		log_error("verdict serve: %s", err);
	else if (swept > 0)
		log_info("verdict serve: removed %d abandoned upload%s from the spool", swept, swept == 1 ? "" : "s");
	db_close(db);
	int fd = listen_socket(&o);
	if (fd < 0)
		return 1;

	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	pid_t web = start_web(&o, fd);
	pid_t judge = o.judge ? start_judge(&o) : -1;
	if (web < 0 || (o.judge && judge < 0)) {
		log_error("verdict serve: cannot start: %s", strerror(errno));
		if (web > 0)
			kill(web, SIGTERM);
		if (judge > 0)
			kill(judge, SIGTERM);
		return 1;
	}
	printf("Verdict is serving http://%s%s%s:%s/ (web as uid %d, judge %s)\n", strchr(o.host, ':') ? "[" : "",
	       o.host, strchr(o.host, ':') ? "]" : "", o.port, root ? (int)o.uid : (int)getuid(),
	       o.judge ? "running" : "not started (--no-judge)");
	fflush(stdout);
	return supervise(&o, fd, web, judge, &set);
}
