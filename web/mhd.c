/* mhd.c - libmicrohttpd is loaded (dlopen) by `verdict serve`, not linked.
 *
 * It brings GnuTLS and its six libraries along, and every `verdict
 * sandbox` run is a fresh process of the same binary that would load them
 * for nothing (the same reason libarchive is loaded late, package_archive.c).
 */
#include "mhd.h"
#include "util.h"

#include <dlfcn.h>

struct mhd_functions mhd;

int mhd_load(char *err, size_t n)
{
	static int loaded; /* called once, before any thread starts */
	if (loaded)
		return 0;
	void *h = dlopen("libmicrohttpd.so.12", RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return errf(err, n, "cannot load libmicrohttpd (apt-get install libmicrohttpd12): %s", dlerror());
#define MHD_LOAD(name)                                                        \
	if (!(mhd.name = (__typeof__(name) *)dlsym(h, #name)))                 \
		return errf(err, n, "libmicrohttpd lacks %s: %s", #name, dlerror());
	MHD_FUNCTIONS(MHD_LOAD)
#undef MHD_LOAD
	loaded = 1;
	return 0;
}
