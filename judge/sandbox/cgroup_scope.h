/* cgroup_scope.h - a delegated cgroup from systemd, for a Verdict started in
 * one that is not. */
#ifndef VERDICT_CGROUP_SCOPE_H
#define VERDICT_CGROUP_SCOPE_H

/* For a command that runs boxes, as root: finds the cgroups (cgroup_init).
 * When that fails only because the process's v2 group is not delegated to
 * it (an SSH root shell sits in user.slice/.../session-N.scope) and systemd
 * is PID 1, runs the same command again through
 *   systemd-run --scope --quiet --collect -p Delegate=yes -- verdict ARGS
 * which keeps the process, its descriptors and environment, in a scope of
 * its own that is delegated to it. Returns only when it did not re-run:
 * boxes then either have limits or are refused (SE) with the reason and
 * the command to run. $VERDICT_SYSTEMD_RUN=no turns the re-run off (and
 * "done" marks the re-run process, which never tries again). */
void cgroup_scope_enter(char **argv);

#endif
