# toString has no __ alias either
__toString 1
