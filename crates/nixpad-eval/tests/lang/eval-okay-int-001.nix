# Integer literals, including leading zeros and the largest int
[ 0 7 007 42 9223372036854775807 ]
