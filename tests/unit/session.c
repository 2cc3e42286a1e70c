/* session: logging in (right, wrong, throttled), looking a session up by
 * its token (which is never stored as such), CSRF tokens, logging out,
 * expiry. Prints TAP lines. */
#include "db.h"
#include "password.h"
#include "session.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failed;

static void check(int ok, const char *what, const char *detail)
{
	printf("%s - session: %s%s%s\n", ok ? "ok" : "not ok", what, ok ? "" : ": ", ok ? "" : detail);
	failed |= !ok;
}

/* How many rows of sessions hold this text anywhere: the raw token must not be stored. */
static int rows_with(const char *path, const char *text)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	int count = -1;
	if (sqlite3_open(path, &h) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(h, "SELECT COUNT(*) FROM sessions WHERE instr(token_hash || csrf_token, ?) > 0", -1, &st,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			count = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return count;
}

int main(void)
{
	char dir[] = "/tmp/verdict-session-XXXXXX", path[64], err[512], hash[PASSWORD_HASH_MAX];
	struct db *db;
	if (!mkdtemp(dir) || session_init(err, sizeof err) < 0) {
		puts("not ok - session: cannot start");
		return 1;
	}
	snprintf(path, sizeof path, "%s/v.db", dir);
	long long alice, bob;
	if (db_open(path, &db, err, sizeof err) < 0 || password_hash("alice's password", hash) < 0 ||
	    db_user_add(db, "alice", "student", hash, &alice, err, sizeof err) < 0 ||
	    password_hash("bob's password", hash) < 0 || db_user_add(db, "bob", "instructor", hash, &bob, err, sizeof err) < 0) {
		printf("not ok - session: setting up: %s\n", err);
		return 1;
	}
	struct session s, t;
	int rc = session_login(db, "alice", "alice's password", "10.0.0.1", &s, err, sizeof err);
	check(rc == 0 && s.user_id == alice && !strcmp(s.role, "student"), "the right password logs in", err);
	check(strlen(s.token) == SESSION_TOKEN_LEN && strlen(s.csrf) == SESSION_TOKEN_LEN, "tokens of 32 random bytes", s.token);
	check(rows_with(path, s.token) == 0, "the token itself is not stored", "found in the database");
	check(session_lookup(db, s.token, &t, err, sizeof err) == 1 && t.user_id == alice && !strcmp(t.user, "alice"),
	      "the token finds the session", err);
	check(session_csrf_ok(&t, s.csrf), "the session's CSRF token matches", "");
	check(!session_csrf_ok(&t, "x") && !session_csrf_ok(&t, NULL), "another CSRF token does not", "");
	check(session_lookup(db, "not-a-token", &t, err, sizeof err) == 0, "an unknown token finds nothing", "");
	char forged[SESSION_TOKEN_LEN + 1];
	memcpy(forged, s.token, sizeof forged);
	forged[0] = forged[0] == 'A' ? 'B' : 'A';
	check(session_lookup(db, forged, &t, err, sizeof err) == 0, "a token one character off finds nothing", "");

	char e1[512], e2[512];
	int wrong = session_login(db, "alice", "guess", "10.0.0.2", &t, e1, sizeof e1);
	int nobody = session_login(db, "mallory", "guess", "10.0.0.2", &t, e2, sizeof e2);
	check(wrong < 0 && nobody < 0 && !strcmp(e1, e2), "a wrong password and an unknown user look alike", e1);
	for (int i = 0; i < 5; i++)
		session_login(db, "bob", "guess", "10.0.0.3", &t, err, sizeof err);
	rc = session_login(db, "bob", "bob's password", "10.0.0.3", &t, err, sizeof err);
	check(rc < 0 && strstr(err, "too many failed logins"), "after 5 failures from an address, it waits", err);
	rc = session_login(db, "bob", "bob's password", "10.0.0.4", &t, err, sizeof err);
	check(rc == 0, "but the name's owner logs in from another address", err);
	rc = session_login(db, "alice", "alice's password", "10.0.0.3", &t, err, sizeof err);
	check(rc == 0, "throttling one user does not lock out another", err);

	check(session_logout(db, s.token, err, sizeof err) == 0 && session_lookup(db, s.token, &t, err, sizeof err) == 0,
	      "logging out ends the session", err);
	/* An expired session is no session. */
	check(db_session_add(db, "expired-hash", alice, "csrf", 1, err, sizeof err) == 0 &&
		      db_session_get(db, "expired-hash", 2, &alice, t.user, t.role, t.csrf, err, sizeof err) == 0,
	      "an expired session is not found", err);
	db_close(db);
	char rm[128];
	snprintf(rm, sizeof rm, "rm -rf %s", dir);
	if (system(rm) != 0)
		failed = 1;
	return failed;
}
