/* pages.h - the page handlers, one file per area (page_*.c). */
#ifndef VERDICT_PAGES_H
#define VERDICT_PAGES_H

struct request;

/* page_auth.c */
void page_home(struct request *r);
void page_login_form(struct request *r);
void page_login(struct request *r);
void page_logout(struct request *r);
/* page_problems.c */
void page_problems(struct request *r);
void page_problem(struct request *r);
/* page_submit.c */
void page_submit(struct request *r);
/* page_submissions.c */
void page_submissions(struct request *r);
void page_submission(struct request *r);
void page_submission_json(struct request *r);
/* page_rejudge.c */
void page_rejudge_submission(struct request *r);
void page_rejudge_problem(struct request *r);
void page_rejudge_result(struct request *r);
/* page_settings.c */
void page_settings_form(struct request *r);
void page_settings(struct request *r);
/* page_tests.c */
void page_tests(struct request *r);
void page_test(struct request *r);
/* page_upload.c */
void page_upload_form(struct request *r);
void page_upload(struct request *r);
void page_import(struct request *r);
/* page_grades.c */
void page_grades(struct request *r);
void page_grades_csv(struct request *r);
/* page_users.c */
void page_users(struct request *r);
void page_users_add(struct request *r);
void page_users_password(struct request *r);
void page_users_role(struct request *r);
/* static_files.c */
void page_static(struct request *r);

#endif
