/* The heaviest load: which sums are reachable, then walk back. */
#include <stdio.h>
#include <string.h>

int main(void)
{
	int cap, n, w[20];
	static int from[10001]; /* the item that first reached each sum, + 1 */
	if (scanf("%d %d", &cap, &n) != 2)
		return 1;
	for (int i = 0; i < n; i++)
		scanf("%d", &w[i]);
	from[0] = -1;
	for (int i = 0; i < n; i++)
		for (int s = cap; s >= w[i]; s--)
			if (!from[s] && from[s - w[i]] && from[s - w[i]] != i + 1)
				from[s] = i + 1;
	int s = cap;
	while (!from[s])
		s--;
	while (s > 0) {
		printf("%d ", from[s]);
		s -= w[from[s] - 1];
	}
	printf("\n");
	return 0;
}
