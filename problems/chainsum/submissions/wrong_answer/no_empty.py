# Prints nothing for an empty list: wrong on group 1, right on group 2,
# which require_pass then leaves unscored: 0 points, not 80.
n = int(input())
xs = [int(input()) for _ in range(n)]
if xs:
    print(sum(xs))
