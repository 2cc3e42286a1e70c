/* cli_config.h - a command's options read from a file (verdict.conf). */
#ifndef VERDICT_CLI_CONFIG_H
#define VERDICT_CLI_CONFIG_H

#include <getopt.h>
#include <stddef.h>

/* When *argv holds "--config FILE" (or "--config=FILE"), reads FILE and
 * makes a new argument vector: the program name, then one "--NAME VALUE"
 * per setting of the file, then the remaining arguments (so the command
 * line overrides the file, and repeatable options add up). A setting is a
 * line "NAME = VALUE", NAME one of opts' long names (not "config" or
 * "help"); an option without a value is set by yes/true/1 and left out by
 * no/false/0; blank lines and lines starting with '#' are comments. Run as
 * root, the file must be a regular file owned by root that only root can
 * change: root acts on it. Returns 0 (*argc and *argv replaced, or left
 * alone when there is no --config; the new vector lives until exit), or -1
 * with err naming the file, the line and what is wrong. */
int cli_config_expand(int *argc, char ***argv, const struct option *opts, char *err, size_t n);

#endif
