# Six significant digits in exponent form: within the tolerance everywhere.
import math
r = float(input())
print(f"{math.pi * r * r:.8e}")
