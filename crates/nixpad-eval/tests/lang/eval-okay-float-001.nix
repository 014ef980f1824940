# Float printing uses %g with six significant digits
[ 0.1 1.5 3.0 100.0 123456.0 1234567.0 0.000001 1000000.0 ]
