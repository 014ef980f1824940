# A path is never equal to a string
[ (/a == "/a") (toString /a == "/a") ]
