# builtins.trace prints a message when its value is forced.
# See the messages in the "Trace" tab.
let
  fib = n:
    builtins.trace "fib ${toString n}"
      (if n < 2 then n else fib (n - 1) + fib (n - 2));
in
{
  result = fib 5;
  traced = builtins.trace { some = "value"; } "done";
}
