# Double quotes and backslashes need no escaping
''
  say "hi" \n \t \
''
