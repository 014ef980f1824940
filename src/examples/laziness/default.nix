# Laziness: values are only computed when needed.
let
  # An infinite list-like structure: only the part you look at is built.
  naturals = let from = n: { head = n; tail = from (n + 1); }; in from 0;
  take = n: s: if n == 0 then [ ] else [ s.head ] ++ take (n - 1) s.tail;
in
{
  firstFive = take 5 naturals;
  # This attribute throws, but only if something forces it.
  unused = throw "never evaluated unless you expand it";
  # Expand `naturals` in the value view: each level is computed on demand.
  inherit naturals;
  fine = builtins.length [ (throw "elements are lazy too") ];
}
