// A testlib checker (Polygon convention: checker input output answer).
// Any a, b >= 1 with a + b = n and gcd(a, b) = 1 is right; the jury's
// answer is checked the same way, and a wrong one is the judge's fault.
#include "testlib.h"

#include <numeric>

static void check_pair(InStream &in, long long n, const char *who)
{
	long long a = in.readLong(1, n - 1, "a");
	long long b = in.readLong(1, n - 1, "b");
	if (a + b != n)
		in.quitf(_wa, "%s: %lld + %lld is not %lld", who, a, b, n);
	if (std::gcd(a, b) != 1)
		in.quitf(_wa, "%s: %lld and %lld share the divisor %lld", who, a, b, std::gcd(a, b));
}

int main(int argc, char *argv[])
{
	registerTestlibCmd(argc, argv);
	long long n = inf.readLong();
	check_pair(ans, n, "jury");
	check_pair(ouf, n, "contestant");
	quitf(_ok, "a coprime split of %lld", n);
}
