/* Interactor for "Few Guesses": reads the secret from the test's input,
 * answers each guess with lower/higher/correct, allows 1000 guesses, and
 * scores a found number 10 points for at most 10 guesses, 100 / guesses
 * for more, in score.txt. Kattis protocol: interactor input answer
 * feedback_dir/; our stdout is the program's stdin and its stdout ours;
 * exit 42 accepts, 43 rejects, with the reason in judgemessage.txt. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_GUESSES 1000
#define FULL_MARKS_GUESSES 10

static const char *feedback;

static void write_feedback(const char *name, const char *format, double value)
{
	char path[4096];
	snprintf(path, sizeof path, "%s%s", feedback, name);
	FILE *f = fopen(path, "w");
	if (f) {
		fprintf(f, format, value);
		fclose(f);
	}
}

static int reject(const char *why)
{
	write_feedback("judgemessage.txt", why, 0);
	return 43;
}

int main(int argc, char **argv)
{
	if (argc < 4)
		return 1; /* not called by a judge: neither 42 nor 43 */
	signal(SIGPIPE, SIG_IGN); /* a program that exits early is its own fault, not ours */
	feedback = argv[3];
	FILE *in = fopen(argv[1], "r");
	long secret;
	if (!in || fscanf(in, "%ld", &secret) != 1 || secret < 1 || secret > 1000)
		return 1;
	fclose(in);
	for (long guesses = 1; guesses <= MAX_GUESSES; guesses++) {
		char line[64];
		if (!fgets(line, sizeof line, stdin))
			return reject("the program stopped before guessing the number\n");
		char *end;
		long g = strtol(line, &end, 10);
		if (end == line || (*end != '\n' && *end != 0) || g < 1 || g > 1000)
			return reject("a guess that is not a whole number from 1 to 1000\n");
		if (g == secret) {
			printf("correct\n");
			fflush(stdout);
			double score = guesses <= FULL_MARKS_GUESSES ? 10 : 100.0 / guesses;
			write_feedback("score.txt", "%.6f\n", score);
			write_feedback("judgemessage.txt", "guessed in %.0f guesses\n", (double)guesses);
			return 42;
		}
		printf(g > secret ? "lower\n" : "higher\n");
		fflush(stdout);
	}
	return reject("no guesses left\n");
}
