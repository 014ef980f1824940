# -> is implication and is right-associative
[ (false -> false -> false) ((false -> false) -> false) (true -> false) (false -> throw "no") ]
