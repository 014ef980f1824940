# $${ is literal text in indented strings
''$${x}''
