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
/* page_statement.c: a statement's images and its PDF (as a download). */
void page_statement_image(struct request *r);
void page_statement_pdf(struct request *r);
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
/* page_courses.c */
void page_courses(struct request *r);
void page_course_add(struct request *r);
void page_course(struct request *r);
void page_course_settings_form(struct request *r);
void page_course_settings(struct request *r);
/* page_assignment.c */
void page_assignment(struct request *r);
void page_assignment_start(struct request *r);
/* page_assignment_edit.c */
void page_assignment_new(struct request *r);
void page_assignment_add(struct request *r);
void page_assignment_settings_form(struct request *r);
void page_assignment_settings(struct request *r);
/* page_roster.c */
void page_roster(struct request *r);
void page_roster_upload(struct request *r);
/* page_extensions.c */
void page_extensions(struct request *r);
void page_extension_add(struct request *r);
/* page_course_grades.c */
void page_course_grades(struct request *r);
void page_course_grades_csv(struct request *r);
void page_course_grades_detail_csv(struct request *r);
void page_assignment_grades(struct request *r);
void page_assignment_rejudge(struct request *r);
/* page_clarifications.c */
void page_clarifications(struct request *r);
void page_clarification_ask(struct request *r);
void page_clarification_answer(struct request *r);
/* page_scoreboard.c */
void page_scoreboard(struct request *r);
/* page_tokens.c */
void page_tokens(struct request *r);
void page_token_add(struct request *r);
void page_token_delete(struct request *r);
/* page_api.c */
void page_api_courses(struct request *r);
void page_api_course(struct request *r);
void page_api_grades(struct request *r);
void page_api_scoreboard(struct request *r);
/* static_files.c */
void page_static(struct request *r);

#endif
