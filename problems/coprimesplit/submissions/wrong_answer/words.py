# Not numbers at all: testlib calls this a presentation error (exit 2).
input()
print("one and the rest")
