/* log.c - one line on stderr per event, with its level where journald reads it. */
#include "log.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int to_journal;

/* systemd's documented test: $JOURNAL_STREAM names stderr's device and inode. */
static void detect_journal(void)
{
	const char *env = getenv("JOURNAL_STREAM");
	unsigned long long dev, ino;
	struct stat st;
	to_journal = env && sscanf(env, "%llu:%llu", &dev, &ino) == 2 && fstat(2, &st) == 0 &&
		     (unsigned long long)st.st_dev == dev && (unsigned long long)st.st_ino == ino;
}

static void log_v(int level, const char *fmt, va_list ap)
{
	char line[4096];
	pthread_once(&once, detect_journal);
	int k = to_journal ? snprintf(line, sizeof line, "<%d>", level) : 0;
	int m = vsnprintf(line + k, sizeof line - (size_t)k - 1, fmt, ap);
	size_t len = (size_t)k + (m < 0 ? 0 : (size_t)m);
	if (len > sizeof line - 2)
		len = sizeof line - 2; /* cut short: the line still ends */
	line[len++] = '\n';
	ssize_t w = write(2, line, len);
	(void)w;
}

#define LOG_AT(name, level)                    \
	void name(const char *fmt, ...)        \
	{                                      \
		va_list ap;                    \
		va_start(ap, fmt);             \
		log_v(level, fmt, ap);         \
		va_end(ap);                    \
	}
LOG_AT(log_error, LOG_ERR)
LOG_AT(log_warning, LOG_WARNING)
LOG_AT(log_info, LOG_INFO)
