# Five quotes: two open, ''' escapes, then the string never closes
'''''
