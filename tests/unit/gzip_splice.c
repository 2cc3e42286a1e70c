/* gzip_splice: a page made of stored head and tail blocks around a fragment
 * compressed once inflates back to the page, with the right CRC-32 and
 * length (zlib checks both), for parts larger than a stored block; and
 * which Accept-Encoding values accept gzip. Prints TAP lines. */
#include "gzip_splice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static int failed;

static void check(int ok, const char *what, const char *detail)
{
	printf("%s - gzip_splice: %s%s%s\n", ok ? "ok" : "not ok", what, ok ? "" : ": ", ok ? "" : detail);
	failed |= !ok;
}

/* Inflates a gzip member (zlib checks its CRC-32 and ISIZE). Returns the bytes (malloc'd) or NULL. */
static char *gunzip(const unsigned char *gz, size_t len, size_t cap, size_t *out_len, char *why, size_t n)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	char *out = malloc(cap);
	if (!out || inflateInit2(&z, 16 + 15) != Z_OK)
		return free(out), NULL;
	z.next_in = (Bytef *)gz;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)cap;
	int rc = inflate(&z, Z_FINISH);
	snprintf(why, n, "inflate %d %s, %u bytes left", rc, z.msg ? z.msg : "", z.avail_in);
	*out_len = cap - z.avail_out;
	inflateEnd(&z);
	if (rc != Z_STREAM_END || z.avail_in != 0)
		return free(out), NULL;
	return out;
}

static void round_trip(size_t head_len, size_t mid_len, size_t tail_len, const char *what)
{
	char *page = malloc(head_len + mid_len + tail_len + 1), why[200] = "";
	for (size_t i = 0; i < head_len + mid_len + tail_len; i++) /* text that compresses, and some that does not */
		page[i] = i >= head_len && i < head_len + mid_len ? "<tr><td>alice</td><td>+1 (23)</td></tr>\n"[i % 39]
								  : (char)(' ' + (i * 7919 % 95));
	struct deflated mid;
	size_t gz_len = 0, got_len = 0;
	unsigned char *gz = NULL;
	char *got = NULL;
	if (deflated_make(page + head_len, mid_len, &mid) == 0) {
		gz = gzip_splice(page, head_len, &mid, page + head_len + mid_len, tail_len, &gz_len);
		if (gz)
			got = gunzip(gz, gz_len, head_len + mid_len + tail_len + 64, &got_len, why, sizeof why);
		deflated_free(&mid);
	}
	check(got && got_len == head_len + mid_len + tail_len && memcmp(got, page, got_len) == 0, what, why);
	free(got);
	free(gz);
	free(page);
}

int main(void)
{
	round_trip(2000, 130000, 500, "a page: 2 kB head, 130 kB table, 0.5 kB tail");
	round_trip(70000, 1000, 140000, "head and tail longer than a stored block (65,535)");
	round_trip(0, 0, 0, "all three empty");
	round_trip(10, 0, 65535, "an empty table, a tail of exactly one block");

	struct {
		const char *header;
		int gzip;
	} cases[] = {
		{ NULL, 0 },
		{ "", 0 },
		{ "gzip", 1 },
		{ "gzip, deflate, br", 1 },
		{ "deflate, GZIP;q=0.5", 1 },
		{ "x-gzip", 1 },
		{ "gzip;q=0", 0 },
		{ "gzip; q=0.000, identity", 0 },
		{ "gzip;q=0.001", 1 },
		{ "*", 1 },
		{ "*;q=0", 0 },
		{ "gzip;q=0, *", 0 },
		{ "br, deflate", 0 },
		{ "gzipx, xgzip", 0 },
		{ "identity;q=1, *;q=0.1", 1 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char what[128];
		snprintf(what, sizeof what, "Accept-Encoding %s%s%s %s gzip", cases[i].header ? "\"" : "",
			 cases[i].header ? cases[i].header : "absent", cases[i].header ? "\"" : "",
			 cases[i].gzip ? "accepts" : "does not accept");
		check(gzip_accepted(cases[i].header) == cases[i].gzip, what, "");
	}
	return failed;
}
