# A first line of only spaces is removed
''  
  a
''
