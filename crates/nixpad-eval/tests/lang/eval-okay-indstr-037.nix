# Indented string used as a value in a list
[ ''
    one
  '' ''two'' ]
