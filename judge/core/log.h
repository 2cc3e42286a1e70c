/* log.h - one line on stderr per event, with its level where journald reads it. */
#ifndef VERDICT_LOG_H
#define VERDICT_LOG_H

/* Each writes "FORMAT\n" to stderr in one write(2), so lines of several
 * processes and threads never interleave. When stderr is the journal's
 * stream (systemd sets $JOURNAL_STREAM to its device:inode), the line
 * starts with the syslog level, "<3>" for an error, "<4>" a warning, "<6>"
 * information, which journald strips and keeps as the entry's priority
 * (`journalctl -u verdict -p warning`); on a terminal the line is as is. */
__attribute__((format(printf, 1, 2))) void log_error(const char *fmt, ...);
__attribute__((format(printf, 1, 2))) void log_warning(const char *fmt, ...);
__attribute__((format(printf, 1, 2))) void log_info(const char *fmt, ...);

#endif
