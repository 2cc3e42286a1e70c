/* page_auth.c - the start page, logging in and out. */
#include "http.h"
#include "pages.h"
#include "template.h"

#include <stdio.h>
#include <string.h>

#define SESSION_COOKIE "verdict_session"

void page_home(struct request *r)
{
	http_redirect(r, r->logged_in ? "/problems" : "/login");
}

/* A path of this site to go back to after logging in, or "/problems". */
static const char *safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strlen(next) > 400 ||
	    strpbrk(next, "\t\r\n\"<>\\ ") || strncmp(next, "/login", 6) == 0)
		return "/problems";
	return next;
}

static void login_page(struct request *r, int status, const char *name, const char *next, const char *error)
{
	struct page *p;
	struct tpl_dict *d = page_new(r, "Log in", "login.tpl", &p);
	if (!d)
		return;
	tpl_set(d, "NAME", name);
	tpl_set(d, "NEXT", safe_next(next));
	if (error) {
		struct tpl_dict *e = tpl_add_section(d, "ERROR");
		if (e)
			tpl_set(e, "MESSAGE", error);
	}
	page_send(r, p, status);
}

void page_login_form(struct request *r)
{
	if (r->logged_in) {
		http_redirect(r, safe_next(http_query(r, "next")));
		return;
	}
	login_page(r, 200, "", http_query(r, "next"), NULL);
}

/* "username" from the form; "name" too, for scripts written against it. */
static const char *login_name(struct request *r)
{
	return *http_form(r, "username") ? http_form(r, "username") : http_form(r, "name");
}

static void login_check(struct request *r) /* on the password pool */
{
	session_login_verify(&r->login, http_form(r, "password"));
}

static void login_done(struct request *r)
{
	const char *next = http_form(r, "next");
	if (!r->defer_ran) {
		login_page(r, 503, r->login.name, next,
			   "The server is busy checking other logins: try again in a few seconds.");
		return;
	}
	struct session s;
	char err[256];
	if (session_login_end(r->db, &r->login, http_cookie(r, SESSION_COOKIE), &s, err, sizeof err) < 0) {
		login_page(r, 403, r->login.name, next, err);
		return;
	}
	char cookie[256];
	snprintf(cookie, sizeof cookie, SESSION_COOKIE "=%s; Path=/; Max-Age=%d; HttpOnly; SameSite=Lax%s", s.token,
		 SESSION_TTL, r->cfg->tls ? "; Secure" : "");
	http_header(r, "Set-Cookie", cookie);
	http_redirect(r, safe_next(next));
}

void page_login(struct request *r)
{
	const char *name = login_name(r);
	const char *password = http_form(r, "password");
	const char *next = http_form(r, "next");
	if (!*name || !*password || strlen(name) > 63 || strlen(password) > 1024) {
		login_page(r, 400, strlen(name) > 63 ? "" : name, next, "Enter your user name and password.");
		return;
	}
	char err[256];
	if (session_login_begin(r->db, name, r->client, &r->login, err, sizeof err) < 0) {
		login_page(r, 403, name, next, err);
		return;
	}
	http_defer(r, login_check, login_done); /* the argon2 check, off the HTTP threads */
}

void page_logout(struct request *r)
{
	char err[256];
	if (session_logout(r->db, r->s.token, err, sizeof err) < 0) {
		http_error(r, 503, err);
		return;
	}
	char cookie[160];
	snprintf(cookie, sizeof cookie, SESSION_COOKIE "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax%s",
		 r->cfg->tls ? "; Secure" : "");
	http_header(r, "Set-Cookie", cookie);
	http_redirect(r, "/login");
}
