/* password: argon2id hashing and checking, generated passwords, the rules
 * for acceptable ones. Prints TAP lines. */
#include "password.h"

#include <stdio.h>
#include <string.h>

static int failed;

static void check(int ok, const char *what)
{
	printf("%s - password: %s\n", ok ? "ok" : "not ok", what);
	failed |= !ok;
}

int main(void)
{
	char hash[PASSWORD_HASH_MAX], other[PASSWORD_HASH_MAX], gen[17], gen2[17];
	check(password_init() == 0, "libsodium initializes");
	check(password_hash("correct horse", hash) == 0, "hashing works");
	check(strncmp(hash, "$argon2id$", 10) == 0, "the hash is argon2id");
	check(password_verify(hash, "correct horse"), "the right password verifies");
	check(!password_verify(hash, "correct horsE"), "a wrong password does not");
	check(!password_verify(hash, ""), "an empty password does not");
	check(password_hash("correct horse", other) == 0 && strcmp(hash, other) != 0, "hashes are salted");
	check(!password_verify("plaintext", "plaintext"), "a stored non-hash never verifies");
	check(!password_verify(NULL, "x"), "no hash never verifies");
	password_generate(gen);
	password_generate(gen2);
	check(strlen(gen) == 16 && strspn(gen, "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") == 16,
	      "generated passwords have 16 characters without look-alikes");
	check(strcmp(gen, gen2) != 0, "two generated passwords differ");
	check(password_problem(gen) == NULL, "a generated password is acceptable");
	check(password_problem("short") != NULL, "too short is refused");
	check(password_problem("tab\tinside") != NULL, "control characters are refused");
	char long_one[300];
	memset(long_one, 'a', sizeof long_one - 1);
	long_one[sizeof long_one - 1] = 0;
	check(password_problem(long_one) != NULL, "more than 256 characters is refused");
	return failed;
}
