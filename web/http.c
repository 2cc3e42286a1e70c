/* http.c - answering a request: responses, errors, form fields, cookies, pages. */
#include "http.h"
#include "fragment_cache.h"
#include "gzip_splice.h"
#include "mhd.h"
#include "template.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void http_respond(struct request *r, int status, const char *content_type, char *body, size_t len)
{
	free(r->body);
	r->status = status;
	r->content_type = content_type;
	r->body = body;
	r->len = body ? len : 0;
	r->answered = 1;
}

int http_header(struct request *r, const char *name, const char *value)
{
	if (r->nheaders >= HTTP_MAX_HEADERS || strlen(name) >= sizeof r->headers[0][0] ||
	    strlen(value) >= sizeof r->headers[0][1])
		return -1;
	strcpy(r->headers[r->nheaders][0], name);
	strcpy(r->headers[r->nheaders][1], value);
	r->nheaders++;
	return 0;
}

void http_redirect(struct request *r, const char *location)
{
	/* Only paths of this site: a redirect never leaves it. */
	if (location[0] != '/' || location[1] == '/' || location[1] == '\\')
		location = "/";
	if (http_header(r, "Location", location) < 0) /* too long: a 303 without a Location leads nowhere */
		http_header(r, "Location", "/");
	http_respond(r, 303, "text/plain; charset=utf-8", NULL, 0);
}

static const char *reason(int status)
{
	switch (status) {
	case 400: return "Bad request";
	case 403: return "Forbidden";
	case 404: return "Not found";
	case 405: return "Method not allowed";
	case 409: return "Conflict";
	case 413: return "Too large";
	case 414: return "Address too long";
	case 415: return "Unsupported form";
	case 429: return "Too many requests";
	case 503: return "Unavailable";
	default: return status >= 500 ? "Server error" : "Error";
	}
}

void http_error(struct request *r, int status, const char *message)
{
	struct page *p;
	struct tpl_dict *d = page_new(r, reason(status), "error.tpl", &p);
	if (!d)
		return;
	tpl_set(d, "REASON", reason(status));
	tpl_set(d, "MESSAGE", message);
	tpl_set_int(d, "STATUS", status);
	page_send(r, p, status);
}

const char *http_query(struct request *r, const char *name)
{
	return mhd.MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *http_cookie(struct request *r, const char *name)
{
	return mhd.MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

const struct http_field *http_field(struct request *r, const char *name)
{
	for (int i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i].name, name) == 0)
			return &r->fields[i];
	return NULL;
}

const char *http_form(struct request *r, const char *name)
{
	const struct http_field *f = http_field(r, name);
	return f && f->value ? f->value : "";
}

/* Is url ("http://HOST/..." or "https://HOST", as in Origin and Referer) on host? */
static int on_host(const char *url, const char *host)
{
	const char *rest = strncmp(url, "http://", 7) == 0 ? url + 7 : strncmp(url, "https://", 8) == 0 ? url + 8 : NULL;
	size_t n = strlen(host);
	return rest && strncmp(rest, host, n) == 0 && (rest[n] == 0 || rest[n] == '/');
}

int http_same_origin(struct request *r)
{
	const char *origin = mhd.MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Origin");
	const char *referer = mhd.MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Referer");
	if (!origin && !referer)
		return 1; /* scripts, and browsers told to send no referrer; the CSRF token still guards */
	const char *host = mhd.MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Host");
	if (!host || !*host)
		return 0;
	/* An Origin is "scheme://host" exactly; a Referer has a path after it. */
	return origin ? on_host(origin, host) && !strchr(strchr(origin, ':') + 3, '/') : on_host(referer, host);
}

void http_defer(struct request *r, void (*work)(struct request *r), void (*then)(struct request *r))
{
	r->defer_work = work;
	r->defer_then = then;
	r->deferred = 1;
}

long long http_id(const char *s)
{
	if (!s || !*s || strlen(s) > 15)
		return 0;
	long long v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* ---- pages ---- */

struct page {
	struct tpl_dict *layout, *body;
	/* page_fragment's: spliced in where the marker is. */
	const char *fragment;
	size_t fragment_len;
	const struct deflated *fragment_gz;
};

/* Stands in for a fragment in the expanded page: random per process, so
 * that nothing a user wrote (a title) can be taken for it. */
static char fragment_marker[48];
static pthread_once_t marker_once = PTHREAD_ONCE_INIT;

static void make_marker(void)
{
	unsigned char b[16];
	randombytes_buf(b, sizeof b);
	char *m = fragment_marker;
	m += sprintf(m, "<!--f");
	for (size_t i = 0; i < sizeof b; i++)
		m += sprintf(m, "%02x", b[i]);
	sprintf(m, "-->");
}

int page_fragment(struct page *p, struct tpl_dict *d, const char *key, const struct fragment *f)
{
	pthread_once(&marker_once, make_marker);
	p->fragment = f->html;
	p->fragment_len = f->len;
	p->fragment_gz = f->gz;
	return tpl_set(d, key, fragment_marker);
}

/* html (len bytes, malloc'd) with p's fragment in place of the marker, in a
 * new buffer (html is freed); NULL when out of memory. */
static char *splice_fragment(const struct page *p, char *html, size_t *len)
{
	char *m = strstr(html, fragment_marker);
	size_t ml = strlen(fragment_marker);
	if (!m) /* the template has no place for it */
		return html;
	size_t head = (size_t)(m - html), total = *len - ml + p->fragment_len;
	char *out = malloc(total + 1);
	if (out) {
		memcpy(out, html, head);
		memcpy(out + head, p->fragment, p->fragment_len);
		memcpy(out + head + p->fragment_len, m + ml, *len - head - ml + 1);
		*len = total;
	}
	free(html);
	return out;
}

/* html (len bytes, malloc'd, freed here) as gzip, p's compressed fragment
 * in place of the marker: 1 answered, 0 not (no marker, out of memory;
 * html untouched). */
static int send_gzip(struct request *r, const struct page *p, int status, char *html, size_t len)
{
	char *m = strstr(html, fragment_marker);
	if (!m)
		return 0;
	size_t head = (size_t)(m - html), skip = head + strlen(fragment_marker), gz_len;
	unsigned char *gz = gzip_splice(html, head, p->fragment_gz, m + strlen(fragment_marker), len - skip, &gz_len);
	if (!gz)
		return 0;
	free(html);
	http_header(r, "Content-Encoding", "gzip");
	http_respond(r, status, "text/html; charset=utf-8", (char *)gz, gz_len);
	return 1;
}

struct tpl_dict *page_new(struct request *r, const char *title, const char *body_template, struct page **out)
{
	struct page *p = calloc(1, sizeof *p);
	if (p)
		p->layout = tpl_dict_new();
	if (p && p->layout)
		p->body = tpl_include(p->layout, "BODY", body_template);
	if (!p || !p->layout || !p->body) {
		if (p)
			tpl_dict_free(p->layout);
		free(p);
		char *msg = strdup("out of memory\n");
		http_respond(r, 500, "text/plain; charset=utf-8", msg, msg ? strlen(msg) : 0);
		return NULL;
	}
	tpl_set(p->layout, "TITLE", title);
	if (r->logged_in) {
		struct tpl_dict *u = tpl_add_section(p->layout, "USER");
		if (u) {
			tpl_set(u, "NAME", r->s.user);
			tpl_set(u, "ROLE", r->s.role);
			tpl_set(u, "CSRF", r->s.csrf);
		}
		if (strcmp(r->s.role, "student") != 0)
			tpl_show_section(p->layout, "STAFF");
		if (strcmp(r->s.role, "admin") == 0)
			tpl_show_section(p->layout, "ADMIN");
		tpl_set(p->body, "CSRF", r->s.csrf);
	} else {
		tpl_show_section(p->layout, "GUEST");
	}
	*out = p;
	return p->body;
}

void page_discard(struct page *p)
{
	if (p) {
		tpl_dict_free(p->layout);
		free(p);
	}
}

void page_flash(struct page *p, const char *message)
{
	struct tpl_dict *f = tpl_add_section(p->layout, "FLASH");
	if (f)
		tpl_set(f, "MESSAGE", message);
}

void page_send(struct request *r, struct page *p, int status)
{
	char *html = NULL;
	size_t len = 0;
	int rc = tpl_expand("layout.tpl", p->layout, &html, &len);
	if (rc == 0 && p->fragment) {
		/* The same URL answers gzip or not by the request's Accept-Encoding. */
		http_header(r, "Vary", "Accept-Encoding");
		if (p->fragment_gz &&
		    gzip_accepted(mhd.MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Accept-Encoding")) &&
		    send_gzip(r, p, status, html, len)) {
			tpl_dict_free(p->layout);
			free(p);
			return;
		}
		if (!(html = splice_fragment(p, html, &len)))
			rc = -1;
	}
	tpl_dict_free(p->layout);
	free(p);
	if (rc < 0) {
		char *msg = strdup("a page template is missing or broken\n");
		http_respond(r, 500, "text/plain; charset=utf-8", msg, msg ? strlen(msg) : 0);
		return;
	}
	http_respond(r, status, "text/html; charset=utf-8", html, len);
}

void page_send_or_error(struct request *r, struct page *p, int status, int rc, const char *err)
{
	if (rc >= 0) {
		page_send(r, p, status);
		return;
	}
	page_discard(p);
	http_error(r, 503, err);
}
