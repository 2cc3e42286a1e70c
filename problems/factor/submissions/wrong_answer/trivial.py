# 1 * N is not allowed.
n = int(input())
print(1, n)
