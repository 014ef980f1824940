# toString of basic values
[ (toString 1) (toString (-3)) (toString "s") (toString null) (toString true) (toString false) ]
