/* yaml_doc.h - read a YAML file (libyaml's document API) and look things up in it. */
#ifndef VERDICT_YAML_DOC_H
#define VERDICT_YAML_DOC_H

#include <stddef.h>
#include <yaml.h>

struct yaml_doc {
	yaml_document_t doc;
	int loaded;
};

#define YAML_DOC_MAX_BYTES (1024 * 1024) /* a larger YAML file is refused */

/* Loads path, a regular file of at most YAML_DOC_MAX_BYTES. Returns 1 when
 * loaded, 0 when the file does not exist (an empty document), -1 with
 * "path:line: problem" in err on a syntax error, -2 with why in err when
 * it is too large, not a regular file or unreadable. */
int yaml_doc_load(struct yaml_doc *y, const char *path, char *err, size_t n);

/* Parses text (len bytes, already read and bounded by the caller) as
 * yaml_doc_load does; name is for messages. Returns 1, or -1 with
 * "name:line: problem" in err. */
int yaml_doc_parse(struct yaml_doc *y, const char *text, size_t len, const char *name, char *err, size_t n);
void yaml_doc_free(struct yaml_doc *y);

/* The root node, or NULL for an empty document. */
yaml_node_t *yaml_doc_root(struct yaml_doc *y);

/* In a mapping node: the value under key, or NULL. */
yaml_node_t *yaml_doc_get(struct yaml_doc *y, yaml_node_t *map, const char *key);

/* A scalar's text, or NULL when node is not a scalar. */
const char *yaml_doc_scalar(yaml_node_t *node);

/* Item i of a sequence node, or NULL. */
yaml_node_t *yaml_doc_item(struct yaml_doc *y, yaml_node_t *seq, int i);

/* Calls fn for each key of a mapping (to find unknown keys). */
void yaml_doc_each_key(struct yaml_doc *y, yaml_node_t *map, void (*fn)(const char *key, void *arg), void *arg);

#endif
