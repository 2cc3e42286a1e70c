// Output validator for "Factor It": any a, b > 1 with a * b = N is right.
// Kattis protocol: validator input answer feedback_dir < team_output,
// exit 42 to accept, 43 to reject, with a reason in judgemessage.txt.
#include <fstream>
#include <iostream>
#include <string>

static std::string feedback_dir;

static int verdict(int code, const std::string &why)
{
	std::ofstream(feedback_dir + "judgemessage.txt") << why << "\n";
	return code;
}

int main(int argc, char **argv)
{
	if (argc < 4)
		return 1; // not called by a judge: neither 42 nor 43
	feedback_dir = argv[3];
	long long n;
	std::ifstream input(argv[1]);
	if (!(input >> n))
		return 1;
	long long a, b;
	if (!(std::cin >> a >> b))
		return verdict(43, "expected two integers");
	std::string extra;
	if (std::cin >> extra)
		return verdict(43, "more output than two integers");
	if (a <= 1 || b <= 1 || a >= n || b >= n)
		return verdict(43, "both factors must be greater than 1 and less than N");
	if ((__int128)a * b != n)
		return verdict(43, "the product is not N");
	return verdict(42, "a valid factorization");
}
