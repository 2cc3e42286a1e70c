/* markdown: statements in Markdown become HTML with cmark, and nothing a
 * statement author writes (raw HTML, javascript: links, broken UTF-8,
 * pathological nesting) reaches the page unescaped. Prints TAP lines. */
#include "statement_markdown.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failed;

static void check(int ok, const char *what, const char *html)
{
	printf("%s - markdown: %s%s%.300s\n", ok ? "ok" : "not ok", what, ok ? "" : ": got ", ok ? "" : html ? html : "NULL");
	failed |= !ok;
}

static char *render(const char *md)
{
	return markdown_to_html(md, strlen(md));
}

/* Renders md and checks the result contains want and none of the bad strings. */
static void expect(const char *what, const char *md, const char *want, const char *const *bad)
{
	char *html = render(md);
	int ok = html && strstr(html, want);
	for (int i = 0; ok && bad && bad[i]; i++)
		ok = !strstr(html, bad[i]);
	check(ok, what, html);
	free(html);
}

int main(void)
{
	expect("headings, emphasis and code render", "# Sum\n\nAdd *two* numbers: `a + b`.\n",
	       "<h1>Sum</h1>\n<p>Add <em>two</em> numbers: <code>a + b</code>.</p>", NULL);
	expect("a fenced code block stays verbatim, escaped", "```\n1 2\n<3>\n```\n", "<pre><code>1 2\n&lt;3&gt;\n</code></pre>",
	       NULL);
	static const char *const script[] = { "<script", NULL };
	expect("a raw <script> block is shown escaped", "<script>alert(1)</script>\n\ntext\n",
	       "&lt;script&gt;alert(1)&lt;/script&gt;", script);
	static const char *const img[] = { "<img", NULL };
	expect("raw inline HTML is shown escaped", "x <img src=x onerror=alert(1)> y\n",
	       "x &lt;img src=x onerror=alert(1)&gt; y", img);
	expect("a comparison is not taken for a tag", "if a<b and c>d\n", "a&lt;b and c&gt;d", NULL);
	static const char *const js[] = { "javascript:", NULL };
	expect("a javascript: link loses its URL", "[click](javascript:alert(1))\n", "<a href=\"\">click</a>", js);
	expect("an entity-encoded javascript: link loses its URL", "[x](&#106;avascript:alert(1))\n", "<a href=\"\">", js);
	static const char *const data[] = { "data:text", NULL };
	expect("a data: link loses its URL", "[x](data:text/html;base64,PHNjcmlwdD4=)\n", "<a href=\"\">", data);
	static const char *const quote[] = { "\"onmouseover", NULL };
	expect("a quote in a URL cannot close the attribute", "[x](http://e.com/\"onmouseover=alert(1))\n", "%22onmouseover",
	       quote);
	expect("quotes and dashes stay as written", "Pass --all or 'c'.\n", "Pass --all or 'c'.", NULL);
	expect("an image with a relative path is kept", "![figure](fig.png)\n", "<img src=\"fig.png\" alt=\"figure\"", NULL);

	char *html = markdown_to_html("a\xff\xfe b\0c", 7);
	check(html && strstr(html, "\xef\xbf\xbd") && !strstr(html, "\xff"), "invalid UTF-8 and NUL become U+FFFD", html);
	free(html);

	/* Deep nesting must neither crash nor take long (cmark is linear). */
	size_t n = 200000;
	char *deep = malloc(2 * n + 1);
	for (size_t i = 0; i < n; i++)
		deep[i] = '>', deep[n + i] = '[';
	deep[2 * n] = 0;
	html = markdown_to_html(deep, 2 * n);
	check(html != NULL, "200,000 nested quotes and brackets render", "NULL");
	free(html);
	free(deep);
	return failed;
}
