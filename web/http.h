/* http.h - one HTTP request and its response, as every page handler sees them.
 *
 * The server (server.c) fills a struct request, checks the route's access
 * rules (routes.c) and calls the handler, which answers through the
 * functions below. A handler never writes to the connection itself and
 * never dies: whatever goes wrong becomes http_error().
 */
#ifndef VERDICT_HTTP_H
#define VERDICT_HTTP_H

#include "db_courses.h"
#include "session.h"

#include <netinet/in.h>
#include <stddef.h>

struct db;
struct MHD_Connection;
struct MHD_PostProcessor;
struct tpl_dict;

#define HTTP_MAX_FIELDS 32
#define HTTP_MAX_ARGS 2
#define HTTP_MAX_HEADERS 6
#define HTTP_MAX_QUERY_ARGS 64 /* more: 414 (libmicrohttpd's memory per connection is 64 KiB) */
#define HTTP_MAX_PROXIES 16

/* A form field (urlencoded or multipart). value is NUL-terminated and may
 * hold NUL bytes before len; file_name is set for a multipart file part.
 * A file streamed to disk (the package upload) has spool_path instead. */
struct http_field {
	char name[64];
	char *value;
	size_t len, cap;
	char file_name[256];
	int is_file;
	char spool_path[512];
	int spool_fd;
};

/* What a server shares with its handlers (read-only once started). */
struct http_config {
	const char *db_path;
	const char *data_dir;   /* packages (read) and the upload spool (written) */
	const char *spool_dir;  /* <data>/spool */
	size_t form_limit;      /* bytes of a request body, but for uploads */
	size_t upload_limit;    /* bytes of a package upload */
	int tls;                /* served over TLS (cookies get Secure) */
	unsigned header_sec;    /* a request's headers must be in within this of its start */
	unsigned body_sec;      /* and its body within this of its headers */
	size_t upload_rate;     /* plus a second per this many bytes of an upload */
	unsigned idle_sec;      /* an idle connection is closed after this */
	struct in6_addr proxies[HTTP_MAX_PROXIES]; /* --trusted-proxy (IPv4 as ::ffff:a.b.c.d) */
	int nproxies;
};

struct request {
	const struct http_config *cfg;
	struct MHD_Connection *conn;
	const char *method, *url;
	int is_post;
	char client[64];        /* the client's address (proxy.c), for login throttling */
	int url_status;         /* 400 or 414: the raw URL was refused (server.c) */
	const char *url_error;
	char args[HTTP_MAX_ARGS][256]; /* the route's '*' segments, URL-decoded */
	const struct route *route;

	/* the body */
	struct MHD_PostProcessor *pp;
	struct http_field fields[HTTP_MAX_FIELDS];
	int nfields;
	size_t body_bytes;
	int body_status;        /* a 4xx found while reading the body, else 0 */
	const char *body_error; /* its reason, for people */

	/* who asks */
	struct db *db;
	int logged_in;
	struct session s;
	struct login login;     /* a login under way (page_auth.c) */
	/* the course a ROUTE_COURSE* route names in args[0] (routes.c), and
	 * the user's role in it: student, ta, instructor, or admin for a site
	 * admin who is not a member */
	struct db_course course;
	char course_role[16];

	/* work deferred to the password pool (http_defer) */
	void (*defer_work)(struct request *r);
	void (*defer_then)(struct request *r);
	int deferred;           /* waiting for the pool: answered by defer_then */
	int defer_ran;          /* the work ran (0: the pool was too busy) */
	void *defer_data;       /* what the work and its answer share; freed with defer_data_free */
	void (*defer_data_free)(void *data);

	/* the answer */
	int status;
	char *body;
	size_t len;
	const char *content_type;
	char headers[HTTP_MAX_HEADERS][2][512]; /* room for a Location with a ?next= path of 400 bytes */
	int nheaders;
	int answered;
	int sent;               /* queued with MHD (server.c) */
};

/* The answer (body is malloc'd and taken over; NULL for none). */
void http_respond(struct request *r, int status, const char *content_type, char *body, size_t len);
/* 303 See Other to a path of this site. */
void http_redirect(struct request *r, const char *location);
/* An error page with a message a person can act on. */
void http_error(struct request *r, int status, const char *message);
/* A header for the answer (copied). Returns 0, or -1 if there is no room. */
int http_header(struct request *r, const char *name, const char *value);

/* Runs work(r) on the password pool (hash_pool.c), off the HTTP threads,
 * then then(r) on an HTTP thread, which answers; r->defer_ran is 0 when
 * the pool was too busy and work did not run. The handler returns without
 * answering. */
void http_defer(struct request *r, void (*work)(struct request *r), void (*then)(struct request *r));

/* A query-string argument, or NULL. */
const char *http_query(struct request *r, const char *name);
/* A form field, or NULL; http_form is its value or "" when missing. */
const struct http_field *http_field(struct request *r, const char *name);
const char *http_form(struct request *r, const char *name);
/* A cookie's value, or NULL. */
const char *http_cookie(struct request *r, const char *name);

/* Was this request sent from a page of this site? Its Origin, or when a
 * browser sends none, its Referer; a request with neither (a script, or a
 * browser told to send no referrer) is let through. */
int http_same_origin(struct request *r);

/* Parses a positive decimal id ("123"); 0 when it is not one. */
long long http_id(const char *s);

/* Pages: a layout (header, navigation, footer) around a template of
 * web/templates. page_new returns the body's dictionary (owned by the page)
 * to fill; page_send expands and answers. On out-of-memory page_new
 * returns NULL and has already answered 500. */
struct page;
struct tpl_dict *page_new(struct request *r, const char *title, const char *body_template, struct page **out);
void page_send(struct request *r, struct page *p, int status);
/* page_send when rc >= 0; else the page is dropped and err answered (503:
 * what filled it could not read the database). */
void page_send_or_error(struct request *r, struct page *p, int status, int rc, const char *err);

/* Puts a large, already-escaped fragment (a kept board or gradebook,
 * fragment_cache.h) where {{KEY:none}} is in d, the body's dictionary:
 * copied once, into the page as page_send writes it, not through the
 * template; or, to a reader who accepts gzip, sent as its compressed copy
 * between the page's own head and tail (gzip_splice.h). f must stay valid
 * until page_send. Returns 0, or -1 (out of memory). */
struct fragment;
int page_fragment(struct page *p, struct tpl_dict *d, const char *key, const struct fragment *f);
/* Frees a page that will not be sent (an error came up while filling it). */
void page_discard(struct page *p);
/* A message above the page (a notice after a redirect, say). */
void page_flash(struct page *p, const char *message);

#endif
