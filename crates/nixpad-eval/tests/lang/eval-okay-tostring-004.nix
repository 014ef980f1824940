# toString of an empty list and of nested empty lists
[ (toString []) (toString [ [] [] ]) (toString [ null ]) ]
