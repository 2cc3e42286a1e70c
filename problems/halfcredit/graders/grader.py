"""Partial credit by threshold (the legacy grader protocol).

stdin: one line "VERDICT SCORE" per test case or subgroup, in order.
argv[1]: the fraction of them that must be accepted (grader_flags).
stdout: "AC SUM" (the accepted ones' scores) when enough were accepted,
else the first rejection's verdict and 0.
"""
import sys

need = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
results = [line.split() for line in sys.stdin if line.strip()]
accepted = [float(score) for verdict, score in results if verdict == "AC"]
if results and len(accepted) >= need * len(results):
    print("AC %g" % sum(accepted))
else:
    first = next((verdict for verdict, _ in results if verdict != "AC"), "WA")
    print("%s 0" % first)
