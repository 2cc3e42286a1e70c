/* interaction.c - a sample's .interaction file as a transcript on the problem page. */
#include "interaction.h"
#include "fsutil.h"

#include <stdlib.h>
#include <string.h>

static void add_line(struct tpl_dict *d, const char *side, const char *who, const char *text)
{
	struct tpl_dict *l = tpl_add_section(d, "LINE");
	if (!l)
		return;
	tpl_set(l, "SIDE", side);
	tpl_set(l, "WHO", who);
	tpl_set(l, "TEXT", text);
}

int interaction_add(struct tpl_dict *d, const char *path, size_t max)
{
	char *buf = malloc(max + 1), *block = malloc(max + 1);
	int truncated = 0;
	ssize_t got = buf && block ? read_prefix(path, buf, max + 1, &truncated) : -1;
	if (got < 0) {
		free(buf);
		free(block);
		return -1;
	}
	char side = 0; /* '<' or '>' of the block being gathered */
	size_t len = 0;
	for (char *line = buf, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		line[strcspn(line, "\r")] = 0;
		char kind = strcmp(line, "---") == 0 ? '-' : (line[0] == '<' || line[0] == '>') ? line[0] : 0;
		if (!kind)
			continue;
		if (kind != side && len) { /* the other side speaks: the block so far is done */
			block[len - 1] = 0;
			add_line(d, side == '<' ? "judge" : "program", side == '<' ? "judge" : "program", block);
			len = 0;
		}
		side = kind;
		if (kind == '-') {
			add_line(d, "pass", "next pass", "");
			side = 0;
			continue;
		}
		size_t n = strlen(line + 1);
		memcpy(block + len, line + 1, n);
		len += n;
		block[len++] = '\n';
	}
	if (len) {
		block[len - 1] = 0;
		add_line(d, side == '<' ? "judge" : "program", side == '<' ? "judge" : "program", block);
	}
	free(buf);
	free(block);
	return 0;
}
