# Halves: equal, so coprime only when both are 1.
n = int(input())
print(n // 2, n - n // 2)
