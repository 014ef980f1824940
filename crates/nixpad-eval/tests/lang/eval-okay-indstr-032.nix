# Mixed indentation levels
''
      deep
    mid
        deeper
''
