/* answer_bundle.c - a submit-answer submission's answer files as one text, stored like a source. */
#include "answer_bundle.h"
#include "fsutil.h"
#include "package.h"
#include "submission.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEADER "verdict-answers 1\n"
#define MAX_DEPTH 4
#define MAX_FILES 1000

int answer_name_ok(const char *name)
{
	size_t len = strlen(name);
	if (len < 5 || len > 255 || !ends_with(name, ".out"))
		return 0;
	for (const char *c = name; *c; c++) {
		if ((c == name || c[-1] == '/') && (*c == '.' || *c == '/'))
			return 0; /* no empty, hidden, "." or ".." component */
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/", *c))
			return 0;
	}
	return name[len - 1] != '/';
}

static int append(struct answer_bundle *b, const void *data, size_t len)
{
	if (b->len + len + 1 > b->cap) {
		size_t cap = (b->len + len + 1) * 2;
		char *t = realloc(b->text, cap);
		if (!t)
			return -1;
		b->text = t;
		b->cap = cap;
	}
	memcpy(b->text + b->len, data, len);
	b->len += len;
	b->text[b->len] = 0;
	return 0;
}

int answer_bundle_add(struct answer_bundle *b, const char *name, const void *data, size_t len, char *err, size_t n)
{
	if (!answer_name_ok(name))
		return errf(err, n, "'%.100s' is not an answer file's name (like secret/01.out: letters, digits, "
				    "'.', '-', '_' and '/', ending in .out)", name);
	if (memchr(data, 0, len))
		return errf(err, n, "%s is not a text file (it contains NUL bytes)", name);
	char line[300];
	int hl = snprintf(line, sizeof line, "== %s %zu\n", name, len);
	if (b->len + (b->len ? 0 : strlen(HEADER)) + (size_t)hl + len + 1 > SUBMISSION_MAX_BYTES)
		return errf(err, n, "the answers are larger than %d KiB in all", SUBMISSION_MAX_BYTES / 1024);
	if ((!b->len && append(b, HEADER, strlen(HEADER)) < 0) || append(b, line, (size_t)hl) < 0 ||
	    append(b, data, len) < 0 || append(b, "\n", 1) < 0)
		return errf(err, n, "out of memory");
	b->files++;
	return 0;
}

static int add_below(struct answer_bundle *b, const char *dir, const char *rel, int depth, char *err, size_t n)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s%s%s", dir, *rel ? "/" : "", rel);
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return errf(err, n, "cannot read %s: %s", path, strerror(errno));
	}
	int rc = 0;
	struct dirent *e;
	while (rc == 0 && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char sub[PATH_MAX];
		if ((size_t)snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name) >= 256)
			continue;
		struct stat st;
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH) {
			rc = add_below(b, dir, sub, depth + 1, err, n);
		} else if (S_ISREG(st.st_mode) && ends_with(e->d_name, ".out")) {
			if (b->files >= MAX_FILES)
				rc = errf(err, n, "more than %d answer files", MAX_FILES);
			char full[PATH_MAX + 300], *data = rc == 0 ? malloc(SUBMISSION_MAX_BYTES + 1) : NULL;
			snprintf(full, sizeof full, "%s/%s", dir, sub);
			int cut = 0;
			ssize_t got = data ? read_prefix(full, data, SUBMISSION_MAX_BYTES + 1, &cut) : -1;
			if (rc == 0 && (got < 0 || cut))
				rc = got < 0 ? errf(err, n, "cannot read %s: %s", full, strerror(errno))
					     : errf(err, n, "%s is larger than %d KiB", full, SUBMISSION_MAX_BYTES / 1024);
			if (rc == 0)
				rc = answer_bundle_add(b, sub, data, (size_t)got, err, n);
			free(data);
		}
	}
	closedir(d);
	return rc;
}

int answer_bundle_add_dir(struct answer_bundle *b, const char *dir, char *err, size_t n)
{
	int before = b->files;
	return add_below(b, dir, "", 0, err, n) < 0 ? -1 : b->files - before;
}

void answer_bundle_free(struct answer_bundle *b)
{
	free(b->text);
	memset(b, 0, sizeof *b);
}

/* Makes the directories of name below dir (root's, fresh: nothing there
 * but what we made) and writes the file. */
static int write_answer(const char *dir, const char *name, const char *data, size_t len)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	for (char *s = path + strlen(dir) + 1; (s = strchr(s, '/')); s++) {
		*s = 0;
		int made = mkdir(path, 0755);
		*s = '/';
		if (made < 0 && errno != EEXIST)
			return -1;
	}
	return write_new_file(path, data, len);
}

int answer_bundle_unpack(const char *text, size_t len, const struct package *p, const char *dir, char *err,
			 size_t n)
{
	size_t hl = strlen(HEADER);
	if (len < hl || memcmp(text, HEADER, hl) != 0)
		return errf(err, n, "the answers do not start with '%.*s'", (int)hl - 1, HEADER);
	for (size_t at = hl; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		char name[300];
		size_t size;
		int used = 0;
		if (!nl || (size_t)(nl - (text + at)) >= sizeof name + 30 ||
		    sscanf(text + at, "== %299s %zu%n", name, &size, &used) != 2 || text + at + used != nl ||
		    size > len - (size_t)(nl + 1 - text) - 1 || nl[1 + size] != '\n')
			return errf(err, n, "the answers are malformed at byte %zu", at);
		const char *data = nl + 1;
		at = (size_t)(data + size + 1 - text);
		int known = 0;
		for (int i = 0; i < p->ntests && !known; i++) {
			size_t tl = strlen(p->tests[i].name);
			known = strncmp(name, p->tests[i].name, tl) == 0 && strcmp(name + tl, ".out") == 0;
		}
		if (known && answer_name_ok(name) && write_answer(dir, name, data, size) < 0)
			return errf(err, n, "cannot write the answer %s: %s", name, strerror(errno));
	}
	return 0;
}
