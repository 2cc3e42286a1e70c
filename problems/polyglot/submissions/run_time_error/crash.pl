main :- X is 1 / 0, write(X), nl.
