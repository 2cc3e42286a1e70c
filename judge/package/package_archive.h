/* package_archive.h - unpack an uploaded problem package (.zip, .kpp, .tar.gz, .tgz, .tar) safely. */
#ifndef VERDICT_PACKAGE_ARCHIVE_H
#define VERDICT_PACKAGE_ARCHIVE_H

#include <stddef.h>

/* If path names an archive (by its suffix), puts its base name (the
 * problem's name: "aplusb" for "x/aplusb.zip") in name and returns 1;
 * returns 0 for anything else, -1 if the name does not fit. */
int package_archive_name(const char *path, char *name, size_t n);

/* Unpacks the archive at path ("-": stdin) into the existing directory dest, refusing
 * (with the entry's name in err) absolute paths, "..", links out of the
 * package, hard links, devices, and more than max_bytes of content.
 * Messages name the archive shown_as (path when NULL). Not thread-safe
 * the first time (it loads libarchive): one thread at a time imports.
 * Returns 0 or -1; on -1 dest may hold a partial tree: remove it. */
int package_archive_unpack(const char *path, const char *shown_as, const char *dest, long long max_bytes, char *err,
			   size_t n);

/* package_archive_unpack in a sandbox box of its own (this program, run
 * as `verdict unpack`), which sees only the archive (on its stdin) and
 * dest (given to the box's user): what libarchive does with hostile bytes
 * happens there. Needs root (the sandbox). Returns as
 * package_archive_unpack; dest may then hold anything the box could make
 * (links, FIFOs): read it only through copy_tree. */
int package_archive_unpack_boxed(const char *path, const char *shown_as, const char *dest, long long max_bytes,
				 char *err, size_t n);

/* `verdict unpack ARCHIVE DEST MAX_BYTES NAME`, what the box runs. */
int cmd_unpack(int argc, char **argv);

#endif
