# Multiplication overflow is an error
4294967296 * 4294967296
