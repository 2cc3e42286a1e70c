# Assumes small inputs and crashes on the large ones.
a, b = map(int, input().split())
assert abs(a) < 10**9 and abs(b) < 10**9, "input larger than expected"
print(a + b)
