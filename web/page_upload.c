/* page_upload.c - an instructor uploads a package; the judge imports it (an import job). */
#include "http.h"
#include "page_util.h"
#include "pages.h"
#include "template.h"

#include "db.h"
#include "package_archive.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void upload_page(struct request *r, int status, const char *error)
{
	struct page *p;
	struct tpl_dict *d = page_new(r, "Upload a problem", "upload.tpl", &p);
	if (!d)
		return;
	tpl_set_int(d, "LIMIT", (long long)(r->cfg->upload_limit >> 20));
	if (error)
		tpl_set(tpl_add_section(d, "ERROR"), "MESSAGE", error);
	page_send(r, p, status);
}

void page_upload_form(struct request *r)
{
	upload_page(r, 200, NULL);
}

void page_upload(struct request *r)
{
	struct http_field *f = (struct http_field *)http_field(r, "package");
	if (!f || !f->is_file || !f->spool_path[0] || f->len == 0) {
		upload_page(r, 400, "Choose a package file to upload.");
		return;
	}
	const char *base = strrchr(f->file_name, '/');
	base = base ? base + 1 : f->file_name;
	if (strrchr(base, '\\'))
		base = strrchr(base, '\\') + 1;
	char name[64];
	if (package_archive_name(base, name, sizeof name) != 1) {
		upload_page(r, 400,
			    "The package must be a .zip, .kpp, .tar.gz, .tgz or .tar archive named after the problem "
			    "(like aplusb.zip).");
		return;
	}
	long long id;
	char err[512];
	if (db_import_add(r->db, r->s.user_id, base, f->spool_path, &id, err, sizeof err) < 0) {
		http_error(r, 503, err);
		return;
	}
	f->spool_path[0] = 0; /* the judge removes it once imported */
	char where[64];
	snprintf(where, sizeof where, "/imports/%lld", id);
	http_redirect(r, where);
}

void page_import(struct request *r)
{
	long long id = http_id(r->args[0]);
	struct db_import imp;
	char err[512];
	int found = id ? db_import_get(r->db, id, &imp, err, sizeof err) : 0;
	if (found <= 0) {
		http_error(r, found < 0 ? 503 : 404, found < 0 ? err : "There is no such import.");
		return;
	}
	struct page *p;
	struct tpl_dict *d = page_new(r, "Import", "import.tpl", &p);
	if (!d)
		return;
	tpl_set(d, "FILE", imp.file_name);
	tpl_set(d, "STATE", imp.state);
	if (strcmp(imp.state, "done") == 0) {
		struct tpl_dict *done = tpl_add_section(d, "DONE");
		struct db_version v;
		tpl_set(done, "MESSAGE", imp.message);
		/* The problem's name may not be the file's ("x (1).zip"): ask the record. */
		if (db_problem_current_by_id(r->db, imp.problem_id, &v, err, sizeof err) == 1)
			tpl_set(done, "SHORT", v.short_name);
	} else if (strcmp(imp.state, "failed") == 0) {
		tpl_set(tpl_add_section(d, "FAILED"), "MESSAGE", imp.message);
	} else {
		tpl_show_section(d, "PENDING");
	}
	page_send(r, p, 200);
}
