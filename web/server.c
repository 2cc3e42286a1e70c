/* server.c - the HTTP server: libmicrohttpd with its limits, and a request's life.
 *
 * Theory of operation: MHD runs a pool of threads, each with its own epoll
 * loop, and calls on_request() for each request several times: once when
 * the headers are in, once per piece of body, and once more when the body
 * is complete. At the first call we learn who is asking (the session
 * cookie), find the route and check who may use it, so that a request that
 * will be refused is refused before its body is read; a body larger than
 * the route allows is refused by its Content-Length at that point, or, if
 * it is sent in chunks, as soon as it passes the limit. Form bodies go
 * through MHD's post processor (urlencoded and multipart); a package upload
 * is streamed to a file in the spool directory, everything else is kept in
 * memory. When the body is complete the CSRF token is checked and the
 * handler runs. Each thread has its own database handle.
 *
 * Before all that, on_url sees the raw URL (before MHD decodes the path
 * and splits the query) and refuses control bytes and too many
 * parameters. A handler may defer slow work (a password check) to the
 * password pool: the connection is suspended and resumed when it is done.
 * deadline.c closes connections that take too long over their request.
 */
#include "log.h"
#include "server.h"
#include "deadline.h"
#include "hash_pool.h"
#include "mhd.h"
#include "proxy.h"
#include "routes.h"
#include "template.h"
#include "web_seccomp.h"

#include "db.h"

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define SESSION_COOKIE "verdict_session"
#define FIELD_MEMORY_MAX (1024 * 1024) /* a form field kept in memory */
#define PUBLIC_BODY_MAX 4096           /* a form for pages without a login: the login form */
#define HASH_WAIT_MS 3000              /* a login waits this long for the password pool, then 503 */

static __thread struct db *thread_db;

static struct db *db_for_thread(const struct http_config *cfg)
{
	if (!thread_db) {
		char err[512];
		if (db_open(cfg->db_path, &thread_db, err, sizeof err) < 0) {
			log_error("verdict serve: %s", err);
			thread_db = NULL;
		}
	}
	return thread_db;
}

/* ---- the body ---- */

static struct http_field *field_for(struct request *r, const char *key, const char *file_name, uint64_t off)
{
	struct http_field *last = r->nfields ? &r->fields[r->nfields - 1] : NULL;
	/* The rest of the last value: MHD hands a value over in pieces, off the
	 * bytes before this one, and may start a part with an empty piece. */
	if (last && off == last->len && strcmp(last->name, key) == 0 && !last->is_file == !file_name)
		return last;
	if (r->nfields >= HTTP_MAX_FIELDS || strlen(key) >= sizeof last->name)
		return NULL;
	struct http_field *f = &r->fields[r->nfields++];
	memset(f, 0, sizeof *f);
	f->spool_fd = -1;
	strcpy(f->name, key);
	if (file_name) {
		f->is_file = 1;
		snprintf(f->file_name, sizeof f->file_name, "%s", file_name);
	}
	return f;
}

static int spool_write(struct request *r, struct http_field *f, const char *data, size_t size)
{
	if (f->spool_fd < 0) {
		if ((size_t)snprintf(f->spool_path, sizeof f->spool_path, "%s/upload-XXXXXX", r->cfg->spool_dir) >=
		    sizeof f->spool_path)
			return -1;
		f->spool_fd = mkstemp(f->spool_path);
		if (f->spool_fd < 0) {
			f->spool_path[0] = 0;
			return -1;
		}
	}
	f->len += size;
	while (size) {
		ssize_t w = write(f->spool_fd, data, size);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		data += w;
		size -= (size_t)w;
	}
	return 0;
}

static enum MHD_Result on_field(void *cls, enum MHD_ValueKind kind, const char *key, const char *file_name,
				const char *content_type, const char *transfer_encoding, const char *data, uint64_t off,
				size_t size)
{
	(void)kind, (void)content_type, (void)transfer_encoding;
	struct request *r = cls;
	if (!key) /* a multipart part without a name (MHD passes NULL): no field of ours */
		return MHD_YES;
	struct http_field *f = field_for(r, key, file_name, off);
	if (!f) {
		r->body_status = 400;
		r->body_error = "The form has too many fields.";
		return MHD_NO;
	}
	if (f->is_file && (r->route->flags & ROUTE_UPLOAD)) {
		if (size && spool_write(r, f, data, size) < 0) {
			r->body_status = 503;
			r->body_error = "The upload could not be stored on the server (is the disk full?).";
			return MHD_NO;
		}
		return MHD_YES;
	}
	if (f->len + size > FIELD_MEMORY_MAX) {
		r->body_status = 413;
		r->body_error = "A form field is larger than 1 MiB.";
		return MHD_NO;
	}
	if (f->len + size + 1 > f->cap) {
		size_t cap = (f->len + size + 1) * 2;
		char *v = realloc(f->value, cap);
		if (!v) {
			r->body_status = 503;
			r->body_error = "The server is out of memory.";
			return MHD_NO;
		}
		f->value = v;
		f->cap = cap;
	}
	memcpy(f->value + f->len, data, size);
	f->len += size;
	f->value[f->len] = 0;
	return MHD_YES;
}

static void request_free(struct request *r)
{
	if (r->pp)
		mhd.MHD_destroy_post_processor(r->pp);
	for (int i = 0; i < r->nfields; i++) {
		free(r->fields[i].value);
		if (r->fields[i].spool_fd >= 0)
			close(r->fields[i].spool_fd);
		if (r->fields[i].spool_path[0]) /* not taken over by the handler */
			unlink(r->fields[i].spool_path);
	}
	if (r->defer_data_free)
		r->defer_data_free(r->defer_data);
	free(r->body);
	free(r);
}

/* ---- the answer ---- */

static enum MHD_Result send_answer(struct request *r)
{
	struct MHD_Response *resp =
		mhd.MHD_create_response_from_buffer(r->len, r->body ? r->body : (void *)"", r->body ? MHD_RESPMEM_MUST_FREE
												     : MHD_RESPMEM_PERSISTENT);
	if (!resp)
		return MHD_NO;
	r->body = NULL; /* the response owns it now */
	r->sent = 1;
	int cache_set = 0;
	for (int i = 0; i < r->nheaders; i++) {
		mhd.MHD_add_response_header(resp, r->headers[i][0], r->headers[i][1]);
		cache_set |= strcasecmp(r->headers[i][0], "Cache-Control") == 0;
	}
	mhd.MHD_add_response_header(resp, "Content-Type", r->content_type ? r->content_type : "text/plain; charset=utf-8");
	if (!cache_set)
		mhd.MHD_add_response_header(resp, "Cache-Control", "no-store");
	/* Scripts only from this site, and no framing: even if something slipped
	 * past escaping, it could not run. Statements may carry inline styles. */
	mhd.MHD_add_response_header(resp, "Content-Security-Policy",
				    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
				    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
				    "frame-ancestors 'none'");
	mhd.MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	mhd.MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	mhd.MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	enum MHD_Result rc = mhd.MHD_queue_response(r->conn, (unsigned)r->status, resp);
	mhd.MHD_destroy_response(resp);
	return rc;
}

/* ---- work on the password pool (http_defer) ---- */

static void deferred_work(void *arg)
{
	struct request *r = arg;
	r->defer_work(r);
}

static void deferred_done(void *arg, int ran)
{
	struct request *r = arg;
	r->defer_ran = ran;
	mhd.MHD_resume_connection(r->conn); /* MHD calls on_request again: finish() */
}

/* Suspends the connection (its thread goes on serving others) until the
 * pool has done the request's work. Suspended first: the pool may finish
 * before hash_pool_submit returns. */
static enum MHD_Result defer(struct request *r)
{
	struct hash_job job = { deferred_work, deferred_done, r, 0 };
	mhd.MHD_suspend_connection(r->conn);
	if (hash_pool_submit(&job) < 0)
		deferred_done(r, 0); /* the queue is full: "busy" at once */
	return MHD_YES;
}

/* Runs the handler, unless the request was already answered, or what it
 * deferred, once done. */
static enum MHD_Result finish(struct request *r)
{
	if (r->deferred) {
		r->deferred = 0;
		r->defer_then(r);
	} else if (!r->answered) {
		if (!r->db)
			http_error(r, 503, "The database cannot be opened; the operator has the details in the log.");
		else
			r->route->handler(r);
		if (r->deferred && !r->answered)
			return defer(r);
	}
	if (!r->answered)
		http_error(r, 500, "The page did not answer.");
	deadline_set(r->conn, 0); /* sending is held to the idle timeout only */
	return send_answer(r);
}

/* ---- the first call: who asks for what ---- */

static unsigned hex(char c)
{
	return isdigit((unsigned char)c) ? (unsigned)(c - '0') : (unsigned)(tolower((unsigned char)c) - 'a' + 10);
}

/* Does s[0..n) hold a control byte, raw or percent-encoded? */
static int has_control(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i];
		if (c == '%' && i + 2 < n && isxdigit((unsigned char)s[i + 1]) && isxdigit((unsigned char)s[i + 2]))
			c = hex(s[i + 1]) * 16 + hex(s[i + 2]);
		if (c < 0x20 || c == 0x7f)
			return 1;
	}
	return 0;
}

/* MHD_OPTION_URI_LOG_CALLBACK: the raw URL, before libmicrohttpd decodes
 * its path (where a %00 would silently cut it) and splits its query. The
 * request starts here; what is wrong with the URL is answered once the
 * headers are in. */
static void *on_url(void *cls, const char *url, struct MHD_Connection *c)
{
	(void)cls, (void)c;
	struct request *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	const char *query = strchr(url, '?');
	size_t args = 0;
	for (const char *p = query; p; p = strchr(p + 1, '&'))
		args++;
	if (has_control(url, query ? (size_t)(query - url) : strlen(url))) {
		r->url_status = 400;
		r->url_error = "The address holds a control character (such as %00): there is no such page.";
	} else if (args > HTTP_MAX_QUERY_ARGS) {
		r->url_status = 414;
		r->url_error = "The address has too many query parameters (at most 64).";
		/* libmicrohttpd would keep each argument in the connection's
		 * memory and, out of it, close the connection with no answer.
		 * It splits the query, in its own buffer, just after this call:
		 * end the query here (the request is refused anyway). */
		((char *)query)[1] = 0;
	}
	return r;
}

/* Scripts read the JSON API with a per-user token instead of a cookie:
 * "Authorization: Bearer TOKEN", taken for a GET (or HEAD) under /api/
 * only, so that a token can read but never change anything (and a POST
 * needs the session's CSRF token, which a token's session has none of). */
static void find_api_token(struct request *r)
{
	const char *auth = mhd.MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Authorization");
	if (!auth || strncmp(auth, "Bearer ", 7) != 0 || r->is_post || strncmp(r->url, "/api/", 5) != 0 || !r->db)
		return;
	char err[256];
	int rc = session_api_lookup(r->db, auth + 7, &r->s, err, sizeof err);
	if (rc < 0)
		log_error("verdict serve: api token: %s", err);
	r->logged_in = rc == 1;
}

static void find_session(struct request *r)
{
	const char *token = http_cookie(r, SESSION_COOKIE);
	if (!token) {
		find_api_token(r);
		return;
	}
	if (!r->db || strlen(token) != SESSION_TOKEN_LEN)
		return;
	char err[256];
	int rc = session_lookup(r->db, token, &r->s, err, sizeof err);
	if (rc < 0)
		log_error("verdict serve: session: %s", err);
	r->logged_in = rc == 1;
}

/* The body a request may send: a page without a login takes only the
 * login form, so that strangers cannot make the server read megabytes. */
static size_t body_limit(const struct request *r)
{
	if (r->route->flags & ROUTE_UPLOAD)
		return r->cfg->upload_limit;
	return (r->route->flags & (ROUTE_LOGIN | ROUTE_STAFF | ROUTE_ADMIN)) ? r->cfg->form_limit : PUBLIC_BODY_MAX;
}

/* Seconds the rest of the request (its body) may take: a form body_sec,
 * an upload that plus what its size takes at the minimum rate. */
static unsigned body_seconds(const struct request *r)
{
	if (!(r->route->flags & ROUTE_UPLOAD))
		return r->cfg->body_sec;
	const char *length = mhd.MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Content-Length");
	unsigned long long bytes = length ? strtoull(length, NULL, 10) : r->cfg->upload_limit;
	if (bytes > r->cfg->upload_limit)
		bytes = r->cfg->upload_limit;
	return r->cfg->body_sec + (unsigned)(bytes / r->cfg->upload_rate);
}

/* Sets up the post processor, or answers why the body will not be read. */
static int start_body(struct request *r)
{
	size_t limit = body_limit(r);
	const char *length = mhd.MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Content-Length");
	if (length && strtoull(length, NULL, 10) > limit) {
		char msg[160];
		snprintf(msg, sizeof msg, "The request is larger than this page accepts (%zu KiB).", limit / 1024);
		http_error(r, 413, msg);
		return -1;
	}
	const char *type = mhd.MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Content-Type");
	if (!type && (!length || strcmp(length, "0") == 0))
		return 0; /* an empty form */
	r->pp = mhd.MHD_create_post_processor(r->conn, 64 * 1024, on_field, r);
	if (!r->pp) {
		http_error(r, 415, "Send the form as application/x-www-form-urlencoded or multipart/form-data.");
		return -1;
	}
	return 0;
}

/* An answer found when the headers arrived. A request without a body gets
 * it at the next call, once MHD has the whole request, which keeps the
 * connection open for the next one; a request with a body gets it now,
 * and its body is never read (MHD then closes the connection). */
static enum MHD_Result answer_early(struct request *r)
{
	const char *length = mhd.MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Content-Length");
	const char *chunked = mhd.MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Transfer-Encoding");
	if (!chunked && (!length || strcmp(length, "0") == 0))
		return MHD_YES;
	return send_answer(r);
}

static enum MHD_Result first_call(const struct http_config *cfg, struct MHD_Connection *c, const char *url,
				  const char *method, struct request *r)
{
	r->cfg = cfg;
	r->conn = c;
	r->method = method;
	r->url = url;
	r->is_post = strcmp(method, "POST") == 0;
	r->db = db_for_thread(cfg);
	proxy_client_address(cfg, c, r->client, sizeof r->client);
	int found = r->url_status ? r->url_status : routes_match(r, method, url);
	if (found || !(r->route->flags & ROUTE_NO_SESSION))
		find_session(r);
	if (found) {
		static const struct route none = { "", "", NULL, 0 };
		r->route = &none;
		http_error(r, found, r->url_error ? r->url_error : found == 404 ? "There is no such page."
										 : "This page does not take that method.");
		return answer_early(r);
	}
	deadline_set(c, body_seconds(r));
	if (routes_allowed(r))
		return answer_early(r);
	if (r->is_post && ((r->route->flags & ROUTE_NO_CSRF) ? !http_same_origin(r) : 0)) {
		http_error(r, 403, "The form was sent from another site.");
		return answer_early(r);
	}
	if (r->is_post && start_body(r) < 0)
		return answer_early(r);
	return MHD_YES; /* answered at the next call, when the (empty) body is complete */
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload, size_t *upload_size, void **ctx)
{
	(void)version;
	const struct http_config *cfg = cls;
	struct request *r = *ctx;
	if (!r) /* on_url could not allocate it */
		return MHD_NO;
	if (!r->conn)
		return first_call(cfg, c, url, method, r);
	if (r->deferred) /* back from the password pool */
		return finish(r);
	if (r->sent) { /* refused before its body: drop what still comes */
		*upload_size = 0;
		return MHD_YES;
	}
	if (r->answered && !*upload_size) /* refused when the headers came; no body */
		return finish(r);
	if (r->answered) /* a body after all (a client that lied): drop it, unread */
		return MHD_NO;
	if (*upload_size) {
		size_t limit = body_limit(r);
		r->body_bytes += *upload_size;
		if (r->body_bytes > limit) {
			if (!r->body_status) {
				r->body_status = 413;
				r->body_error = "The request is larger than this page accepts.";
			}
			if (r->body_bytes > limit + 64 * 1024)
				return MHD_NO; /* a chunked flood: close the connection */
		} else if (!r->body_status && r->pp && mhd.MHD_post_process(r->pp, upload, *upload_size) != MHD_YES &&
			   !r->body_status) {
			r->body_status = 400;
			r->body_error = "The form could not be read.";
		}
		*upload_size = 0;
		return MHD_YES;
	}
	/* The body is complete. A multipart body must have ended with its
	 * closing boundary, or its last part may be cut short: MHD tells when
	 * the processor is destroyed. (An urlencoded one may legitimately end
	 * in a bare key, which MHD also reports, so only multipart is held to it.) */
	if (r->pp) {
		const char *type = mhd.MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Content-Type");
		int multipart = type && strncasecmp(type, "multipart/", 10) == 0;
		if (mhd.MHD_destroy_post_processor(r->pp) != MHD_YES && multipart && !r->body_status) {
			r->body_status = 400;
			r->body_error = "The form was cut short (its last part has no closing boundary): send it again.";
		}
		r->pp = NULL;
	}
	for (int i = 0; i < r->nfields; i++)
		if (r->fields[i].spool_fd >= 0) {
			close(r->fields[i].spool_fd);
			r->fields[i].spool_fd = -1;
		}
	if (r->body_status) {
		http_error(r, r->body_status, r->body_error);
	} else if (r->is_post && !(r->route->flags & ROUTE_NO_CSRF) && !session_csrf_ok(&r->s, http_form(r, "csrf"))) {
		http_error(r, 403, "This form has expired. Go back, reload the page and send it again.");
	}
	return finish(r);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **ctx, enum MHD_RequestTerminationCode code)
{
	const struct http_config *cfg = cls;
	(void)code;
	if (*ctx)
		request_free(*ctx);
	*ctx = NULL;
	/* The next request on this connection: idle for up to the idle
	 * timeout, then its headers. */
	deadline_next_request(c, cfg->idle_sec + cfg->header_sec);
}

static void on_mhd_error(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	char msg[1024];
	vsnprintf(msg, sizeof msg, fmt, ap);
	msg[strcspn(msg, "\n")] = 0;
	log_error("verdict serve: libmicrohttpd: %s", msg);
}

int server_run(const struct server_options *o)
{
	char err[512];
	/* Shared state is set up before any thread starts (libsodium and the
	 * templates by start_web, cmd_serve.c). */
	if (mhd_load(err, sizeof err) < 0 || web_seccomp_load(err, sizeof err) < 0) {
		log_error("verdict serve: %s", err);
		return -1;
	}
	if (hash_pool_start(o->threads / 2 > 1 ? o->threads / 2 : 1, HASH_WAIT_MS) < 0 || deadline_start(o->conn_limit) < 0) {
		log_error("verdict serve: cannot start a thread: %s", strerror(errno));
		return -1;
	}
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
	if (o->tls_cert)
		flags |= MHD_USE_TLS;
	struct MHD_OptionItem tls[] = {
		{ o->tls_cert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, (void *)o->tls_cert },
		{ MHD_OPTION_HTTPS_MEM_KEY, 0, (void *)o->tls_key },
		{ MHD_OPTION_END, 0, NULL },
	};
	struct MHD_Daemon *d = mhd.MHD_start_daemon(
		flags, 0, NULL, NULL, on_request, (void *)&o->http, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_error, NULL,
		MHD_OPTION_LISTEN_SOCKET, o->listen_fd,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)o->threads, MHD_OPTION_CONNECTION_LIMIT, o->conn_limit,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, o->per_ip_limit, MHD_OPTION_CONNECTION_TIMEOUT, o->http.idle_sec,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024), MHD_OPTION_NOTIFY_COMPLETED, on_completed,
		(void *)&o->http, MHD_OPTION_URI_LOG_CALLBACK, on_url, NULL, MHD_OPTION_NOTIFY_CONNECTION, deadline_notify,
		(void *)&o->http.header_sec,
		MHD_OPTION_ARRAY, tls, MHD_OPTION_END);
	if (!d) {
		log_error("verdict serve: libmicrohttpd would not start (see above)");
		return -1;
	}
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	int sig;
	sigwait(&set, &sig); /* the signals are blocked in every thread (cmd_serve.c) */
	hash_pool_stop();
	mhd.MHD_stop_daemon(d);
	return 0;
}
