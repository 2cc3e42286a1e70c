/* language_version.c - what version of a language this host has: its version command's first line, run in a box.
 *
 * The command is the operator's (languages.yaml), but it runs a toolchain,
 * and toolchains read their environment and write caches: so it runs boxed
 * as a compiler does, its output into a memfd that nothing else can reach. */
#include "language_version.h"
#include "compile.h"
#include "db.h"
#include "log.h"
#include "sandbox.h"

#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* "-std=gnu17" or "--edition 2021" in the compile command, or "". */
static void standard_of(const struct language *lang, char *out, size_t n)
{
	out[0] = 0;
	for (int i = 0; lang->compile[i]; i++) {
		if (strncmp(lang->compile[i], "-std=", 5) == 0)
			snprintf(out, n, "%s", lang->compile[i]);
		else if (strcmp(lang->compile[i], "--edition") == 0 && lang->compile[i + 1])
			snprintf(out, n, "--edition %s", lang->compile[i + 1]);
	}
}

int language_version(const struct language *lang, char *out, size_t n)
{
	if (!language_installed(lang)) {
		language_missing_text(lang, out, n);
		return -1;
	}
	if (!lang->version[0]) {
		snprintf(out, n, "no version command");
		return -1;
	}
	int fd = memfd_create("version", MFD_CLOEXEC);
	if (fd < 0) {
		snprintf(out, n, "cannot make a memfd");
		return -1;
	}
	struct sandbox_config cfg;
	sandbox_config_defaults(&cfg);
	cfg.time_sec = 10;
	cfg.mem_mb = lang->compile_mem_mb;
	cfg.pids = 128; /* a JVM's threads */
	cfg.fsize_mb = 1;
	cfg.stdin_path = "/dev/null";
	cfg.stdout_fd = cfg.stderr_fd = fd;
	cfg.env[cfg.nenv++] = "HOME=/tmp";
	cfg.env[cfg.nenv++] = "LANG=C.UTF-8";
	language_box_extras(lang, &cfg, 0, NULL, 0);
	cfg.argv = (char *const *)lang->version;
	struct sandbox_result res;
	int rc = sandbox_run(&cfg, &res);
	char text[1024];
	ssize_t len = rc < 0 ? -1 : pread(fd, text, sizeof text - 1, 0);
	close(fd);
	if (rc < 0 || res.status != SANDBOX_OK || len <= 0) {
		snprintf(out, n, "the version command failed: %.200s", rc < 0 || res.status != SANDBOX_OK ? res.message : "no output");
		return -1;
	}
	text[len] = 0;
	/* The first line that is not a JVM's warning about its options. */
	char *line = text;
	while (strncmp(line, "OpenJDK 64-Bit Server VM warning", 32) == 0 && strchr(line, '\n'))
		line = strchr(line, '\n') + 1;
	line[strcspn(line, "\r\n")] = 0;
	for (char *p = line; *p; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	char standard[64];
	standard_of(lang, standard, sizeof standard);
	snprintf(out, n, "%.200s%s%s", line, *standard ? ", " : "", standard);
	return 0;
}

/* What the version depends on: the version command and the programs the
 * commands start with, by size and modification time. */
static void fingerprint(const struct language *lang, char *out, size_t n)
{
	const char *const programs[] = { lang->version[0], lang->compile[0], lang->run[0] };
	size_t len = 0;
	out[0] = 0;
	for (int i = 0; lang->version[i] && len < n; i++)
		len += (size_t)snprintf(out + len, n - len, "%s ", lang->version[i]);
	for (size_t i = 0; i < sizeof programs / sizeof *programs && len < n; i++) {
		struct stat st;
		if (programs[i] && stat(programs[i], &st) == 0)
			len += (size_t)snprintf(out + len, n - len, "|%lld:%lld", (long long)st.st_size,
						(long long)st.st_mtime);
		else
			len += (size_t)snprintf(out + len, n - len, "|-");
	}
	if (lang->disabled && len < n) /* switched on again: looked at again */
		snprintf(out + len, n - len, "|off");
}

int language_versions_record(struct db *db, const atomic_int *stop, void (*before_each)(void *arg), void *arg, char *err,
			     size_t n)
{
	int ran = 0;
	for (const struct language *l = language_all(); l->id && !*stop; l++) {
		char now_print[1024], then_print[1024], version[256];
		int installed;
		fingerprint(l, now_print, sizeof now_print);
		int found = db_language_version_get(db, l->id, version, sizeof version, &installed, then_print,
						    sizeof then_print, err, n);
		if (found < 0)
			return -1;
		if (found && strcmp(now_print, then_print) == 0)
			continue;
		if (before_each)
			before_each(arg);
		if (*stop)
			break;
		installed = language_version(l, version, sizeof version) == 0;
		if (!installed && language_installed(l)) {
			/* Its programs are here but the command failed (a JVM past
			 * its limits on a loaded host): not recorded, so the page
			 * offers it without a version and the next start tries
			 * again. Recorded as missing, it would not be offered. */
			log_warning("verdict judge: %s's version: %s", l->id, version);
			continue;
		}
		if (db_language_version_set(db, l->id, version, installed, now_print, err, n) < 0)
			return -1;
		ran++;
	}
	return ran;
}
