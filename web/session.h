/* session.h - logging in and out, and who a request's session belongs to (no HTTP here). */
#ifndef VERDICT_SESSION_H
#define VERDICT_SESSION_H

#include "password.h"

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

/* Starts libsodium and computes the hash an unknown name is checked
 * against. Call once, before any thread runs. Returns 0, or -1 with a
 * message in err. */
int session_init(char *err, size_t n);

/* A login under way (session_login_begin, _verify, _end). */
struct login {
	char name[64], address[64], role[16];
	char hash[PASSWORD_HASH_MAX]; /* wiped by session_login_verify */
	long long user_id, at;
	int found, password_ok;
};

/* Throttling: an address with 20 failed logins in the last 15 minutes, or
 * an (address, name) pair with 5, is refused before any password is
 * checked. A name is never refused as such, so failures from elsewhere
 * cannot keep its owner out. A wrong user name and a wrong password give
 * the same message and cost the same time.
 *
 * session_login_begin checks the throttle and reads the name's
 * credentials into *l: 0 to go on, -1 refused (err says why). */
int session_login_begin(struct db *db, const char *name, const char *address, struct login *l, char *err, size_t n);
/* The argon2 check (no database: any thread may run it). */
void session_login_verify(struct login *l, const char *password);
/* Records a failure, or ends the browser's old session (old_token, may be
 * NULL) and starts a new one in *s. Returns 0 logged in, -1 with a message
 * for people in err. */
int session_login_end(struct db *db, const struct login *l, const char *old_token, struct session *s, char *err,
		      size_t n);
/* The three steps in one (for callers that may block). */
int session_login(struct db *db, const char *name, const char *password, const char *address, struct session *s,
		  char *err, size_t n);

/* The session a cookie's token names: 1 (s filled, token and csrf
 * included), 0 if unknown or expired, -1 on a database error. */
int session_lookup(struct db *db, const char *token, struct session *s, char *err, size_t n);

/* Ends the session (and sweeps expired ones). */
int session_logout(struct db *db, const char *token, char *err, size_t n);

/* A new API token (for its owner, shown once) and its hash (all that is
 * stored): a random 32 bytes, as a session's. */
void session_api_token(char token[SESSION_TOKEN_LEN + 1], char hash[65]);

/* The user whose API token this is (Authorization: Bearer): 1 with s's
 * user filled and no CSRF token (such a request only reads: server.c), 0
 * unknown, -1 on a database error. Records the token's last use. */
int session_api_lookup(struct db *db, const char *token, struct session *s, char *err, size_t n);

/* Does a form's CSRF token match the session's? In constant time. */
int session_csrf_ok(const struct session *s, const char *given);

#endif
