# A comment at the end of the file without a newline
1 # trailing
