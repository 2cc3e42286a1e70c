// Interactor for "Higher or Lower" (testlib, as Polygon runs it:
// interactor input tout answer). It reads the secret from the test's
// input, answers each of at most 10 guesses, and records the guess that
// hit and how many guesses it took in tout, which the checker reads.
#include "testlib.h"
#include <iostream>

int main(int argc, char *argv[])
{
	registerInteraction(argc, argv);
	int secret = inf.readInt(1, 1000, "secret");
	for (int guesses = 1; guesses <= 10; guesses++) {
		int guess = ouf.readInt(1, 1000, "guess");
		if (guess == secret) {
			std::cout << "correct" << std::endl;
			tout << guess << ' ' << guesses << std::endl;
			quitf(_ok, "guessed %d in %d guesses", secret, guesses);
		}
		std::cout << (guess > secret ? "lower" : "higher") << std::endl;
	}
	quitf(_wa, "no guesses left: the number was %d", secret);
}
