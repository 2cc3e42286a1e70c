/* language.c - the languages Verdict judges, as data: one row each.
 *
 * Toolchains are Debian's, named by absolute path so that nothing on the
 * judge's PATH (pyenv shims, another JDK) can change what runs. C and C++
 * are linked statically, as Kattis and DOMjudge do: a static binary starts
 * faster and needs nothing from the box but itself. */
#include "language.h"

#include <stdio.h>
#include <string.h>

#define JDK "/usr/lib/jvm/java-17-openjdk-amd64/bin/"

static const struct language languages[] = {
	{
		.id = "c", .name = "C",
		.extensions = { ".c" },
		.source_name = "main.c",
		.compile = { "/usr/bin/gcc", "-std=gnu17", "-O2", "-pipe", "-static", "-o", "main", "{file}", "-lm", NULL },
		.run = { "/sub/main", NULL },
		.compile_time_sec = 30, .compile_mem_mb = 512,
		.packages = "gcc libc6-dev",
	},
	{
		.id = "cpp", .name = "C++",
		.extensions = { ".cc", ".cpp", ".cxx", ".c++", ".C" },
		.source_name = "main.cpp",
		.compile = { "/usr/bin/g++", "-std=gnu++20", "-O2", "-pipe", "-static", "-o", "main", "{file}", NULL },
		.run = { "/sub/main", NULL },
		.compile_time_sec = 30, .compile_mem_mb = 512,
		.packages = "g++ libstdc++-12-dev",
	},
	{
		.id = "python3", .name = "Python 3",
		.extensions = { ".py", ".py3" },
		.source_name = "main.py",
		/* Byte-compiling finds syntax errors (a CE, as on Kattis) and
		 * leaves __pycache__ for the runs. */
		.compile = { "/usr/bin/python3", "-m", "py_compile", "{file}", NULL },
		.run = { "/usr/bin/python3", "/sub/{file}", NULL },
		.compile_time_sec = 30, .compile_mem_mb = 512,
		.compile_entry_only = 1, /* imports are compiled when they load */
		.packages = "python3",
	},
	{
		.id = "java", .name = "Java",
		.extensions = { ".java" },
		.source_name = NULL, /* the public class must match the file's name */
		/* -proc:none: annotation processors would run code while compiling. */
		/* TieredStopAtLevel=1: javac is short-lived, and C1 alone halves
		 * its CPU (0.77 s against 1.43 s here, under emulation 30 s). */
		.compile = { JDK "javac", "-J-Xmx384m", "-J-XX:+UseSerialGC", "-J-XX:TieredStopAtLevel=1", "-encoding",
			     "UTF-8", "-proc:none",
			     "-d", ".", "{file}", NULL },
		/* The serial collector keeps the JVM near 16 MB on top of the heap
		 * (G1 alone filled 64 MB here); the heap gets the problem's limit. */
		.run = { JDK "java", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-Xss64m",
			 "-Xmx{mem}m", "-cp", "/sub", "{base}", NULL },
		.compile_time_sec = 30, .compile_mem_mb = 768,
		.run_extra_mem_mb = 32,
		.packages = "openjdk-17-jdk-headless",
	},
	{ .id = NULL }, /* the end */
};

const struct language *language_all(void)
{
	return languages;
}

const char *language_ids(char *out, unsigned long n)
{
	size_t len = 0;
	out[0] = 0;
	for (const struct language *l = languages; l->id; l++) {
		int w = snprintf(out + len, n - len, "%s%s", len ? ", " : "", l->id);
		if (w < 0 || (size_t)w >= n - len)
			break;
		len += (size_t)w;
	}
	return out;
}

const struct language *language_by_id(const char *id)
{
	for (const struct language *l = languages; l->id; l++)
		if (strcmp(l->id, id) == 0)
			return l;
	return NULL;
}

const struct language *language_for_file(const char *file_name)
{
	size_t n = strlen(file_name);
	for (const struct language *l = languages; l->id; l++)
		for (const char *const *e = l->extensions; *e; e++) {
			size_t m = strlen(*e);
			if (n > m && strcmp(file_name + n - m, *e) == 0)
				return l;
		}
	return NULL;
}

int language_expand(const char *tmpl, const char *file, long mem_mb, char *out, unsigned long n)
{
	size_t len = 0;
	const char *dot = strrchr(file, '.');
	size_t base_len = dot ? (size_t)(dot - file) : strlen(file);
	for (const char *p = tmpl; *p;) {
		char piece[64];
		const char *add = NULL;
		size_t add_len = 0;
		if (strncmp(p, "{file}", 6) == 0) {
			add = file, add_len = strlen(file), p += 6;
		} else if (strncmp(p, "{base}", 6) == 0) {
			add = file, add_len = base_len, p += 6;
		} else if (strncmp(p, "{mem}", 5) == 0) {
			snprintf(piece, sizeof piece, "%ld", mem_mb);
			add = piece, add_len = strlen(piece), p += 5;
		} else {
			add = p, add_len = 1, p++;
		}
		if (len + add_len + 1 > n)
			return -1;
		memcpy(out + len, add, add_len);
		len += add_len;
	}
	out[len] = 0;
	return 0;
}
