/* gzip_splice.c - a gzip page from a reader's head and tail (stored) and a fragment compressed once. */
#include "gzip_splice.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#define STORED_MAX 65535 /* a stored block's largest length */

int deflated_make(const char *raw, size_t len, struct deflated *out)
{
	memset(out, 0, sizeof *out);
	z_stream z;
	memset(&z, 0, sizeof z);
	/* Raw deflate (-15: no zlib header), level 6, the default. */
	if (deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	size_t cap = deflateBound(&z, (uLong)len) + 16;
	out->data = malloc(cap);
	if (!out->data) {
		deflateEnd(&z);
		return -1;
	}
	z.next_in = (Bytef *)raw;
	z.avail_in = (uInt)len;
	z.next_out = out->data;
	z.avail_out = (uInt)cap;
	int rc = deflate(&z, Z_SYNC_FLUSH); /* ends byte-aligned, no final block */
	out->len = cap - z.avail_out;
	deflateEnd(&z);
	if (rc != Z_OK || z.avail_in != 0) {
		deflated_free(out);
		return -1;
	}
	out->raw_len = len;
	out->crc = (uint32_t)crc32(crc32(0L, Z_NULL, 0), (const Bytef *)raw, (uInt)len);
	return 0;
}

void deflated_free(struct deflated *d)
{
	free(d->data);
	memset(d, 0, sizeof *d);
}

/* Writes bytes as stored blocks at o (the last one final if final), returns the end. */
static unsigned char *stored(unsigned char *o, const char *bytes, size_t len, int final)
{
	do {
		size_t n = len < STORED_MAX ? len : STORED_MAX;
		len -= n;
		*o++ = final && len == 0; /* BFINAL, BTYPE 00, then padding to the byte */
		*o++ = (unsigned char)(n & 0xff);
		*o++ = (unsigned char)(n >> 8);
		*o++ = (unsigned char)(~n & 0xff);
		*o++ = (unsigned char)((~n >> 8) & 0xff);
		memcpy(o, bytes, n);
		o += n;
		bytes += n;
	} while (len > 0);
	return o;
}

static unsigned char *le32(unsigned char *o, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		*o++ = (unsigned char)(v >> (8 * i));
	return o;
}

unsigned char *gzip_splice(const char *head, size_t head_len, const struct deflated *mid, const char *tail,
			   size_t tail_len, size_t *out_len)
{
	size_t blocks = (head_len / STORED_MAX + 1) + (tail_len / STORED_MAX + 1);
	size_t cap = 10 + blocks * 5 + head_len + mid->len + tail_len + 8;
	unsigned char *out = malloc(cap), *o = out;
	if (!out)
		return NULL;
	static const unsigned char header[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 }; /* deflate, no name, Unix */
	memcpy(o, header, sizeof header);
	o += sizeof header;
	if (head_len)
		o = stored(o, head, head_len, 0);
	memcpy(o, mid->data, mid->len);
	o += mid->len;
	o = stored(o, tail, tail_len, 1);
	uLong crc = crc32(crc32(0L, Z_NULL, 0), (const Bytef *)head, (uInt)head_len);
	crc = crc32_combine(crc, mid->crc, (z_off_t)mid->raw_len);
	crc = crc32_combine(crc, crc32(crc32(0L, Z_NULL, 0), (const Bytef *)tail, (uInt)tail_len), (z_off_t)tail_len);
	o = le32(o, (uint32_t)crc);
	o = le32(o, (uint32_t)(head_len + mid->raw_len + tail_len)); /* ISIZE: the length mod 2^32 */
	*out_len = (size_t)(o - out);
	return out;
}

/* Is the q parameter in [s, end) zero ("q=0", "q=0.0", "q=0.000")? */
static int q_zero(const char *s, const char *end)
{
	while (s < end) {
		while (s < end && (*s == ';' || *s == ' ' || *s == '\t'))
			s++;
		if (end - s >= 2 && (s[0] == 'q' || s[0] == 'Q') && s[1] == '=') {
			s += 2;
			if (s >= end || *s != '0')
				return 0;
			for (s++; s < end && *s != ';'; s++)
				if (*s != '.' && *s != '0' && *s != ' ' && *s != '\t')
					return 0;
			return 1;
		}
		while (s < end && *s != ';')
			s++;
	}
	return 0;
}

int gzip_accepted(const char *accept_encoding)
{
	int named = -1, star = 0; /* gzip named: its q not 0 (1) or 0 (0); "*" not 0 */
	for (const char *s = accept_encoding; s && *s;) {
		while (*s == ' ' || *s == '\t' || *s == ',')
			s++;
		const char *end = s + strcspn(s, ","), *name_end = s + strcspn(s, ",; \t");
		size_t n = (size_t)(name_end - s);
		if ((n == 4 && !strncasecmp(s, "gzip", 4)) || (n == 6 && !strncasecmp(s, "x-gzip", 6)))
			named = named == 1 || !q_zero(name_end, end);
		else if (n == 1 && *s == '*')
			star = !q_zero(name_end, end);
		s = end;
	}
	return named >= 0 ? named : star; /* a coding named outweighs "*" (RFC 9110, 12.5.3) */
}
