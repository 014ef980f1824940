# Different types are never equal
[ (1 == [ 1 ]) ({ } == [ ]) ("" == null) (false == 0) ]
