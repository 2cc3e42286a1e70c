/* assets.h - templates and static files compiled into build/verdict (build/web_assets.c, made by the Makefile). */
#ifndef VERDICT_ASSETS_H
#define VERDICT_ASSETS_H

#include <stddef.h>

struct web_asset {
	const char *name; /* "templates/layout.tpl", "static/style.css" */
	const unsigned char *data;
	size_t len;
};

extern const struct web_asset web_assets[]; /* ends with a NULL name */

/* The asset of this name, or NULL. */
const struct web_asset *asset_find(const char *name);

/* Registers every template with the template cache and computes every
 * asset's ETag, once, before any thread serves. Returns 0, or -1 with the
 * broken template's name in err. */
int assets_init(char *err, size_t n);

/* The asset's ETag ("\"<32 hex digits>\"", a hash of its content), from assets_init. */
const char *asset_etag(const struct web_asset *a);

#endif
