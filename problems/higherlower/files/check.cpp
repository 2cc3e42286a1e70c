// Checker for "Higher or Lower": reads what the interactor recorded (tout,
// here the output) and the answer, the secret. A record that disagrees
// with the answer is the jury's fault (FAIL).
#include "testlib.h"

int main(int argc, char *argv[])
{
	registerTestlibCmd(argc, argv);
	int secret = ans.readInt();
	int guess = ouf.readInt(1, 1000, "guess");
	int guesses = ouf.readInt(1, 10, "guesses");
	if (guess != secret)
		quitf(_fail, "the interactor recorded %d, but the answer is %d", guess, secret);
	quitf(_ok, "%d guesses", guesses);
}
