/* assets.c - finding the compiled-in templates and static files. */
#include "assets.h"
#include "template.h"
#include "util.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

const struct web_asset *asset_find(const char *name)
{
	for (const struct web_asset *a = web_assets; a->name; a++)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}

#define MAX_ASSETS 64

static char etags[MAX_ASSETS][40];

int assets_init(char *err, size_t n)
{
	for (const struct web_asset *a = web_assets; a->name; a++) {
		size_t i = (size_t)(a - web_assets);
		if (i >= MAX_ASSETS)
			return errf(err, n, "more than %d assets compiled in", MAX_ASSETS);
		unsigned char h[16];
		char hex[33];
		crypto_generichash(h, sizeof h, a->data, a->len, NULL, 0);
		sodium_bin2hex(hex, sizeof hex, h, sizeof h);
		snprintf(etags[i], sizeof etags[i], "\"%s\"", hex);
		if (strncmp(a->name, "templates/", 10) == 0 &&
		    tpl_register(a->name + 10, (const char *)a->data, a->len) < 0)
			return errf(err, n, "template %s does not parse", a->name);
	}
	return 0;
}

const char *asset_etag(const struct web_asset *a)
{
	return etags[a - web_assets];
}
