mode = input().strip()
if mode == "encode":
    code = 0
    for c in input().strip():
        code = code * 27 + ord(c) - ord("a") + 1
    print(code)
else:
    code = int(input())
    word = ""
    while code > 0:
        word = chr(ord("a") + code % 27 - 1) + word
        code //= 27
    print(word)
