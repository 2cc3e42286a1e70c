/* template.h - HTML from Google ctemplate, through a small C API (web/template.cc).
 *
 * Every template starts with {{%AUTOESCAPE context="HTML"}}, so values are
 * escaped for where they land (text, attribute, URL, JavaScript) by
 * ctemplate itself: C code never escapes HTML by hand.
 */
#ifndef VERDICT_TEMPLATE_H
#define VERDICT_TEMPLATE_H

#include <stddef.h>

struct tpl_dict; /* opaque: a ctemplate::TemplateDictionary */

/* Where templates are read from (default: web/templates). */
void tpl_set_root(const char *dir);

/* Registers a template under name from memory (the templates compiled
 * into the binary), before any thread expands one. Returns 0 or -1 (a
 * broken template). A registered name is used before a file of that name. */
int tpl_register(const char *name, const char *text, size_t len);

struct tpl_dict *tpl_dict_new(void); /* NULL when out of memory */
void tpl_dict_free(struct tpl_dict *d);

/* Set a value (copied); returns 0 or -1. */
int tpl_set(struct tpl_dict *d, const char *key, const char *value);
int tpl_set_int(struct tpl_dict *d, const char *key, long long value);

/* Adds one repetition of a section and returns its dictionary, owned by
 * d (do not free it), or NULL. */
struct tpl_dict *tpl_add_section(struct tpl_dict *d, const char *section);

/* Fills the include marker {{>MARKER}} with the template name; returns the
 * included template's dictionary, owned by d, or NULL. It sees only its
 * own values. */
struct tpl_dict *tpl_include(struct tpl_dict *d, const char *marker, const char *name);

/* Shows a section once, with d's values. Returns 0 or -1. */
int tpl_show_section(struct tpl_dict *d, const char *section);

/* Expands the template file name (under the root) with d into a malloc'd,
 * NUL-terminated *out of *len bytes. Returns 0, or -1 (missing or broken
 * template, out of memory). */
int tpl_expand(const char *name, struct tpl_dict *d, char **out, size_t *len);

#endif
