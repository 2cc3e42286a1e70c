/* cli_config.c - a command's options read from a file (verdict.conf): the
 * file's settings are the command's own long options, so there is one list
 * of settings, one parser (getopt) and one place that checks each value. */
#include "cli_config.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONFIG_MAX_BYTES (64 * 1024)

/* Where "--config" is in argv: its index, and the file's name. */
static int find_config(int argc, char **argv, const char **file, int *width)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return -1;
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
			*file = argv[i + 1];
			*width = 2;
			return i;
		}
		if (strncmp(argv[i], "--config=", 9) == 0) {
			*file = argv[i] + 9;
			*width = 1;
			return i;
		}
	}
	return -1;
}

static int read_config(const char *file, char *buf, char *err, size_t n)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return errf(err, n, "cannot open %s: %s", file, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return errf(err, n, "%s is not a regular file", file);
	}
	if (geteuid() == 0 && (st.st_uid != 0 || (st.st_mode & 022))) {
		close(fd);
		return errf(err, n, "%s must be owned by root and writable by root alone (chown root %s; chmod go-w %s): "
				    "root acts on what it says", file, file, file);
	}
	ssize_t len = read(fd, buf, CONFIG_MAX_BYTES + 1);
	close(fd);
	if (len < 0)
		return errf(err, n, "cannot read %s: %s", file, strerror(errno));
	if (len > CONFIG_MAX_BYTES)
		return errf(err, n, "%s is over %d KiB", file, CONFIG_MAX_BYTES / 1024);
	buf[len] = 0;
	if (memchr(buf, 0, (size_t)len))
		return errf(err, n, "%s has a NUL byte: not a text file", file);
	return 0;
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	char *e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = 0;
	return s;
}

static const struct option *find_option(const struct option *opts, const char *name)
{
	if (strcmp(name, "config") == 0 || strcmp(name, "help") == 0)
		return NULL;
	for (; opts->name; opts++)
		if (strcmp(opts->name, name) == 0)
			return opts;
	return NULL;
}

static int yes_no(const char *v)
{
	static const char *const yes[] = { "yes", "true", "1", "on" }, *const no[] = { "no", "false", "0", "off" };
	for (size_t i = 0; i < 4; i++) {
		if (strcmp(v, yes[i]) == 0)
			return 1;
		if (strcmp(v, no[i]) == 0)
			return 0;
	}
	return -1;
}

int cli_config_expand(int *argc, char ***argv, const struct option *opts, char *err, size_t n)
{
	const char *file;
	int width, at = find_config(*argc, *argv, &file, &width);
	if (at < 0)
		return 0;
	char *buf = malloc(CONFIG_MAX_BYTES + 1);
	/* At most one setting per line: two words each, plus what was there. */
	char **out = buf ? calloc((size_t)*argc + 2 * (CONFIG_MAX_BYTES / 2) + 1, sizeof *out) : NULL;
	if (!out) {
		free(buf);
		return errf(err, n, "out of memory");
	}
	if (read_config(file, buf, err, n) < 0)
		goto fail;
	int k = 0, line_no = 0;
	out[k++] = (*argv)[0];
	for (char *line = buf, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		line_no++;
		char *s = trim(line);
		if (!*s || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (!eq) {
			errf(err, n, "%s line %d: '%s' is not NAME = VALUE", file, line_no, s);
			goto fail;
		}
		*eq = 0;
		char *name = trim(s), *value = trim(eq + 1);
		const struct option *o = find_option(opts, name);
		if (!o) {
			errf(err, n, "%s line %d: unknown setting '%s' (the settings are the command's options, "
				     "without their dashes)", file, line_no, name);
			goto fail;
		}
		size_t flag_len = strlen(name) + 3;
		char *flag = malloc(flag_len);
		if (!flag) {
			errf(err, n, "out of memory");
			goto fail;
		}
		snprintf(flag, flag_len, "--%s", name);
		if (o->has_arg == no_argument) {
			int on = yes_no(value);
			if (on < 0) {
				free(flag);
				errf(err, n, "%s line %d: %s takes yes or no, not '%s'", file, line_no, name, value);
				goto fail;
			}
			if (on)
				out[k++] = flag;
			else
				free(flag);
		} else {
			if (!*value) {
				free(flag);
				errf(err, n, "%s line %d: %s has no value", file, line_no, name);
				goto fail;
			}
			out[k++] = flag;
			out[k++] = value;
		}
	}
	for (int i = 1; i < *argc; i++)
		if (i < at || i >= at + width)
			out[k++] = (*argv)[i];
	out[k] = NULL;
	*argc = k;
	*argv = out; /* buf and out live until exit: the values point into buf */
	return 0;
fail:
	free(out);
	free(buf);
	return -1;
}
