/* proxy.c - who the client is: the TCP peer, or, behind a trusted proxy, what it says in X-Forwarded-For.
 *
 * Behind a reverse proxy every connection comes from the proxy, so login
 * throttling by address would throttle everyone at once. A proxy appends
 * the address it saw to X-Forwarded-For; anything to the left of that came
 * from the client and may be forged. So the header counts only when the
 * peer is a proxy named with --trusted-proxy, and then we read it from the
 * right, skipping our own proxies, and stop at the first other address.
 */
#include "proxy.h"
#include "http.h"
#include "mhd.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* A numeric address as IPv6 (IPv4 mapped to ::ffff:a.b.c.d). Returns 0 or -1. */
static int parse_address(const char *s, struct in6_addr *out)
{
	struct in_addr v4;
	if (inet_pton(AF_INET, s, &v4) == 1) {
		memset(out, 0, sizeof *out);
		out->s6_addr[10] = out->s6_addr[11] = 0xff;
		memcpy(&out->s6_addr[12], &v4, 4);
		return 0;
	}
	return inet_pton(AF_INET6, s, out) == 1 ? 0 : -1;
}

int proxy_add(struct http_config *cfg, const char *list)
{
	char buf[1024];
	if (strlen(list) >= sizeof buf)
		return -1;
	strcpy(buf, list);
	for (char *save = NULL, *a = strtok_r(buf, ", ", &save); a; a = strtok_r(NULL, ", ", &save))
		if (cfg->nproxies >= HTTP_MAX_PROXIES || parse_address(a, &cfg->proxies[cfg->nproxies++]) < 0)
			return -1;
	return 0;
}

static int trusted(const struct http_config *cfg, const struct in6_addr *a)
{
	for (int i = 0; i < cfg->nproxies; i++)
		if (memcmp(&cfg->proxies[i], a, sizeof *a) == 0)
			return 1;
	return 0;
}

struct forwarded {
	const char *values[16]; /* the X-Forwarded-For headers, in order (a proxy may add its own line) */
	int n;
};

static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct forwarded *f = cls;
	if (strcasecmp(key, "X-Forwarded-For") == 0 && value)
		f->values[f->n < 16 ? f->n++ : 15] = value; /* past 16, the last one wins its slot */
	return MHD_YES;
}

/* Walks one header value right to left: 1 with the first untrusted
 * address in out, 0 if all are trusted, -1 on an entry that is not an
 * address (the client's doing, or a misconfigured proxy: trust none). */
static int rightmost_untrusted(const struct http_config *cfg, const char *value, char *out, size_t n)
{
	char buf[1024];
	snprintf(buf, sizeof buf, "%s", value);
	for (;;) {
		char *comma = strrchr(buf, ',');
		char *entry = comma ? comma + 1 : buf;
		entry += strspn(entry, " \t");
		entry[strcspn(entry, " \t")] = 0;
		struct in6_addr a;
		if (parse_address(entry, &a) < 0)
			return -1;
		if (!trusted(cfg, &a)) {
			snprintf(out, n, "%s", entry);
			return 1;
		}
		if (!comma)
			return 0;
		*comma = 0;
	}
}

/* The peer's address, as text and as IPv6. */
static void peer_address(const struct sockaddr *sa, char *text, size_t n, struct in6_addr *a)
{
	const void *raw = sa->sa_family == AF_INET6 ? (const void *)&((const struct sockaddr_in6 *)sa)->sin6_addr
						    : (const void *)&((const struct sockaddr_in *)sa)->sin_addr;
	if (!inet_ntop(sa->sa_family, raw, text, (socklen_t)n) || parse_address(text, a) < 0)
		snprintf(text, n, "unknown");
}

void proxy_client_address(const struct http_config *cfg, struct MHD_Connection *c, char *out, size_t n)
{
	const union MHD_ConnectionInfo *ci = mhd.MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	struct in6_addr peer;
	snprintf(out, n, "unknown");
	if (!ci || !ci->client_addr)
		return;
	peer_address(ci->client_addr, out, n, &peer);
	if (strcmp(out, "unknown") == 0 || !trusted(cfg, &peer))
		return;
	struct forwarded f = { .n = 0 };
	mhd.MHD_get_connection_values(c, MHD_HEADER_KIND, collect, &f);
	char found[64];
	for (int i = f.n - 1; i >= 0; i--) {
		int rc = rightmost_untrusted(cfg, f.values[i], found, sizeof found);
		if (rc > 0)
			snprintf(out, n, "%s", found);
		if (rc != 0) /* on -1 the peer's address stays */
			return;
	}
}
