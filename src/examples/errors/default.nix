# Errors: throw, assert and builtins.tryEval.
let
  safeDiv = a: b:
    assert builtins.isInt b;
    if b == 0 then throw "division by zero requested" else a / b;

  attempt = builtins.tryEval (safeDiv 1 0);
in
{
  ok = safeDiv 10 2;
  caught = attempt;           # { success = false; value = false; }
  recovered = if attempt.success then attempt.value else "fallback";
  # Uncomment to see an error underlined in the editor:
  # broken = safeDiv 1 "two";
}
