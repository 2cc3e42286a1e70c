/* verdict.c - names of verdicts. */
#include "verdict.h"

#include <string.h>

static const char *const names[VERDICT_COUNT] = { "AC", "WA", "TLE", "MLE", "RE", "OLE", "CE", "JE" };
static const char *const meanings[VERDICT_COUNT] = {
	"accepted", "wrong answer", "time limit exceeded", "memory limit exceeded", "run-time error",
	"output limit exceeded", "compile error", "judge error: the course staff will look into it",
};

const char *verdict_name(enum verdict v)
{
	return (unsigned)v < VERDICT_COUNT ? names[v] : "JE";
}

const char *verdict_meaning(enum verdict v)
{
	return (unsigned)v < VERDICT_COUNT ? meanings[v] : meanings[VERDICT_JE];
}

int verdict_parse(const char *s)
{
	for (int i = 0; i < VERDICT_COUNT; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}
