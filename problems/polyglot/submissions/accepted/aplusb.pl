:- initialization(main).
main :- read_integer(A), read_integer(B), C is A + B, write(C), nl.
