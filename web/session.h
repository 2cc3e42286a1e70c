/* session.h - logging in and out, and who a request's session belongs to (no HTTP here). */
#ifndef VERDICT_SESSION_H
#define VERDICT_SESSION_H

#include <stddef.h>

struct db;

#define SESSION_TOKEN_LEN 43 /* 32 random bytes, base64url without padding */
#define SESSION_TTL (8 * 3600)

struct session {
	char token[SESSION_TOKEN_LEN + 1]; /* for the cookie; only its hash is stored */
	char csrf[64];                     /* for every state-changing form (43 characters) */
	long long user_id;
	char user[64];
	char role[16];
};

/* Logs name in from address: refused while the name has 5 failed logins,
 * or the address 20, in the last 15 minutes. A wrong user name and a wrong
 * password give the same message and cost the same time. Returns 0 with a
 * new session in *s, or -1 with a message for people in err. */
int session_login(struct db *db, const char *name, const char *password, const char *address, struct session *s,
		  char *err, size_t n);

/* The session a cookie's token names: 1 (s filled, token and csrf
 * included), 0 if unknown or expired, -1 on a database error. */
int session_lookup(struct db *db, const char *token, struct session *s, char *err, size_t n);

/* Ends the session (and sweeps expired ones). */
int session_logout(struct db *db, const char *token, char *err, size_t n);

/* Does a form's CSRF token match the session's? In constant time. */
int session_csrf_ok(const struct session *s, const char *given);

#endif
