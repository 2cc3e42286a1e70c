/* package_archive.c - unpack an uploaded problem package (.zip, .kpp, .tar.gz, .tgz, .tar) safely.
 *
 * An archive is hostile input. Every entry is checked before anything is
 * written: absolute paths, ".." components, links that lead out of the
 * package, hard links, devices and FIFOs are refused by name, and the
 * unpacked size and the number of entries are capped (counted as the data
 * is written, not as the headers claim). libarchive's own secure-extraction
 * flags are on as a second line.
 */
#include "package_archive.h"
#include "util.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_ENTRIES 100000

static const char *const suffixes[] = { ".tar.gz", ".tgz", ".zip", ".kpp", ".tar", NULL };

int package_archive_name(const char *path, char *name, size_t n)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	for (const char *const *s = suffixes; *s; s++) {
		size_t len = strlen(base), sl = strlen(*s);
		if (len > sl && strcmp(base + len - sl, *s) == 0) {
			if (len - sl >= n)
				return -1;
			memcpy(name, base, len - sl);
			name[len - sl] = 0;
			return 1;
		}
	}
	return 0;
}

/* Does this entry name stay inside the package? No absolute path, no "..". */
static int safe_name(const char *name)
{
	if (!*name || name[0] == '/')
		return 0;
	for (const char *p = name; *p;) {
		size_t len = strcspn(p, "/");
		if (len == 2 && p[0] == '.' && p[1] == '.')
			return 0;
		p += len;
		while (*p == '/')
			p++;
	}
	return 1;
}

/* A symbolic link is allowed when, resolved from its own directory, it stays
 * inside the package (the format permits links within a package). */
static int safe_link(const char *name, const char *target)
{
	if (!target || target[0] == '/')
		return 0;
	int depth = 0;
	for (const char *p = name; *p; p++) /* directories above the link */
		depth += *p == '/' && p[1];
	for (const char *p = target; *p;) {
		size_t len = strcspn(p, "/");
		if (len == 2 && p[0] == '.' && p[1] == '.')
			depth--;
		else if (len && !(len == 1 && p[0] == '.'))
			depth++;
		if (depth < 0)
			return 0;
		p += len;
		while (*p == '/')
			p++;
	}
	return 1;
}

int package_archive_unpack(const char *path, const char *dest, long long max_bytes, char *err, size_t n)
{
	struct archive *in = archive_read_new(), *out = archive_write_disk_new();
	if (!in || !out) {
		archive_read_free(in);
		archive_write_free(out);
		return errf(err, n, "out of memory");
	}
	archive_read_support_filter_all(in);
	archive_read_support_format_zip(in);
	archive_read_support_format_tar(in);
	/* (Not SECURE_NOABSOLUTEPATHS: names are checked here first, then
	 * rewritten to absolute paths under dest.) */
	archive_write_disk_set_options(out, ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NODOTDOT |
						    ARCHIVE_EXTRACT_NO_OVERWRITE);
	int rc = -1;
	if (archive_read_open_filename(in, path, 65536) != ARCHIVE_OK) {
		errf(err, n, "%s: not a readable archive: %s", path, archive_error_string(in));
		goto out;
	}
	long long written = 0;
	int entries = 0;
	struct archive_entry *e;
	int r;
	while ((r = archive_read_next_header(in, &e)) == ARCHIVE_OK) {
		/* A copy: setting the entry's path below reuses its buffer. */
		char name[PATH_MAX];
		const char *raw = archive_entry_pathname(e);
		mode_t type = archive_entry_filetype(e);
		if (!raw || strlen(raw) >= sizeof name || !safe_name(raw)) {
			errf(err, n, "%s: entry '%.300s' is an absolute path or leaves the package with '..'", path,
			     raw ? raw : "(no name)");
			goto out;
		}
		memcpy(name, raw, strlen(raw) + 1);
		if (++entries > MAX_ENTRIES) {
			errf(err, n, "%s: more than %d entries", path, MAX_ENTRIES);
			goto out;
		}
		if (archive_entry_hardlink(e)) {
			errf(err, n, "%s: entry '%s' is a hard link, which packages may not contain", path, name);
			goto out;
		}
		if (type == AE_IFLNK && !safe_link(name, archive_entry_symlink(e))) {
			errf(err, n, "%s: entry '%s' is a link that leads out of the package (to %s)", path, name,
			     archive_entry_symlink(e) ? archive_entry_symlink(e) : "?");
			goto out;
		}
		if (type != AE_IFREG && type != AE_IFDIR && type != AE_IFLNK) {
			errf(err, n, "%s: entry '%s' is neither a file, a directory nor a link", path, name);
			goto out;
		}
		char full[PATH_MAX];
		if ((size_t)snprintf(full, sizeof full, "%s/%s", dest, name) >= sizeof full) {
			errf(err, n, "%s: entry '%s': path too long", path, name);
			goto out;
		}
		archive_entry_set_pathname(e, full);
		/* Plain permissions: no set-id bits, nobody else's ownership. */
		archive_entry_set_perm(e, type == AE_IFDIR || (archive_entry_perm(e) & 0111) ? 0755 : 0644);
		archive_entry_set_uid(e, 0);
		archive_entry_set_gid(e, 0);
		if (archive_write_header(out, e) != ARCHIVE_OK) {
			errf(err, n, "%s: cannot unpack '%s': %s", path, name, archive_error_string(out));
			goto out;
		}
		const void *buf;
		size_t size;
		la_int64_t offset;
		while ((r = archive_read_data_block(in, &buf, &size, &offset)) == ARCHIVE_OK) {
			written += (long long)size;
			if (written > max_bytes) {
				errf(err, n, "%s: unpacks to more than %lld MB", path, max_bytes >> 20);
				goto out;
			}
			if (archive_write_data_block(out, buf, size, offset) != ARCHIVE_OK) {
				errf(err, n, "%s: cannot write '%s': %s", path, name, archive_error_string(out));
				goto out;
			}
		}
		if (r != ARCHIVE_EOF) {
			errf(err, n, "%s: damaged entry '%s': %s", path, name, archive_error_string(in));
			goto out;
		}
		archive_write_finish_entry(out);
	}
	if (r != ARCHIVE_EOF) {
		errf(err, n, "%s: damaged archive: %s", path, archive_error_string(in));
		goto out;
	}
	if (entries == 0) {
		errf(err, n, "%s: the archive is empty", path);
		goto out;
	}
	rc = 0;
out:
	archive_read_free(in);
	archive_write_close(out);
	archive_write_free(out);
	return rc;
}
