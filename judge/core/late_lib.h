/* late_lib.h - a shared library loaded when first needed (dlopen), not
 * linked: libarchive, libxml2 and libmicrohttpd bring libraries along that
 * every `verdict sandbox` run, a fresh process of the same binary, would
 * load for nothing (README, Speed).
 *
 * Each user lists the functions it calls once, as an X-macro, keeps their
 * addresses in a struct of pointers typed from the library's own
 * declarations (so a call is checked as if it were linked), and names
 * each pointer in a table:
 *
 *     static struct { LIBXML_FUNCTIONS(LATE_DECLARE) } lx;
 *     #define LX_SYMBOL(name) { #name, (void **)&lx.name },
 *     static const struct late_symbol lx_symbols[] = { LIBXML_FUNCTIONS(LX_SYMBOL) };
 */
#ifndef VERDICT_LATE_LIB_H
#define VERDICT_LATE_LIB_H

#include <stddef.h>

struct late_symbol {
	const char *name;
	void **to; /* the function pointer that gets its address */
};

#define LATE_DECLARE(name) __typeof__(name) *name;

/* Loads soname and every symbol in syms[0..count), once: *loaded set
 * means done already (the caller's flag, set here on success). Returns 0,
 * or -1 with err naming the Debian package to install, or the missing
 * symbol. Call it before several threads use the symbols. */
int late_lib_load(int *loaded, const char *soname, const char *package, const struct late_symbol *syms, size_t count,
		  char *err, size_t n);

#endif
