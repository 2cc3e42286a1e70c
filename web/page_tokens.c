/* page_tokens.c - the settings page's API tokens: a user's own, created (shown once; only the hash is stored) and deleted. */
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "db_courses.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

struct listing {
	struct tpl_dict *d, *table;
	const char *csrf;
};

static void add_token(long long id, const char *name, long long created, long long last_used, void *arg)
{
	struct listing *l = arg;
	if (!l->table)
		l->table = tpl_add_section(l->d, "TABLE");
	struct tpl_dict *row = tpl_add_section(l->table, "TOKEN_ROW");
	char when[32];
	tpl_set_int(row, "ID", id);
	tpl_set(row, "NAME", name);
	tpl_set(row, "CSRF", l->csrf);
	page_time(created, when, sizeof when);
	tpl_set(row, "CREATED", when);
	if (last_used)
		page_time(last_used, when, sizeof when);
	tpl_set(row, "USED", last_used ? when : "never");
}

/* The page, with an error or a token just made (shown once). */
static void tokens_page(struct request *r, int status, const char *error, const char *name, const char *token)
{
	struct page *p;
	struct tpl_dict *d = page_new(r, "Settings", "tokens.tpl", &p);
	if (!d)
		return;
	char err[512];
	if (error)
		tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
	if (token) {
		struct tpl_dict *t = tpl_add_section(d, "NEW_TOKEN");
		tpl_set(t, "NAME", name);
		tpl_set(t, "TOKEN", token);
	}
	struct listing l = { d, NULL, r->s.csrf };
	int rc = db_api_token_list(r->db, r->s.user_id, add_token, &l, err, sizeof err);
	if (!l.table)
		tpl_show_section(d, "NONE");
	page_send_or_error(r, p, status, rc, err);
}

void page_tokens(struct request *r)
{
	tokens_page(r, 200, NULL, NULL, NULL);
}

void page_token_add(struct request *r)
{
	const char *name = http_form(r, "name");
	char token[SESSION_TOKEN_LEN + 1], hash[65], err[512];
	long long id;
	if (!*name || strlen(name) > 63) {
		tokens_page(r, 400, "A token's name is 1 to 63 bytes.", NULL, NULL);
		return;
	}
	session_api_token(token, hash);
	if (db_api_token_add(r->db, r->s.user_id, name, hash, &id, err, sizeof err) < 0)
		tokens_page(r, 409, "You have a token of that name already.", NULL, NULL);
	else
		tokens_page(r, 200, NULL, name, token);
	sodium_memzero(token, sizeof token);
}

void page_token_delete(struct request *r)
{
	long long id = http_id(r->args[0]);
	char err[512];
	int rc = id ? db_api_token_delete(r->db, r->s.user_id, id, err, sizeof err) : 0;
	if (rc <= 0) { /* another's token is no token of this user's */
		http_error(r, rc < 0 ? 503 : 404, rc < 0 ? err : "There is no such token.");
		return;
	}
	http_redirect(r, "/settings");
}
