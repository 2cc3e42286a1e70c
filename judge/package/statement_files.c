/* statement_files.c - a statement's images and PDF: which may be stored at import and served, and as what. */
#include "statement_files.h"
#include "fsutil.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static const struct {
	const char *ext;
	const char *type;
} image_types[] = {
	{ ".png", "image/png" },   { ".jpg", "image/jpeg" }, { ".jpeg", "image/jpeg" },
	{ ".gif", "image/gif" },   { ".svg", "image/svg+xml" },
};

/* The image type name's extension says, or NULL. */
static const char *type_of_extension(const char *name)
{
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < sizeof image_types / sizeof *image_types; i++)
		if (strcasecmp(dot, image_types[i].ext) == 0)
			return image_types[i].type;
	return NULL;
}

const char *statement_image_type(const char *name)
{
	size_t len = strlen(name);
	if (len < 1 || len > 100 || name[0] == '.' || name[0] == '-' ||
	    strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") != len)
		return NULL;
	return type_of_extension(name);
}

static int copy_checked(const char *src, const char *dst, off_t max, const char *rel, char *err, size_t n)
{
	if (copy_file(src, dst, 0644, max) == 0)
		return 0;
	if (errno == EFBIG)
		return errf(err, n, "%s: larger than %lld MiB, the most Verdict stores", rel, (long long)max >> 20);
	if (errno == ELOOP || errno == EINVAL)
		return errf(err, n, "%s: not a regular file", rel);
	return errf(err, n, "%s: cannot store it: %s", rel, strerror(errno));
}

static int store_pdf(const char *statement_dir, const char *rel_dir, const char *pdf_path, char *err, size_t n)
{
	static const char *const names[] = { "problem.en.pdf", "problem.pdf" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		char src[PATH_MAX + 32], rel[PATH_MAX + 32];
		snprintf(src, sizeof src, "%s/%s", statement_dir, names[i]);
		snprintf(rel, sizeof rel, "%s/%s", rel_dir, names[i]);
		struct stat st;
		if (lstat(src, &st) < 0)
			continue;
		return copy_checked(src, pdf_path, STATEMENT_PDF_MAX_BYTES, rel, err, n);
	}
	return 0;
}

int statement_files_store(const char *statement_dir, const char *rel_dir, const char *images_dir, const char *pdf_path,
			  char *err, size_t n)
{
	DIR *d = opendir(statement_dir);
	if (!d)
		return errno == ENOENT ? 0 : errf(err, n, "%s: cannot read it: %s", rel_dir, strerror(errno));
	int rc = 0, count = 0, made = 0;
	for (struct dirent *e; rc == 0 && (e = readdir(d));) {
		if (!type_of_extension(e->d_name))
			continue;
		char rel[PATH_MAX + 300], src[PATH_MAX + 300], dst[PATH_MAX + 300];
		snprintf(rel, sizeof rel, "%s/%s", rel_dir, e->d_name);
		if (!statement_image_type(e->d_name)) {
			rc = errf(err, n, "%.200s: an image's name must be 1 to 100 letters, digits, '_', '-' or '.', "
					  "not starting with '.' or '-'; rename it (and where the statement names it)", rel);
			break;
		}
		if (++count > STATEMENT_IMAGES_MAX) {
			rc = errf(err, n, "%s: more than %d images; Verdict stores at most that many", rel_dir,
				  STATEMENT_IMAGES_MAX);
			break;
		}
		if (!made && mkdir(images_dir, 0755) < 0) {
			rc = errf(err, n, "cannot create %s: %s", images_dir, strerror(errno));
			break;
		}
		made = 1;
		snprintf(src, sizeof src, "%s/%s", statement_dir, e->d_name);
		snprintf(dst, sizeof dst, "%s/%s", images_dir, e->d_name);
		rc = copy_checked(src, dst, STATEMENT_IMAGE_MAX_BYTES, rel, err, n);
	}
	closedir(d);
	return rc < 0 ? -1 : store_pdf(statement_dir, rel_dir, pdf_path, err, n);
}
