/* package_archive.c - unpack an uploaded problem package (.zip, .kpp, .tar.gz, .tgz, .tar) safely.
 *
 * An archive is hostile input. Every entry is checked before anything is
 * written: absolute paths, ".." components, links that lead out of the
 * package, hard links, devices and FIFOs are refused by name, and the
 * unpacked size, the number of entries (the directories an entry's path
 * makes included) and their depth are capped (counted as the data is
 * written, not as the headers claim). libarchive's own secure-extraction
 * flags are on as a second line. What is unpacked is still the
 * instructor's: problem_import_dir copies it (copy_tree resolves links
 * inside it) before anything reads it.
 *
 * The unpacking itself runs in a sandbox box of its own
 * (package_archive_unpack_boxed): libarchive parses hostile bytes, and
 * there it does so as an unprivileged user who sees only the archive
 * (on its stdin, opened by root: the box's user need not be able to open
 * it) and the directory it fills, under time, memory and file size limits.
 * The box runs this same program as `verdict unpack`.
 *
 * Only zip and tar are read, and only the gzip, bzip2 and xz filters, with
 * the libraries libarchive is built with. libarchive falls back to running
 * an external program (lrzip, grzip, lzop, zstd, ...) for a filter it has
 * no library for, and says so with ARCHIVE_WARN when the filter is asked
 * for: such a filter is refused, never enabled.
 *
 * libarchive is loaded (dlopen) the first time an archive is unpacked, not
 * linked: it brings libxml2, ICU and libstdc++ along, and every process
 * that starts build/verdict (one per `verdict sandbox` run) would load them
 * for nothing (4.5 ms of start-up against 0.8 ms measured here). The
 * pointers below have the types of libarchive's own declarations.
 */
#include "package_archive.h"
#include "fsutil.h"
#include "late_lib.h"
#include "sandbox.h"
#include "util.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_ENTRIES 100000
#define MAX_DEPTH 32 /* directories, as copy_tree allows (problem_import.c) */

#define LIBARCHIVE_FUNCTIONS(X)                                                                               \
	X(archive_read_new) X(archive_write_disk_new) X(archive_read_free) X(archive_write_free)              \
	X(archive_read_support_filter_gzip) X(archive_read_support_filter_bzip2) X(archive_read_support_filter_xz) X(archive_read_support_format_zip) X(archive_read_support_format_tar) \
	X(archive_write_disk_set_options) X(archive_read_open_filename) X(archive_read_open_fd) X(archive_error_string)                \
	X(archive_read_next_header) X(archive_entry_pathname) X(archive_entry_filetype) X(archive_entry_hardlink) \
	X(archive_entry_symlink) X(archive_entry_set_pathname) X(archive_entry_set_perm) X(archive_entry_perm)   \
	X(archive_entry_set_uid) X(archive_entry_set_gid) X(archive_write_header) X(archive_read_data_block)     \
	X(archive_write_data_block) X(archive_write_finish_entry) X(archive_write_close)

static struct {
	LIBARCHIVE_FUNCTIONS(LATE_DECLARE)
} la;
#define LA_SYMBOL(name) { #name, (void **)&la.name },
static const struct late_symbol la_symbols[] = { LIBARCHIVE_FUNCTIONS(LA_SYMBOL) };

static int load_libarchive(char *err, size_t n)
{
	static int loaded; /* archives are unpacked by single-threaded commands */
	return late_lib_load(&loaded, "libarchive.so.13", "libarchive13", la_symbols, sizeof la_symbols / sizeof *la_symbols,
			     err, n);
}

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

/* The filters packages may use, each with libarchive's own library. */
static int support_filters(struct archive *in, char *err, size_t n)
{
	static const struct {
		const char *name;
		int (**enable)(struct archive *);
	} filters[] = { { "gzip", &la.archive_read_support_filter_gzip },
			{ "bzip2", &la.archive_read_support_filter_bzip2 },
			{ "xz", &la.archive_read_support_filter_xz } };
	for (size_t i = 0; i < sizeof filters / sizeof *filters; i++) {
		int r = (*filters[i].enable)(in);
		if (r == ARCHIVE_WARN)
			return errf(err, n, "this libarchive would run an external %s program to read such archives: "
					    "refused (install a libarchive built with %s)", filters[i].name, filters[i].name);
		if (r != ARCHIVE_OK)
			return errf(err, n, "libarchive cannot read %s: %s", filters[i].name, la.archive_error_string(in));
	}
	return 0;
}

/* How many directories name's path would make below dest (those that do
 * not exist yet), or -1 when it is nested deeper than MAX_DEPTH. */
static int new_directories(const char *dest, const char *name, int is_dir)
{
	char path[PATH_MAX];
	int depth = is_dir, made = 0;
	for (const char *p = name; *p; p++)
		depth += *p == '/' && p[1] && p[1] != '/';
	if (depth > MAX_DEPTH)
		return -1;
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dest, name) >= sizeof path)
		return 0; /* refused as too long when it is unpacked */
	struct stat st;
	for (char *slash; (slash = strrchr(path + strlen(dest), '/')) && slash > path + strlen(dest);) {
		*slash = 0;
		if (lstat(path, &st) == 0)
			break;
		made++;
	}
	return made;
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

int package_archive_unpack(const char *path, const char *shown_as, const char *dest, long long max_bytes, char *err,
			   size_t n)
{
	if (load_libarchive(err, n) < 0)
		return -1;
	struct archive *in = la.archive_read_new(), *out = la.archive_write_disk_new();
	if (!in || !out) {
		la.archive_read_free(in);
		la.archive_write_free(out);
		return errf(err, n, "out of memory");
	}
	const char *shown = shown_as ? shown_as : path;
	int rc = -1;
	if (support_filters(in, err, n) < 0)
		goto out;
	if (la.archive_read_support_format_zip(in) != ARCHIVE_OK || la.archive_read_support_format_tar(in) != ARCHIVE_OK) {
		errf(err, n, "libarchive cannot read zip or tar: %s", la.archive_error_string(in));
		goto out;
	}
	/* (Not SECURE_NOABSOLUTEPATHS: names are checked here first, then
	 * rewritten to absolute paths under dest.) */
	la.archive_write_disk_set_options(out, ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NODOTDOT |
						    ARCHIVE_EXTRACT_NO_OVERWRITE);
	int opened = strcmp(path, "-") == 0 ? la.archive_read_open_fd(in, 0, 65536) /* the box's stdin */
					    : la.archive_read_open_filename(in, path, 65536);
	if (opened != ARCHIVE_OK) {
		errf(err, n, "%s: not a readable archive: %s", shown, la.archive_error_string(in));
		goto out;
	}
	long long written = 0;
	int entries = 0;
	struct archive_entry *e;
	int r;
	while ((r = la.archive_read_next_header(in, &e)) == ARCHIVE_OK) {
		/* A copy: setting the entry's path below reuses its buffer. */
		char name[PATH_MAX];
		const char *raw = la.archive_entry_pathname(e);
		mode_t type = la.archive_entry_filetype(e);
		if (!raw || strlen(raw) >= sizeof name || !safe_name(raw)) {
			errf(err, n, "%s: entry '%.300s' is an absolute path or leaves the package with '..'", shown,
			     raw ? raw : "(no name)");
			goto out;
		}
		memcpy(name, raw, strlen(raw) + 1);
		int dirs = new_directories(dest, name, type == AE_IFDIR);
		if (dirs < 0) {
			errf(err, n, "%s: entry '%.300s' is nested more than %d directories deep", shown, name, MAX_DEPTH);
			goto out;
		}
		entries += dirs;
		if (++entries > MAX_ENTRIES) {
			errf(err, n, "%s: more than %d entries (files and directories)", shown, MAX_ENTRIES);
			goto out;
		}
		if (la.archive_entry_hardlink(e)) {
			errf(err, n, "%s: entry '%s' is a hard link, which packages may not contain", shown, name);
			goto out;
		}
		if (type == AE_IFLNK && !safe_link(name, la.archive_entry_symlink(e))) {
			errf(err, n, "%s: entry '%s' is a link that leads out of the package (to %s)", shown, name,
			     la.archive_entry_symlink(e) ? la.archive_entry_symlink(e) : "?");
			goto out;
		}
		if (type != AE_IFREG && type != AE_IFDIR && type != AE_IFLNK) {
			errf(err, n, "%s: entry '%s' is neither a file, a directory nor a link", shown, name);
			goto out;
		}
		char full[PATH_MAX];
		if ((size_t)snprintf(full, sizeof full, "%s/%s", dest, name) >= sizeof full) {
			errf(err, n, "%s: entry '%s': path too long", shown, name);
			goto out;
		}
		la.archive_entry_set_pathname(e, full);
		/* Plain permissions: no set-id bits, nobody else's ownership. */
		la.archive_entry_set_perm(e, type == AE_IFDIR || (la.archive_entry_perm(e) & 0111) ? 0755 : 0644);
		la.archive_entry_set_uid(e, 0);
		la.archive_entry_set_gid(e, 0);
		if (la.archive_write_header(out, e) != ARCHIVE_OK) {
			errf(err, n, "%s: cannot unpack '%s': %s", shown, name, la.archive_error_string(out));
			goto out;
		}
		const void *buf;
		size_t size;
		la_int64_t offset;
		while ((r = la.archive_read_data_block(in, &buf, &size, &offset)) == ARCHIVE_OK) {
			written += (long long)size;
			if (written > max_bytes) {
				errf(err, n, "%s: unpacks to more than %lld MB", shown, max_bytes >> 20);
				goto out;
			}
			if (la.archive_write_data_block(out, buf, size, offset) != ARCHIVE_OK) {
				errf(err, n, "%s: cannot write '%s': %s", shown, name, la.archive_error_string(out));
				goto out;
			}
		}
		if (r != ARCHIVE_EOF) {
			errf(err, n, "%s: damaged entry '%s': %s", shown, name, la.archive_error_string(in));
			goto out;
		}
		la.archive_write_finish_entry(out);
	}
	if (r != ARCHIVE_EOF) {
		errf(err, n, "%s: damaged archive: %s", shown, la.archive_error_string(in));
		goto out;
	}
	if (entries == 0) {
		errf(err, n, "%s: the archive is empty", shown);
		goto out;
	}
	rc = 0;
out:
	la.archive_read_free(in);
	la.archive_write_close(out);
	la.archive_write_free(out);
	return rc;
}

/* `verdict unpack ARCHIVE DEST MAX_BYTES NAME` (ARCHIVE "-": stdin): the
 * box's half of package_archive_unpack_boxed. Exits 2 with the reason on
 * stderr when the archive is refused. */
int cmd_unpack(int argc, char **argv)
{
	if (argc != 5) {
		fputs("usage: verdict unpack ARCHIVE DEST MAX_BYTES NAME\n"
		      "(problem add runs it in a sandbox box to unpack a package archive)\n", stderr);
		return 1;
	}
	char err[1024];
	if (package_archive_unpack(argv[1], argv[4], argv[2], atoll(argv[3]), err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	return 0;
}

int package_archive_unpack_boxed(const char *path, const char *shown_as, const char *dest, long long max_bytes,
				 char *err, size_t n)
{
	char self[PATH_MAX], errors[PATH_MAX + 16], max[32], shown[256], why[1024] = "";
	snprintf(shown, sizeof shown, "%s", shown_as ? shown_as : path);
	ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
	if (len < 0)
		return errf(err, n, "%s: cannot find the verdict program to unpack it: %s", shown, strerror(errno));
	self[len] = 0;
	/* dest is filled by the box's user; the messages go beside it, in
	 * the caller's (root's) directory, where the box cannot reach. */
	if (chown(dest, SANDBOX_UID, SANDBOX_UID) < 0 || chmod(dest, 0755) < 0 ||
	    (size_t)snprintf(errors, sizeof errors, "%s.err", dest) >= sizeof errors)
		return errf(err, n, "%s: cannot prepare %s: %s", shown, dest, strerror(errno ? errno : ENAMETOOLONG));
	snprintf(max, sizeof max, "%lld", max_bytes);
	char *argv[] = { "/verdict", "unpack", "-", "/out", max, shown, NULL };
	struct sandbox_config cfg;
	sandbox_config_defaults(&cfg);
	cfg.time_sec = 120;          /* 100,000 small entries take a few seconds */
	cfg.wall_sec = 240;
	cfg.mem_mb = 512;
	cfg.pids = 4;
	/* No file larger than twice the whole: the count above stops the
	 * unpacking itself (at max_bytes, with its message), this the box. */
	cfg.fsize_mb = 2 * (max_bytes >> 20) + 16;
	cfg.stdin_path = path;
	cfg.stdout_path = "/dev/null";
	cfg.stderr_path = errors;
	cfg.binds[0] = (struct sandbox_bind){ self, "/verdict", 0 };
	cfg.binds[1] = (struct sandbox_bind){ dest, "/out", 1 };
	cfg.nbinds = 2;
	cfg.argv = argv;
	if (sandbox_init(why, sizeof why) < 0)
		return errf(err, n, "%s: cannot unpack it: %s", shown, why);
	struct sandbox_result res;
	int rc = sandbox_run(&cfg, &res);
	int truncated;
	if (read_prefix(errors, why, sizeof why, &truncated) < 0)
		why[0] = 0;
	unlink(errors);
	why[strcspn(why, "\n")] = 0;
	if (rc == 0 && res.status == SANDBOX_OK)
		return 0;
	if (rc == 0 && res.status == SANDBOX_RE && res.signal == 0 && res.exit_code == 2 && why[0])
		return errf(err, n, "%s", why);
	return errf(err, n, "%s: unpacking it failed: %s%s%.400s", shown, res.message, why[0] ? ": " : "", why);
}
