/* commands.h - the subcommands of build/verdict, one file each. */
#ifndef VERDICT_COMMANDS_H
#define VERDICT_COMMANDS_H

/* Each takes the arguments after its name (argv[0] is the name) and
 * returns the process's exit code. */
int cmd_sandbox(int argc, char **argv);
int cmd_problem(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_submit(int argc, char **argv);
int cmd_result(int argc, char **argv);
int cmd_judge(int argc, char **argv);
int cmd_regrade(int argc, char **argv);
int cmd_grades(int argc, char **argv);
int cmd_submissions(int argc, char **argv);
int cmd_languages(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_course(int argc, char **argv);
int cmd_assignment(int argc, char **argv);
int cmd_extension(int argc, char **argv);
int cmd_scoreboard(int argc, char **argv);
int cmd_serve(int argc, char **argv); /* web/cmd_serve.c */

#endif
