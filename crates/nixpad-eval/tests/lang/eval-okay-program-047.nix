# Indented-string shell script with escapes
let name = "world"; in ''
  #!/bin/sh
  echo "hello ${name}"
  echo ''${HOME}
  x=$((1 + 2))
''
