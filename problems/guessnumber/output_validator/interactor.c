/* Interactor for "Guess My Number": reads the secret from the test's
 * input, answers each guess with lower/higher/correct, allows 10 guesses.
 * Kattis protocol: interactor input answer feedback_dir/; our stdout is the
 * program's stdin and the program's stdout our stdin; exit 42 accepts, 43
 * rejects, with the reason in judgemessage.txt. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_GUESSES 10

static char message_path[4096];

static int verdict(int code, const char *why, long guesses)
{
	FILE *f = fopen(message_path, "w");
	if (f) {
		fprintf(f, "%s (after %ld guesses)\n", why, guesses);
		fclose(f);
	}
	return code;
}

int main(int argc, char **argv)
{
	if (argc < 4)
		return 1; /* not called by a judge: neither 42 nor 43 */
	signal(SIGPIPE, SIG_IGN); /* a program that exits early is its own fault, not ours */
	snprintf(message_path, sizeof message_path, "%sjudgemessage.txt", argv[3]);
	FILE *in = fopen(argv[1], "r");
	long secret;
	if (!in || fscanf(in, "%ld", &secret) != 1 || secret < 1 || secret > 1000)
		return 1;
	fclose(in);
	for (long guesses = 1;; guesses++) {
		char line[64];
		if (!fgets(line, sizeof line, stdin))
			return verdict(43, "the program stopped before guessing the number", guesses - 1);
		char *end;
		long g = strtol(line, &end, 10);
		if (end == line || (*end != '\n' && *end != 0) || g < 1 || g > 1000)
			return verdict(43, "a guess that is not a whole number from 1 to 1000", guesses - 1);
		if (g == secret) {
			printf("correct\n");
			fflush(stdout);
			return verdict(42, "guessed", guesses);
		}
		if (guesses == MAX_GUESSES)
			return verdict(43, "no guesses left", guesses);
		printf(g > secret ? "lower\n" : "higher\n");
		fflush(stdout);
	}
}
