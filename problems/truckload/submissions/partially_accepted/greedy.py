# Heaviest crate first while it fits: a good load, not always the best.
cap, n, *w = map(int, open(0).read().split())
load, chosen = 0, []
for i in sorted(range(n), key=lambda i: -w[i]):
    if load + w[i] <= cap:
        load += w[i]
        chosen.append(i + 1)
print(*chosen)
