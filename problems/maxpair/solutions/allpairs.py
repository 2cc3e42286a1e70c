# Every pair: quadratic, too slow for n = 100000.
n = int(input())
a = list(map(int, input().split()))
best = None
for i in range(n):
    for j in range(i + 1, n):
        if best is None or a[i] + a[j] > best:
            best = a[i] + a[j]
print(best)
