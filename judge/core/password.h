/* password.h - passwords: argon2id hashes (libsodium), and generated initial passwords. */
#ifndef VERDICT_PASSWORD_H
#define VERDICT_PASSWORD_H

#include <stddef.h>

#define PASSWORD_HASH_MAX 128 /* crypto_pwhash_STRBYTES */
#define PASSWORD_MIN 8
#define PASSWORD_MAX 256

/* Initializes libsodium. Returns 0 or -1. */
int password_init(void);

/* Hashes password with argon2id (libsodium's interactive limits: 64 MiB,
 * 2 passes) into out. Returns 0, or -1 (out of memory). */
int password_hash(const char *password, char out[PASSWORD_HASH_MAX]);

/* 1 when password matches hash, 0 otherwise (also for a malformed hash). */
int password_verify(const char *hash, const char *password);

/* Fills out with a random password of 16 characters from an alphabet
 * without look-alikes (no 0/O, 1/l/I), for initial passwords. */
void password_generate(char out[17]);

/* Why password is not acceptable (too short, too long, a control
 * character), or NULL if it is. */
const char *password_problem(const char *password);

#endif
