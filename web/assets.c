/* assets.c - finding the compiled-in templates and static files. */
#include "assets.h"
#include "template.h"
#include "util.h"

#include <string.h>

const struct web_asset *asset_find(const char *name)
{
	for (const struct web_asset *a = web_assets; a->name; a++)
		if (strcmp(a->name, name) == 0)
			return a;
	return NULL;
}

int assets_register_templates(char *err, size_t n)
{
	for (const struct web_asset *a = web_assets; a->name; a++)
		if (strncmp(a->name, "templates/", 10) == 0 &&
		    tpl_register(a->name + 10, (const char *)a->data, a->len) < 0)
			return errf(err, n, "template %s does not parse", a->name);
	return 0;
}
