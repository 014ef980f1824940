# Tabs are not indentation
''
	a
	b
''
