lo, hi = 1, 1000
while lo <= hi:
    mid = (lo + hi) // 2
    print(mid, flush=True)
    answer = input().strip()
    if answer == "correct":
        break
    if answer == "lower":
        hi = mid - 1
    else:
        lo = mid + 1
