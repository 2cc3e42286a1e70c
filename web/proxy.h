/* proxy.h - who the client is: the TCP peer, or, behind a trusted proxy, what it says in X-Forwarded-For. */
#ifndef VERDICT_PROXY_H
#define VERDICT_PROXY_H

#include <stddef.h>

struct http_config;
struct MHD_Connection;

/* Adds the addresses of a comma-separated list ("10.0.0.1,::1") to
 * cfg->proxies. Returns 0, or -1 if one is not a numeric IPv4 or IPv6
 * address or there are more than HTTP_MAX_PROXIES. */
int proxy_add(struct http_config *cfg, const char *list);

/* The client's address, numeric, into out: the peer's, unless the peer is
 * a trusted proxy; then the right-most address of X-Forwarded-For that is
 * not a trusted proxy (the one the last trusted proxy saw). Entries to its
 * left were written by the client and are ignored. */
void proxy_client_address(const struct http_config *cfg, struct MHD_Connection *c, char *out, size_t n);

#endif
