/* session.c - logging in and out, and who a request's session belongs to (no HTTP here).
 *
 * A session token is 32 random bytes; the browser keeps it (in an
 * HttpOnly cookie) and the database keeps only its BLAKE2b hash, so a copy
 * of the database holds no live session. Each session has its own CSRF
 * token. Failed logins are counted per user name and per address, and
 * logging in is refused while either has too many recent ones.
 */
#include "session.h"
#include "db.h"
#include "password.h"
#include "util.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define FAIL_WINDOW (15 * 60)
#define FAIL_MAX_NAME 5
#define FAIL_MAX_ADDRESS 20

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

int session_login(struct db *db, const char *name, const char *password, const char *address, struct session *s,
		  char *err, size_t n)
{
	static const char wrong[] = "wrong user name or password";
	memset(s, 0, sizeof *s);
	long long t = (long long)time(NULL);
	int by_name, by_address;
	if (db_login_failures(db, name, address, t - FAIL_WINDOW, &by_name, &by_address, err, n) < 0)
		return -1;
	if (by_name >= FAIL_MAX_NAME || by_address >= FAIL_MAX_ADDRESS)
		return errf(err, n, "too many failed logins: try again in a few minutes");
	char role[16] = "", hash[128] = "";
	long long id = 0;
	int found = db_user_credentials(db, name, &id, role, hash, err, n);
	if (found < 0)
		return -1;
	/* An unknown user costs an argon2 check too, so that timing does not
	 * tell which names exist. */
	static char dummy[PASSWORD_HASH_MAX];
	if (!dummy[0])
		password_hash("no such user, no such password", dummy);
	int ok = password_verify(found ? hash : dummy, password) && found;
	if (!ok) {
		db_login_failure_add(db, name, address, t, err, n);
		return errf(err, n, "%s", wrong);
	}
	db_login_failures_clear(db, name, err, n);
	random_token(s->token);
	random_token(s->csrf);
	char th[65];
	token_hash(s->token, th);
	if (db_session_add(db, th, id, s->csrf, t + SESSION_TTL, err, n) < 0)
		return -1;
	s->user_id = id;
	snprintf(s->user, sizeof s->user, "%s", name);
	snprintf(s->role, sizeof s->role, "%s", role);
	return 0;
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
