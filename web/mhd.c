/* mhd.c - libmicrohttpd is loaded (dlopen) by `verdict serve`, not linked.
 *
 * It brings GnuTLS and its six libraries along, and every `verdict
 * sandbox` run is a fresh process of the same binary that would load them
 * for nothing (the same reason libarchive is loaded late, package_archive.c).
 */
#include "mhd.h"
#include "late_lib.h"
#include "util.h"

struct mhd_functions mhd;

#define MHD_SYMBOL(name) { #name, (void **)&mhd.name },
static const struct late_symbol mhd_symbols[] = { MHD_FUNCTIONS(MHD_SYMBOL) };

int mhd_load(char *err, size_t n)
{
	static int loaded; /* called once, before any thread starts */
	return late_lib_load(&loaded, "libmicrohttpd.so.12", "libmicrohttpd12", mhd_symbols,
			     sizeof mhd_symbols / sizeof *mhd_symbols, err, n);
}
