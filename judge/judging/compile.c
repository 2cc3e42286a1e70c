/* compile.c - turn a submission's source into something the sandbox can run.
 *
 * Compiling is as untrusted as running: `#include "/dev/urandom"`, template
 * explosions and 2 GB static arrays must end as CE, not as a hung judge.
 * So the compiler runs in the sandbox, with the source's directory as its
 * writable /box and the language's compile limits; its messages go to one
 * file (stdout and stderr through one descriptor, so they interleave as a
 * terminal would) of which the first COMPILE_OUTPUT_MAX bytes are kept.
 */
#include "compile.h"
#include "fsutil.h"
#include "sandbox.h"
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SOURCE_MAX_BYTES (1 << 20) /* a larger source is refused before it gets here */
#define COMPILE_LOG "compile.log"

void build_remove(struct build *b)
{
	if (b->dir[0])
		remove_tree(b->dir);
	b->dir[0] = 0;
}

void language_box_extras(const struct language *lang, struct sandbox_config *cfg, int for_run, char (*store)[512],
			 long mem_mb)
{
	for (const char *const *p = lang->binds; *p && cfg->nbinds < SANDBOX_MAX_BINDS; p++)
		cfg->binds[cfg->nbinds++] = (struct sandbox_bind){ *p, *p, 0 };
	const char *const *env = for_run ? lang->run_env : lang->compile_env;
	for (int i = 0; env[i] && cfg->nenv < SANDBOX_MAX_ENV; i++) {
		if (!store)
			cfg->env[cfg->nenv++] = env[i];
		else if (language_expand(env[i], "", mem_mb, store[i], sizeof store[i]) == 0)
			cfg->env[cfg->nenv++] = store[i];
	}
}

/* The compiler's messages: the log, truncated, with a line saying so. */
static void keep_output(struct build *b, const char *log_path, const char *why)
{
	int truncated = 0;
	char *out = b->output;
	size_t room = sizeof b->output - 64;
	ssize_t len = read_prefix(log_path, out, room, &truncated);
	if (len < 0)
		len = 0, out[0] = 0;
	if (truncated)
		snprintf(out + len, sizeof b->output - (size_t)len, "\n[... compiler output truncated]\n");
	if (why) {
		size_t used = strlen(out);
		snprintf(out + used, sizeof b->output - used, "%s%s\n", used ? "\n" : "", why);
	}
}

int build_run_compiler(struct build *b, char *const argv[], double time_sec, long mem_mb, char *err,
		       unsigned long errlen)
{
	char log_path[PATH_MAX + 32];
	snprintf(log_path, sizeof log_path, "%s/" COMPILE_LOG, b->dir);
	/* Outside the box's view (it is root's), but in its directory: the
	 * compiler sees it at /box/compile.log and cannot replace it. */
	int log = open(log_path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0600);
	if (log < 0)
		return errf(err, errlen, "cannot create %s: %s", log_path, strerror(errno));

	struct sandbox_config cfg;
	sandbox_config_defaults(&cfg);
	cfg.time_sec = time_sec;
	cfg.wall_sec = 2 * time_sec + 5;
	cfg.mem_mb = mem_mb;
	cfg.pids = 128;             /* gcc's driver, cc1, as, ld; the JVM's threads */
	cfg.fsize_mb = 64;          /* no binary is that large; the log is cut off there too */
	cfg.box_size_mb = 256;      /* /tmp for the compiler's intermediate files */
	cfg.stdin_path = "/dev/null";
	cfg.stdout_fd = cfg.stderr_fd = log;
	cfg.binds[0] = (struct sandbox_bind){ b->dir, "/box", 1 };
	cfg.nbinds = 1;
	cfg.env[cfg.nenv++] = "HOME=/box";
	cfg.env[cfg.nenv++] = "TMPDIR=/tmp";
	cfg.env[cfg.nenv++] = "LANG=C.UTF-8";
	if (b->lang) /* what the language's toolchain needs: a cache's place, its configuration */
		language_box_extras(b->lang, &cfg, 0, NULL, 0);
	cfg.argv = argv;

	struct sandbox_result res;
	int rc = sandbox_run(&cfg, &res);
	close(log);
	b->cpu_ms = res.cpu_ms;
	b->wall_ms = res.wall_ms;
	b->mem_kb = res.mem_kb;
	if (rc < 0) {
		b->verdict = VERDICT_JE;
		snprintf(b->output, sizeof b->output, "the sandbox failed while compiling: %s", res.message);
		return 0;
	}
	switch (res.status) {
	case SANDBOX_OK:
		b->verdict = VERDICT_AC;
		keep_output(b, log_path, NULL);
		break;
	case SANDBOX_TLE:
		b->verdict = VERDICT_CE;
		keep_output(b, log_path, "Compilation took too long.");
		break;
	case SANDBOX_MLE:
		b->verdict = VERDICT_CE;
		keep_output(b, log_path, "The compiler ran out of memory.");
		break;
	case SANDBOX_OLE:
		b->verdict = VERDICT_CE;
		keep_output(b, log_path, "The compiler wrote too much (output or files).");
		break;
	default:
		b->verdict = VERDICT_CE;
		keep_output(b, log_path, NULL);
		break;
	}
	return 0;
}

/* A language whose toolchain is not on this host: a judge error (the host's
 * fault, not the student's; a rejudge after installing it judges it), with
 * the reason for the result. */
static int not_installed(struct build *b)
{
	b->verdict = VERDICT_JE;
	language_missing_text(b->lang, b->output, sizeof b->output);
	return 0;
}

static int run_compiler(struct build *b, char *err, unsigned long errlen)
{
	const struct language *lang = b->lang;
	char args[LANGUAGE_MAX_ARGS][512];
	char *argv[LANGUAGE_MAX_ARGS + 1];
	int argc = 0;
	for (; lang->compile[argc]; argc++) {
		if (language_expand(lang->compile[argc], b->file, 0, args[argc], sizeof args[argc]) < 0)
			return errf(err, errlen, "compile command too long");
		argv[argc] = args[argc];
	}
	argv[argc] = NULL;
	return build_run_compiler(b, argv, lang->compile_time_sec, lang->compile_mem_mb, err, errlen);
}

int compile_submission(struct build *b, const struct language *lang, const char *source_path,
		       const char *submitted_name, const char *work_root, char *err, unsigned long errlen)
{
	memset(b, 0, sizeof *b);
	b->lang = lang;
	if (!language_installed(lang))
		return not_installed(b);
	const char *base = strrchr(submitted_name, '/');
	base = base ? base + 1 : submitted_name;
	if (lang->source_name) {
		snprintf(b->file, sizeof b->file, "%s", lang->source_name);
	} else {
		if (!language_class_file_ok(lang, base))
			return errf(err, errlen, "a %s source must be named after its public class, like Main%s (got '%s')",
				    lang->name, lang->extensions[0], base);
		snprintf(b->file, sizeof b->file, "%s", base);
	}
	if (make_work_dir(work_root, "build-", SANDBOX_UID, b->dir, sizeof b->dir) < 0)
		return errf(err, errlen, "cannot create a build directory in %s: %s", work_root, strerror(errno));
	char dst[PATH_MAX + 256];
	snprintf(dst, sizeof dst, "%s/%s", b->dir, b->file);
	if (copy_file(source_path, dst, 0644, SOURCE_MAX_BYTES) < 0) {
		int e = errno;
		build_remove(b);
		return errf(err, errlen, "cannot read the source %s: %s", source_path,
			    e == EFBIG ? "larger than 1 MB" : strerror(e));
	}
	if (!lang->compile[0]) {
		b->verdict = VERDICT_AC;
		return 0;
	}
	if (run_compiler(b, err, errlen) < 0) {
		build_remove(b);
		return -1;
	}
	return 0;
}

#define DIR_MAX_FILES 64

/* The visible regular files directly in dir, sorted; returns how many. */
static int list_files(const char *dir, char names[][256], int max)
{
	struct dirent **list;
	int n = scandir(dir, &list, NULL, alphasort), count = 0;
	for (int i = 0; i < n; i++) {
		char path[PATH_MAX + 256];
		struct stat st;
		snprintf(path, sizeof path, "%.4000s/%.255s", dir, list[i]->d_name);
		if (list[i]->d_name[0] != '.' && count < max && lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    strlen(list[i]->d_name) < 256)
			snprintf(names[count++], 256, "%s", list[i]->d_name);
		free(list[i]);
	}
	if (n >= 0)
		free(list);
	return count;
}

const struct language *language_for_dir(const char *dir)
{
	char names[DIR_MAX_FILES][256];
	int n = list_files(dir, names, DIR_MAX_FILES), best_count = 0;
	char first_lines[DIR_MAX_FILES][256];
	for (int i = 0; i < n; i++) {
		char path[PATH_MAX + 256];
		int truncated;
		snprintf(path, sizeof path, "%.4000s/%.255s", dir, names[i]);
		if (read_prefix(path, first_lines[i], sizeof first_lines[i], &truncated) < 0)
			first_lines[i][0] = 0;
		first_lines[i][strcspn(first_lines[i], "\r\n")] = 0;
	}
	/* problemtools' rule: the most files that are evidence for it, a tie
	 * to the higher priority. */
	const struct language *best = NULL;
	for (const struct language *lang = language_all(); lang->id; lang++) {
		int count = 0;
		for (int i = 0; i < n; i++)
			count += language_claims(lang, names[i], first_lines[i]);
		if (count > best_count || (count && count == best_count && lang->priority > best->priority)) {
			best = lang;
			best_count = count;
		}
	}
	return best;
}

int compile_entry_is(const char *name, const char *entry)
{
	const char *dot = strrchr(name, '.');
	size_t len = strlen(entry);
	return !strcmp(name, entry) || (dot && (size_t)(dot - name) == len && !strncmp(name, entry, len));
}

int compile_submission_dir(struct build *b, const struct language *lang, const char *dir, const char *entry_name,
			   const char *work_root, char *err, unsigned long errlen)
{
	memset(b, 0, sizeof *b);
	b->lang = lang;
	if (!language_installed(lang))
		return not_installed(b);
	char names[DIR_MAX_FILES][256];
	int n = list_files(dir, names, DIR_MAX_FILES), entry = -1;
	for (int i = 0; i < n; i++) {
		if (!language_has_file(lang, names[i]))
			continue;
		if (entry_name ? compile_entry_is(names[i], entry_name) && entry < 0
			       : entry < 0 || strncasecmp(names[i], "main.", 5) == 0)
			entry = i; /* the named entry; else main.* wins, else the first source */
	}
	if (entry < 0 && entry_name)
		return errf(err, errlen, "the entry point '%s' is none of the %s sources in %s", entry_name, lang->name, dir);
	if (entry < 0)
		return errf(err, errlen, "%s holds no %s source", dir, lang->name);
	if (!lang->source_name && !language_class_file_ok(lang, names[entry]))
		return errf(err, errlen, "%s: a %s source must be named after its public class", names[entry], lang->name);
	snprintf(b->file, sizeof b->file, "%.255s", names[entry]);
	if (make_work_dir(work_root, "build-", SANDBOX_UID, b->dir, sizeof b->dir) < 0)
		return errf(err, errlen, "cannot create a build directory in %s: %s", work_root, strerror(errno));
	for (int i = 0; i < n; i++) {
		char src[PATH_MAX + 256], dst[PATH_MAX + 256];
		snprintf(src, sizeof src, "%.4000s/%.255s", dir, names[i]);
		snprintf(dst, sizeof dst, "%.4000s/%.255s", b->dir, names[i]);
		if (copy_file(src, dst, 0644, SOURCE_MAX_BYTES) < 0) {
			int e = errno;
			build_remove(b);
			return errf(err, errlen, "cannot read %s: %s", src, e == EFBIG ? "larger than 1 MB" : strerror(e));
		}
	}
	if (!lang->compile[0]) {
		b->verdict = VERDICT_AC;
		return 0;
	}
	/* The template's lone "{file}" becomes every source, or the entry
	 * alone (compile_entry_only). */
	char args[LANGUAGE_MAX_ARGS + DIR_MAX_FILES][512];
	char *argv[LANGUAGE_MAX_ARGS + DIR_MAX_FILES + 1];
	int argc = 0, every = !lang->compile_entry_only;
	for (int t = 0; lang->compile[t]; t++) {
		if (strcmp(lang->compile[t], "{file}") == 0 && every) {
			for (int i = 0; i < n; i++)
				if (language_has_file(lang, names[i])) {
					snprintf(args[argc], sizeof args[argc], "%.255s", names[i]);
					argv[argc] = args[argc];
					argc++;
				}
			continue;
		}
		if (language_expand(lang->compile[t], b->file, 0, args[argc], sizeof args[argc]) < 0) {
			build_remove(b);
			return errf(err, errlen, "compile command too long");
		}
		argv[argc] = args[argc];
		argc++;
	}
	argv[argc] = NULL;
	if (build_run_compiler(b, argv, lang->compile_time_sec, lang->compile_mem_mb, err, errlen) < 0) {
		build_remove(b);
		return -1;
	}
	return 0;
}
