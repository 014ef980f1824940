# compareVersions: only components that fit a 32-bit int are numbers; longer runs of digits compare as text
let v = a: b: [ (builtins.compareVersions a b) (builtins.compareVersions b a) ]; in [
  (v "1-2147483648" "1-02147483648") (v "1" "2147483648") (v "2147483647" "2147483646")
  (v "1.2147483648" "1.99") (v "99999999999999999999" "99999999999999999998") (v "123.011" "0123.11")
]
