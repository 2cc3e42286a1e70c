/* account.h - what a user name and a role may be (the CLI and the web check the same). */
#ifndef VERDICT_ACCOUNT_H
#define VERDICT_ACCOUNT_H

/* 1 to 32 letters, digits, '.', '_' or '-'. */
int account_name_ok(const char *name);

/* "student", "instructor" or "admin". */
int account_role_ok(const char *role);

#endif
