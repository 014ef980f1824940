# indented strings keep raw bytes too
''
  aÿb
''
