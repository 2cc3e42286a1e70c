/* gzip_splice.h - a gzip page from three parts: the reader's own head and
 * tail, sent as stored (uncompressed) deflate blocks, and a large fragment
 * shared by every reader (a board, a gradebook), compressed once when it
 * is made.
 *
 * Why stored blocks: the head and tail hold the reader's CSRF token and
 * text they wrote; compressing secrets beside attacker-chosen text in one
 * stream is the BREACH attack. The fragment holds neither. A raw deflate
 * stream that ends with a sync flush ends on a byte boundary with no final
 * block, and its back-references reach only its own bytes, so it can be
 * placed between stored blocks as it is; the gzip trailer's CRC-32 of the
 * whole is combined from the parts' (zlib's crc32_combine). */
#ifndef VERDICT_GZIP_SPLICE_H
#define VERDICT_GZIP_SPLICE_H

#include <stddef.h>
#include <stdint.h>

struct deflated {
	unsigned char *data; /* raw deflate, sync-flushed, no final block (malloc'd) */
	size_t len;
	size_t raw_len;      /* the uncompressed length */
	uint32_t crc;        /* CRC-32 of the uncompressed bytes */
};

/* Compresses raw (len bytes) into *out. Returns 0, or -1 (out of memory,
 * *out empty). */
int deflated_make(const char *raw, size_t len, struct deflated *out);
void deflated_free(struct deflated *d);

/* The gzip member head + mid + tail (malloc'd, its length in *out_len),
 * or NULL when out of memory. */
unsigned char *gzip_splice(const char *head, size_t head_len, const struct deflated *mid, const char *tail,
			   size_t tail_len, size_t *out_len);

/* Does an Accept-Encoding header value (NULL: none) accept gzip? A
 * "gzip" or "x-gzip" coding, or "*", whose q is not 0. */
int gzip_accepted(const char *accept_encoding);

#endif
