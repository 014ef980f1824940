# Boolean operators and short-circuiting
[ (true && false) (true || false) (!true) (false && throw "no") (true || throw "no") ]
