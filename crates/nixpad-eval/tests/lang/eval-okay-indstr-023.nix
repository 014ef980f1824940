# A lone dollar and a doubled dollar
''a $ b $$ c''
