# Empty indented string
''''
