/* verdict.h - what a judge says about a test run or a submission. */
#ifndef VERDICT_VERDICT_H
#define VERDICT_VERDICT_H

/* In order of precedence is not implied: the first failing test decides. */
enum verdict {
	VERDICT_AC,  /* accepted */
	VERDICT_WA,  /* wrong answer */
	VERDICT_TLE, /* time limit exceeded */
	VERDICT_MLE, /* memory limit exceeded */
	VERDICT_RE,  /* run-time error */
	VERDICT_OLE, /* output limit exceeded */
	VERDICT_CE,  /* compile error */
	VERDICT_JE,  /* judge error: a broken validator or sandbox, never the student's fault */
	VERDICT_COUNT
};

/* "AC", "WA", ...; "JE" for anything out of range. */
const char *verdict_name(enum verdict v);

/* The verdict in words, for people: "accepted", "wrong answer", ... */
const char *verdict_meaning(enum verdict v);

/* The verdict named s ("AC", "WA", ...), or -1. */
int verdict_parse(const char *s);

#endif
