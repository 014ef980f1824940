# A single quote inside is literal
''it's ok''
