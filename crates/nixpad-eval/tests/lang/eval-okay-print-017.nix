# Float values near the %g rounding boundaries
[ 999999.4 999999.5 9999995.0 0.0001 0.00009999 123456.5 1.5e-5 ]
