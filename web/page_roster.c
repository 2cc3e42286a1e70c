/* page_roster.c - a course's people, and the roster upload (roster.c: the same file and rules as `verdict course enrol`).
 *
 * New accounts get generated passwords, shown once on the answer. Their
 * argon2id hashes (64 MiB each) are made on the password pool, off the
 * HTTP threads (http_defer); the accounts and the roster are then stored
 * in one transaction on the HTTP thread, which holds the database handle.
 */
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "db.h"
#include "password.h"
#include "roster.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An upload between its handler and its answer. */
struct upload {
	struct roster ro;
	int nnew;
	struct new_account {
		char password[17];
		char hash[PASSWORD_HASH_MAX];
		int ok;   /* the hash is made */
		int made; /* the account was created with it */
	} *accounts; /* one per row; made only for rows without an account */
};

static void upload_free(void *data)
{
	struct upload *u = data;
	if (!u)
		return;
	if (u->accounts)
		sodium_memzero(u->accounts, sizeof *u->accounts * (size_t)u->ro.count);
	free(u->accounts);
	roster_free(&u->ro);
	free(u);
}

struct members {
	struct tpl_dict *d;
	int count;
};

static void add_member(const struct db_member *m, void *arg)
{
	struct members *ms = arg;
	struct tpl_dict *row = tpl_add_section(ms->d, "MEMBER");
	ms->count++;
	tpl_set(row, "NAME", m->user);
	tpl_set(row, "ROLE", m->role);
	tpl_set(row, "FULL_NAME", m->full_name);
	tpl_set(row, "NUMBER", m->student_number);
	tpl_set(row, "SECTION", m->section);
	if (!m->on_roster)
		tpl_show_section(row, "OFF");
}

/* The roster page: an error, or what an upload did (u). */
static void roster_page(struct request *r, int status, const char *error, const struct upload *u)
{
	struct page *p;
	struct tpl_dict *d = page_new(r, "Roster", "roster.tpl", &p);
	if (!d)
		return;
	char err[512];
	tpl_set(d, "COURSE", r->course.short_name);
	if (error)
		tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
	if (strcmp(r->course_role, "ta") != 0)
		tpl_show_section(d, "UPLOAD");
	if (u) {
		struct tpl_dict *done = tpl_add_section(d, "DONE");
		tpl_set_int(done, "ADDED", u->ro.counts[1]);
		tpl_set_int(done, "UPDATED", u->ro.counts[2]);
		tpl_set_int(done, "UNCHANGED", u->ro.counts[0]);
		struct tpl_dict *na = u->nnew ? tpl_add_section(done, "NEW_ACCOUNTS") : NULL;
		for (int i = 0; na && i < u->ro.count; i++)
			if (u->accounts[i].made) {
				struct tpl_dict *a = tpl_add_section(na, "ACCOUNT");
				tpl_set(a, "NAME", u->ro.rows[i].user);
				tpl_set(a, "PASSWORD", u->accounts[i].password);
			}
		struct tpl_dict *gone = u->ro.ndropped ? tpl_add_section(done, "DROPPED") : NULL;
		for (int i = 0; gone && i < u->ro.ndropped; i++) {
			struct tpl_dict *g = tpl_add_section(gone, "GONE");
			tpl_set(g, "NAME", u->ro.dropped[i].user);
			tpl_set(g, "FULL_NAME", u->ro.dropped[i].full_name);
			tpl_set(g, "NUMBER", u->ro.dropped[i].student_number);
		}
	}
	struct members ms = { d, 0 };
	if (db_member_list(r->db, r->course.id, NULL, add_member, &ms, err, sizeof err) < 0) {
		page_discard(p);
		http_error(r, 503, err);
		return;
	}
	tpl_set_int(d, "COUNT", ms.count);
	page_send(r, p, status);
}

void page_roster(struct request *r)
{
	roster_page(r, 200, NULL, NULL);
}

/* On the password pool: a password and its hash for each new account. */
static void make_passwords(struct request *r)
{
	struct upload *u = r->defer_data;
	for (int i = 0; i < u->ro.count; i++)
		if (!u->ro.rows[i].user_id) {
			password_generate(u->accounts[i].password);
			u->accounts[i].ok = password_hash(u->accounts[i].password, u->accounts[i].hash) == 0;
		}
}

/* roster_apply's account maker: the hash made on the pool. */
static int create_account(struct db *db, struct roster_row *row, void *arg, char *err, size_t n)
{
	struct upload *u = arg;
	struct new_account *a = &u->accounts[row - u->ro.rows];
	if (!a->ok) {
		snprintf(err, n, "%s: out of memory making a password", row->user);
		return -1;
	}
	if (db_user_add(db, row->user, roster_site_role(row), a->hash, &row->user_id, err, n) < 0)
		return -1;
	a->made = 1;
	return 0;
}

/* Stores the roster (the passwords are made) and answers. */
static void store(struct request *r)
{
	struct upload *u = r->defer_data;
	char err[512], msg[600];
	if (u->nnew && !r->defer_ran) {
		http_error(r, 503, "The server is busy making passwords; send the roster again in a few seconds.");
		return;
	}
	int rc = db_begin(r->db, err, sizeof err);
	/* Someone may have made one of the accounts meanwhile: looked up again. */
	if (rc == 0 && (roster_find_accounts(r->db, &u->ro, err, sizeof err) < 0 ||
			roster_apply(r->db, r->course.id, &u->ro, create_account, u, err, sizeof err) < 0))
		rc = -1;
	if (rc == 0)
		rc = db_commit(r->db, err, sizeof err);
	else
		db_rollback(r->db);
	if (rc < 0) {
		snprintf(msg, sizeof msg, "Nothing was changed: %s.", err);
		roster_page(r, 409, msg, NULL);
		return;
	}
	roster_page(r, 200, NULL, u);
}

void page_roster_upload(struct request *r)
{
	const struct http_field *file = http_field(r, "file");
	const struct http_field *pasted = http_field(r, "csv");
	const struct http_field *csv = file && file->is_file && file->len ? file : pasted;
	char err[512];
	if (!csv || !csv->len) {
		roster_page(r, 400, "Choose a roster file, or paste its lines.", NULL);
		return;
	}
	struct upload *u = calloc(1, sizeof *u);
	FILE *f = u ? fmemopen(csv->value, csv->len, "r") : NULL;
	if (!f) {
		free(u);
		http_error(r, 503, "The server is out of memory.");
		return;
	}
	int rc = roster_read(f, "roster", &u->ro, err, sizeof err);
	fclose(f);
	if (rc < 0) {
		free(u);
		roster_page(r, 400, err, NULL);
		return;
	}
	r->defer_data = u;
	r->defer_data_free = upload_free;
	u->nnew = roster_find_accounts(r->db, &u->ro, err, sizeof err);
	u->accounts = calloc((size_t)u->ro.count, sizeof *u->accounts);
	if (u->nnew < 0 || !u->accounts) {
		http_error(r, 503, u->nnew < 0 ? err : "The server is out of memory.");
		return;
	}
	if (u->nnew)
		http_defer(r, make_passwords, store);
	else
		store(r);
}
