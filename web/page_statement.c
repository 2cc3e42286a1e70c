/* page_statement.c - a problem statement's images and PDF, to those who may see the problem. */
#include "http.h"
#include "page_util.h"
#include "pages.h"

#include "db.h"
#include "fsutil.h"
#include "state.h"
#include "statement_files.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Whatever the file holds (an SVG's script, an HTML file named .png that a
 * browser might sniff), it runs nowhere: a sandboxed, script-less origin
 * of its own (this policy and the site's are both enforced), and the type
 * taken as given (nosniff, on every answer: server.c). */
#define FILE_POLICY "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'"

/* Answers with the file path (at most max bytes) as type; as a download
 * named download_name when that is not NULL. */
static void send_file(struct request *r, const char *path, off_t max, const char *type, const char *download_name)
{
	int fd = open_regular(path, max);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) < 0) {
		if (fd >= 0)
			close(fd);
		http_error(r, errno == ENOENT ? 404 : 503,
			   errno == ENOENT ? "There is no such file in this statement." : "The file cannot be read.");
		return;
	}
	size_t len = (size_t)st.st_size;
	char *body = malloc(len ? len : 1);
	size_t got = 0;
	for (ssize_t k = 1; body && got < len && k > 0; got += k > 0 ? (size_t)k : 0)
		k = read(fd, body + got, len - got);
	close(fd);
	if (!body || got != len) {
		free(body);
		http_error(r, 503, "The file cannot be read.");
		return;
	}
	if (download_name) {
		char disposition[128];
		snprintf(disposition, sizeof disposition, "attachment; filename=\"%s\"", download_name);
		http_header(r, "Content-Disposition", disposition);
	}
	http_header(r, "Content-Security-Policy", FILE_POLICY);
	/* Versions change under the same URL: revalidate, never reuse blind. */
	http_header(r, "Cache-Control", "private, no-cache");
	http_respond(r, 200, type, body, len);
}

void page_statement_image(struct request *r)
{
	struct db_version v;
	const char *type = statement_image_type(r->args[1]);
	if (!page_visible_problem(r, r->args[0], &v))
		return;
	char dir[PATH_MAX], path[PATH_MAX + 300], err[256];
	if (!type || state_version_path(r->cfg->data_dir, v.short_name, v.version, VERSION_STATEMENT_IMAGES, dir,
					 sizeof dir, err, sizeof err) < 0) {
		http_error(r, 404, "There is no such file in this statement.");
		return;
	}
	snprintf(path, sizeof path, "%s/%s", dir, r->args[1]); /* a checked name: no '/', no leading '.' */
	send_file(r, path, STATEMENT_IMAGE_MAX_BYTES, type, NULL);
}

void page_statement_pdf(struct request *r)
{
	struct db_version v;
	if (!page_visible_problem(r, r->args[0], &v))
		return;
	char path[PATH_MAX], err[256], name[80];
	if (state_version_path(r->cfg->data_dir, v.short_name, v.version, VERSION_STATEMENT_PDF, path, sizeof path, err,
			       sizeof err) < 0) {
		http_error(r, 404, "This problem has no PDF statement.");
		return;
	}
	/* A download, not a page of this site (a checked problem name: no quote). */
	snprintf(name, sizeof name, "%s.pdf", v.short_name);
	send_file(r, path, STATEMENT_PDF_MAX_BYTES, "application/pdf", name);
}
