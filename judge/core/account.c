/* account.c - what a user name and a role may be. */
#include "account.h"

#include <string.h>

int account_name_ok(const char *s)
{
	size_t n = strlen(s);
	return n >= 1 && n <= 32 &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == n;
}

int account_role_ok(const char *r)
{
	return !strcmp(r, "student") || !strcmp(r, "instructor") || !strcmp(r, "admin");
}
