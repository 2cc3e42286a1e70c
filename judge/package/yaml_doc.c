/* yaml_doc.c - read a YAML file (libyaml's document API) and look things up in it. */
#include "yaml_doc.h"
#include "fsutil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int yaml_doc_load(struct yaml_doc *y, const char *path, char *err, size_t n)
{
	memset(y, 0, sizeof *y);
	/* Read whole, bounded, from a regular file: libyaml keeps every node of
	 * a document in memory, so a large file would cost the judge (root)
	 * many times its size. */
	char *text = malloc(YAML_DOC_MAX_BYTES + 1);
	int truncated;
	ssize_t len = text ? read_prefix(path, text, YAML_DOC_MAX_BYTES + 1, &truncated) : -1;
	if (len < 0 || truncated) {
		int e = text ? errno : ENOMEM;
		free(text);
		if (len >= 0)
			snprintf(err, n, "larger than %d KiB, the most a YAML file may be", YAML_DOC_MAX_BYTES / 1024);
		else if (e == ENOENT)
			return 0;
		else
			snprintf(err, n, "%s", e == EINVAL || e == ELOOP ? "not a regular file" : strerror(e));
		return -2;
	}
	int rc = yaml_doc_parse(y, text, (size_t)len, path, err, n);
	free(text);
	return rc;
}

int yaml_doc_parse(struct yaml_doc *y, const char *text, size_t len, const char *name, char *err, size_t n)
{
	memset(y, 0, sizeof *y);
	yaml_parser_t parser;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	int ok = yaml_parser_load(&parser, &y->doc);
	if (!ok)
		snprintf(err, n, "%s:%lu: %s%s%s", name, (unsigned long)parser.problem_mark.line + 1,
			 parser.problem ? parser.problem : "not valid YAML", parser.context ? " " : "",
			 parser.context ? parser.context : "");
	yaml_parser_delete(&parser);
	if (!ok)
		return -1;
	y->loaded = 1;
	return 1;
}

void yaml_doc_free(struct yaml_doc *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = 0;
}

yaml_node_t *yaml_doc_root(struct yaml_doc *y)
{
	return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

const char *yaml_doc_scalar(yaml_node_t *node)
{
	return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

yaml_node_t *yaml_doc_get(struct yaml_doc *y, yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = yaml_doc_scalar(yaml_document_get_node(&y->doc, p->key));
		if (k && strcmp(k, key) == 0)
			return yaml_document_get_node(&y->doc, p->value);
	}
	return NULL;
}

yaml_node_t *yaml_doc_item(struct yaml_doc *y, yaml_node_t *seq, int i)
{
	if (!seq || seq->type != YAML_SEQUENCE_NODE || i < 0 || seq->data.sequence.items.start + i >= seq->data.sequence.items.top)
		return NULL;
	return yaml_document_get_node(&y->doc, seq->data.sequence.items.start[i]);
}

void yaml_doc_each_key(struct yaml_doc *y, yaml_node_t *map, void (*fn)(const char *key, void *arg), void *arg)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = yaml_doc_scalar(yaml_document_get_node(&y->doc, p->key));
		if (k)
			fn(k, arg);
	}
}
