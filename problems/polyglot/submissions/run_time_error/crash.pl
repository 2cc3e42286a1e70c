:- initialization(main).
main :- halt(1).
