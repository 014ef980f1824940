# == and != bind looser than <
[ (1 < 2 == true) (true == 1 < 2) (1 < 2 != 2 < 1) ]
