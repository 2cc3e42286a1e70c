/* late_lib.c - a shared library loaded when first needed (late_lib.h). */
#include "late_lib.h"

#include "util.h"

#include <dlfcn.h>

int late_lib_load(int *loaded, const char *soname, const char *package, const struct late_symbol *syms, size_t count,
		  char *err, size_t n)
{
	if (*loaded)
		return 0;
	void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return errf(err, n, "cannot load %s (apt-get install %s): %s", soname, package, dlerror());
	for (size_t i = 0; i < count; i++)
		if (!(*syms[i].to = dlsym(h, syms[i].name)))
			return errf(err, n, "%s lacks %s: %s", soname, syms[i].name, dlerror());
	*loaded = 1;
	return 0;
}
