/* cli_accounts.h - new accounts with generated passwords, each written to a file only its owner can read: what `user import` and `course enrol` share. */
#ifndef VERDICT_CLI_ACCOUNTS_H
#define VERDICT_CLI_ACCOUNTS_H

#include <stdio.h>

struct db;

struct new_accounts {
	const char *cmd;   /* "user import": for messages */
	const char *undo;  /* what a failure means, added to its message: "; nobody was added" */
	char path[4096];   /* the passwords file */
	FILE *out;         /* NULL until opened */
	int count;         /* accounts written to it */
};

/* Names the passwords file: path, else "FILE-passwords.csv" beside the
 * class list csv (its .csv dropped). Nothing is opened yet. */
void new_accounts_init(struct new_accounts *na, const char *cmd, const char *undo, const char *path, const char *csv);

/* Creates the file (mode 0600, never over an existing one: that is
 * refused, saying how to go on) and writes its header. Returns 0, or -1
 * after saying why on stderr. */
int new_accounts_open(struct new_accounts *na);

/* Adds user name with site role and a generated password (argon2id hash
 * only in the database), and writes "name,password" to the file (opened
 * now if it was not). For the caller's transaction. Returns 0 (*id set),
 * or -1 after saying why on stderr. */
int new_accounts_add(struct new_accounts *na, struct db *db, const char *name, const char *role, long long *id);

/* Ends the file: when ok, flushes it to disk (-1, said, if that fails);
 * otherwise removes it, since the accounts were not made. Returns 0 or -1. */
int new_accounts_close(struct new_accounts *na, int ok);

#endif
