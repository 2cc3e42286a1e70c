// The two largest, in one pass.
#include <cstdio>
#include <climits>

int main()
{
	int n;
	if (std::scanf("%d", &n) != 1)
		return 1;
	long long first = LLONG_MIN, second = LLONG_MIN;
	for (int i = 0; i < n; i++) {
		long long a;
		std::scanf("%lld", &a);
		if (a > first) {
			second = first;
			first = a;
		} else if (a > second) {
			second = a;
		}
	}
	std::printf("%lld\n", first + second);
}
