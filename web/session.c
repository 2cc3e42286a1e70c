/* session.c - logging in and out, and who a request's session belongs to (no HTTP here).
 *
 * A session token is 32 random bytes; the browser keeps it (in an
 * HttpOnly cookie) and the database keeps only its BLAKE2b hash, so a copy
 * of the database holds no live session. Each session has its own CSRF
 * token. Failed logins are counted per address and per (address, name):
 * a stranger who guesses at a name from elsewhere can lock out only
 * himself, never the name's owner (see session.h).
 *
 * Logging in has three steps so that the argon2 check (64 MiB, tens of
 * milliseconds) can run off the HTTP threads: session_login_begin reads
 * the database, session_login_verify only hashes, session_login_end
 * writes the outcome.
 */
#include "session.h"
#include "db.h"
#include "db_courses.h"
#include "util.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define FAIL_WINDOW (15 * 60)
#define FAIL_MAX_PAIR 5
#define FAIL_MAX_ADDRESS 20

/* What an unknown name is checked against, so that it costs what a wrong
 * password costs. Filled by session_init, before any thread runs. */
static char dummy_hash[PASSWORD_HASH_MAX];

int session_init(char *err, size_t n)
{
	if (password_init() < 0)
		return errf(err, n, "libsodium cannot start");
	if (password_hash("no such user, no such password", dummy_hash) < 0)
		return errf(err, n, "cannot compute a password hash (out of memory?)");
	return 0;
}

static void random_token(char *out) /* SESSION_TOKEN_LEN + 1 bytes */
{
	unsigned char bytes[32];
	randombytes_buf(bytes, sizeof bytes);
	sodium_bin2base64(out, SESSION_TOKEN_LEN + 1, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(bytes, sizeof bytes);
}

static void token_hash(const char *token, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof h);
}

void session_api_token(char token[SESSION_TOKEN_LEN + 1], char hash[65])
{
	random_token(token);
	token_hash(token, hash);
}

int session_api_lookup(struct db *db, const char *token, struct session *s, char *err, size_t n)
{
	char th[65];
	memset(s, 0, sizeof *s);
	if (strlen(token) != SESSION_TOKEN_LEN)
		return 0;
	token_hash(token, th);
	return db_api_token_user(db, th, (int64_t)time(NULL), &s->user_id, s->user, s->role, err, n);
}

int session_login_begin(struct db *db, const char *name, const char *address, struct login *l, char *err, size_t n)
{
	memset(l, 0, sizeof *l);
	snprintf(l->name, sizeof l->name, "%s", name);
	snprintf(l->address, sizeof l->address, "%s", address);
	l->at = (long long)time(NULL);
	int by_pair, by_address;
	if (db_login_failures(db, name, address, l->at - FAIL_WINDOW, &by_pair, &by_address, err, n) < 0)
		return -1;
	if (by_pair >= FAIL_MAX_PAIR || by_address >= FAIL_MAX_ADDRESS)
		return errf(err, n, "too many failed logins from your address: try again in 15 minutes");
	int found = db_user_credentials(db, name, &l->user_id, l->role, l->hash, err, n);
	if (found < 0)
		return -1;
	l->found = found;
	return 0;
}

void session_login_verify(struct login *l, const char *password)
{
	l->password_ok = password_verify(l->found ? l->hash : dummy_hash, password) && l->found;
	sodium_memzero(l->hash, sizeof l->hash);
}

int session_login_end(struct db *db, const struct login *l, const char *old_token, struct session *s, char *err,
		      size_t n)
{
	memset(s, 0, sizeof *s);
	if (!l->password_ok) {
		db_login_failure_add(db, l->name, l->address, l->at, l->at - FAIL_WINDOW, err, n);
		return errf(err, n, "wrong user name or password");
	}
	db_login_failures_clear(db, l->name, l->address, err, n);
	/* A session the browser still had (perhaps another user's, planted by
	 * someone else) ends here, not eight hours later. */
	if (old_token && session_logout(db, old_token, err, n) < 0)
		return -1;
	random_token(s->token);
	random_token(s->csrf);
	char th[65];
	token_hash(s->token, th);
	if (db_session_add(db, th, l->user_id, s->csrf, l->at + SESSION_TTL, err, n) < 0)
		return -1;
	s->user_id = l->user_id;
	snprintf(s->user, sizeof s->user, "%s", l->name);
	snprintf(s->role, sizeof s->role, "%s", l->role);
	return 0;
}

int session_login(struct db *db, const char *name, const char *password, const char *address, struct session *s,
		  char *err, size_t n)
{
	struct login l;
	memset(s, 0, sizeof *s);
	if (session_login_begin(db, name, address, &l, err, n) < 0)
		return -1;
	session_login_verify(&l, password);
	return session_login_end(db, &l, NULL, s, err, n);
}

int session_lookup(struct db *db, const char *token, struct session *s, char *err, size_t n)
{
	memset(s, 0, sizeof *s);
	if (!token || strlen(token) != SESSION_TOKEN_LEN)
		return 0;
	char th[65];
	token_hash(token, th);
	int found = db_session_get(db, th, (long long)time(NULL), &s->user_id, s->user, s->role, s->csrf, err, n);
	if (found == 1)
		snprintf(s->token, sizeof s->token, "%s", token);
	return found;
}

int session_logout(struct db *db, const char *token, char *err, size_t n)
{
	char th[65];
	token_hash(token ? token : "", th);
	return db_session_delete(db, th, err, n);
}

int session_csrf_ok(const struct session *s, const char *given)
{
	return given && s->csrf[0] && strlen(given) == strlen(s->csrf) &&
	       sodium_memcmp(given, s->csrf, strlen(s->csrf)) == 0;
}
