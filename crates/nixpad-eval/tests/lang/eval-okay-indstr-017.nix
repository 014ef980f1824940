# Escapes: ''$ ''' ''\n ''\t ''\\
''a''$b'''c''\nd''\te''\\f''
