/* Output validator for "Code Word", a multi-pass problem. Pass 1 (input
 * "encode WORD"): the program's output must be one whole number; it becomes
 * the next pass's input, "decode NUMBER", through nextpass.in. Pass 2
 * (input "decode NUMBER"): the output must be the word, which is the
 * answer file. Kattis protocol: validator input answer feedback_dir/ <
 * output; 42 accepts (with nextpass.in: run again), 43 rejects. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *feedback;

static int verdict(int code, const char *why)
{
	char path[4096];
	snprintf(path, sizeof path, "%sjudgemessage.txt", feedback);
	FILE *f = fopen(path, "a"); /* passes append: the feedback directory persists */
	if (f) {
		fprintf(f, "%s\n", why);
		fclose(f);
	}
	return code;
}

int main(int argc, char **argv)
{
	if (argc < 4)
		return 1;
	feedback = argv[3];
	char mode[16], word[64], out[64], extra[2];
	FILE *in = fopen(argv[1], "r"), *ans = fopen(argv[2], "r");
	if (!in || !ans || fscanf(in, "%15s", mode) != 1 || fscanf(ans, "%63s", word) != 1)
		return 1;
	if (scanf("%63s", out) != 1)
		return verdict(43, "no output");
	if (scanf("%1s", extra) == 1)
		return verdict(43, "more than one token of output");
	if (strcmp(mode, "encode") == 0) {
		char *end;
		errno = 0;
		long long code = strtoll(out, &end, 10);
		if (errno || *end || end == out || code < 0)
			return verdict(43, "the code is not a whole number from 0 to 2^63-1");
		char path[4096];
		snprintf(path, sizeof path, "%snextpass.in", feedback);
		FILE *next = fopen(path, "w");
		if (!next)
			return 1;
		fprintf(next, "decode\n%lld\n", code);
		fclose(next);
		return verdict(42, "encoded");
	}
	if (strcmp(out, word) != 0)
		return verdict(43, "decoded a different word");
	return verdict(42, "decoded the word");
}
