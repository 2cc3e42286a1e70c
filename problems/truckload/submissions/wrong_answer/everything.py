# Loads every crate, over the capacity.
cap, n, *w = map(int, open(0).read().split())
print(*range(1, n + 1))
