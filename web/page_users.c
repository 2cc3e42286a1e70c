/* page_users.c - admins add users and give them new passwords. */
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "account.h"
#include "db.h"
#include "password.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

struct listing {
	struct tpl_dict *d;
	const char *csrf;
};

static void add_user_row(const char *name, const char *role, void *arg)
{
	struct listing *l = arg;
	struct tpl_dict *row = tpl_add_section(l->d, "USER_ROW");
	tpl_set(row, "NAME", name);
	tpl_set(row, "ROLE", role);
	tpl_set(row, "CSRF", l->csrf);
	static const char *const roles[] = { "student", "instructor", "admin" };
	for (int i = 0; i < 3; i++) {
		struct tpl_dict *o = tpl_add_section(row, "ROLE_OPTION");
		tpl_set(o, "R", roles[i]);
		if (strcmp(roles[i], role) == 0)
			tpl_show_section(o, "SELECTED");
	}
}

/* The users page, with an error or a password just made (shown once). */
static void users_page(struct request *r, int status, const char *error, const char *name, const char *password)
{
	struct page *p;
	struct tpl_dict *d = page_new(r, "Users", "users.tpl", &p);
	if (!d)
		return;
	if (error)
		tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
	if (password) {
		struct tpl_dict *np = tpl_add_section(d, "NEW_PASSWORD");
		tpl_set(np, "NAME", name);
		tpl_set(np, "PASSWORD", password);
		/* Never cached, anywhere: the page holds a password. */
	}
	struct listing l = { d, r->s.csrf };
	char err[512];
	if (db_user_list(r->db, NULL, add_user_row, &l, err, sizeof err) < 0) {
		page_discard(p);
		http_error(r, 503, err);
		return;
	}
	page_send(r, p, status);
}

void page_users(struct request *r)
{
	users_page(r, 200, NULL, NULL, NULL);
}

void page_users_add(struct request *r)
{
	const char *name = http_form(r, "name"), *role = http_form(r, "role");
	if (!account_name_ok(name)) {
		users_page(r, 400, "A user name is 1 to 32 letters, digits, '.', '_' or '-'.", NULL, NULL);
		return;
	}
	if (!account_role_ok(role)) {
		users_page(r, 400, "The role is student, instructor or admin.", NULL, NULL);
		return;
	}
	char password[17], hash[PASSWORD_HASH_MAX], err[512];
	long long id, existing;
	password_generate(password);
	int found = db_user_find(r->db, name, &existing, err, sizeof err);
	if (found != 0) {
		if (found < 0)
			http_error(r, 503, err);
		else
			users_page(r, 409, "There is a user of that name already.", NULL, NULL);
		return;
	}
	if (password_hash(password, hash) < 0 || db_user_add(r->db, name, role, hash, &id, err, sizeof err) < 0) {
		users_page(r, 409, "The user could not be added (a user of that name may have just been added).", NULL,
			   NULL);
		return;
	}
	users_page(r, 200, NULL, name, password);
	sodium_memzero(password, sizeof password);
}

void page_users_password(struct request *r)
{
	const char *name = r->args[0];
	char password[17], hash[PASSWORD_HASH_MAX], err[512];
	password_generate(password);
	if (password_hash(password, hash) < 0) {
		http_error(r, 503, "out of memory");
		return;
	}
	int rc = db_user_set_password(r->db, name, hash, err, sizeof err);
	if (rc <= 0) {
		if (rc < 0)
			http_error(r, 503, err);
		else
			http_error(r, 404, "There is no such user.");
		return;
	}
	users_page(r, 200, NULL, name, password);
	sodium_memzero(password, sizeof password);
}

void page_users_role(struct request *r)
{
	const char *name = r->args[0], *role = http_form(r, "role");
	if (!account_role_ok(role)) {
		users_page(r, 400, "The role is student, instructor or admin.", NULL, NULL);
		return;
	}
	if (strcmp(name, r->s.user) == 0) {
		/* So that the last admin cannot lock everyone out by accident. */
		users_page(r, 409, "You cannot change your own role: ask another admin.", NULL, NULL);
		return;
	}
	char err[512];
	int rc = db_user_set_role(r->db, name, role, err, sizeof err);
	if (rc <= 0) {
		http_error(r, rc < 0 ? 503 : 404, rc < 0 ? err : "There is no such user.");
		return;
	}
	http_redirect(r, "/users");
}
