# ''${ is a literal dollar-brace
''
  a''${b}
''
