import sys
data = sys.stdin.buffer.read().split()
xs = sorted(map(int, data[1:]))
sys.stdout.write(" ".join(map(str, xs)) + "\n")
