#!/usr/bin/env python3
# Truck Load's output validator: accepts any load within the capacity and
# scores it 10 * load / best load in score.txt (the Kattis protocol:
# validator input answer feedback_dir < output; exit 42 accepts, 43 rejects).
import sys


def reject(feedback, why):
    with open(feedback + "judgemessage.txt", "w") as f:
        f.write(why + "\n")
    sys.exit(43)


def main():
    _, input_path, answer_path, feedback = sys.argv[:4]
    with open(input_path) as f:
        capacity, n, *weights = map(int, f.read().split())
    with open(answer_path) as f:
        best = int(f.read())
    tokens = sys.stdin.read(1 << 20).split()
    if len(tokens) > n:
        reject(feedback, "more items than there are")
    chosen = set()
    for t in tokens:
        if not t.isdigit() or not 1 <= int(t) <= n:
            reject(feedback, "not an item number: %.20s" % t)
        if int(t) in chosen:
            reject(feedback, "item %s loaded twice" % t)
        chosen.add(int(t))
    load = sum(weights[i - 1] for i in chosen)
    if load > capacity:
        reject(feedback, "load %d is over the capacity %d" % (load, capacity))
    score = 10.0 if best == 0 else 10.0 * load / best
    with open(feedback + "score.txt", "w") as f:
        f.write("%.6f\n" % score)
    with open(feedback + "judgemessage.txt", "w") as f:
        f.write("load %d of best %d\n" % (load, best))
    sys.exit(42)


main()
