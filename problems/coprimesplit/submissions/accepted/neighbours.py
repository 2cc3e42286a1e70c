# n = a + b with a and b next to each other (coprime) or two apart and odd.
n = int(input())
if n % 2 == 1:
    print(n // 2, n // 2 + 1)
elif n % 4 == 0:
    print(n // 2 - 1, n // 2 + 1)
else:
    print(n // 2 - 2, n // 2 + 2)
