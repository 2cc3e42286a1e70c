/* static_files.c - the stylesheet and script, compiled in, with caching headers. */
#include "assets.h"
#include "http.h"
#include "mhd.h"
#include "pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *type_of(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (dot && strcmp(dot, ".css") == 0)
		return "text/css; charset=utf-8";
	if (dot && strcmp(dot, ".js") == 0)
		return "text/javascript; charset=utf-8";
	return "application/octet-stream";
}

void page_static(struct request *r)
{
	char name[300];
	snprintf(name, sizeof name, "static/%s", r->args[0]);
	const struct web_asset *a = asset_find(name);
	if (!a) {
		http_error(r, 404, "There is no such file.");
		return;
	}
	/* An ETag from the content: browsers revalidate after an hour and get a
	 * 304 while the file is unchanged (i.e. until a new build). */
	const char *etag = asset_etag(a);
	http_header(r, "ETag", etag);
	http_header(r, "Cache-Control", "public, max-age=3600");
	const char *match = mhd.MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "If-None-Match");
	if (match && strstr(match, etag)) {
		http_respond(r, 304, type_of(name), NULL, 0);
		return;
	}
	char *body = malloc(a->len ? a->len : 1);
	if (!body) {
		http_error(r, 503, "out of memory");
		return;
	}
	memcpy(body, a->data, a->len);
	http_respond(r, 200, type_of(name), body, a->len);
}
