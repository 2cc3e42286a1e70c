/* template: the ctemplate shim, and that AUTOESCAPE escapes hostile values
 * for each place they land (text, attribute, URL, JavaScript). Prints TAP
 * lines. Run from the repository (templates in web/templates). */
#include "template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed;

static void check(int ok, const char *what, const char *detail)
{
	printf("%s - template: %s%s%.300s\n", ok ? "ok" : "not ok", what, ok ? "" : ": ", ok ? "" : detail);
	failed |= !ok;
}

int main(int argc, char **argv)
{
	tpl_set_root(argc > 1 ? argv[1] : "web/templates");
	const char *evil = "<script>alert(1)</script>\"'&";
	struct tpl_dict *d = tpl_dict_new();
	check(d != NULL, "a dictionary", "");
	tpl_set(d, "NAME", evil);
	tpl_set(d, "LINK", "javascript:alert(1)");
	for (int i = 0; i < 3; i++) {
		struct tpl_dict *row = tpl_add_section(d, "ROW");
		tpl_set_int(row, "ITEM", i * 10);
	}
	char *out = NULL;
	size_t len = 0;
	int rc = tpl_expand("escape_test.tpl", d, &out, &len);
	check(rc == 0 && out && len == strlen(out), "the template expands", out ? out : "nothing");
	if (rc == 0) {
		check(!strstr(out, "<script>alert"), "no raw <script> from a value anywhere", out);
		check(strstr(out, "<p class=\"name\">&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;</p>") != NULL,
		      "HTML text is escaped", out);
		check(strstr(out, "title=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;\"") != NULL,
		      "an attribute is escaped, quotes included", out);
		check(strstr(out, "javascript:alert") == NULL, "a javascript: URL is neutralized", out);
		check(strstr(out, "var who = \"\\x3cscript\\x3ealert(1)\\x3c/script\\x3e\\x22\\x27\\x26\";") != NULL,
		      "a JavaScript string is escaped", out);
		check(strstr(out, "<li>0</li><li>10</li><li>20</li>") != NULL, "sections repeat", out);
	}
	free(out);
	out = NULL;
	check(tpl_expand("no_such.tpl", d, &out, &len) == -1 && out == NULL, "a missing template is an error", "");
	tpl_dict_free(d);
	return failed;
}
