a, b = map(int, input().split())
while a != a + 1:
    a += 1
print(a + b)
