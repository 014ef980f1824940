# Deeper nesting: strings inside interpolations inside indented strings
''
  outer ${''inner ${"most"}''} end
''
