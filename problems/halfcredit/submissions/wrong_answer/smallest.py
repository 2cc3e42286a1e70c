# The smallest instead: wrong on every test, so no group earns anything.
input()
print(min(map(int, input().split())))
