# Fixed points and extensions: how package sets (and `lib` itself) are built and overlaid.
{ lib }:
rec {
  # `fix f` is the value x with x == f x (it exists when f is lazy enough in its argument).
  fix = f: let x = f x; in x;

  # Like `fix`, but the result remembers the function it was built from (`__unfix__`).
  fix' = f: let x = f x // { __unfix__ = f; }; in x;

  # Applies an overlay `final: prev: { ... }` to a function `final: { ... }`: `prev` is the
  # set before the overlay, `final` the set after every overlay (the fixed point).
  extends = overlay: f: final:
    let prev = f final;
    in prev // overlay final prev;

  # One overlay doing what `f` then `g` do (g sees f's changes in its `prev`).
  composeExtensions = f: g: final: prev:
    let
      fromF = f final prev;
      prevForG = prev // fromF;
    in
    fromF // g final prevForG;

  # One overlay doing what the list's overlays do, in order.
  composeManyExtensions = builtins.foldl' composeExtensions (final: prev: { });

  # Turns a set or a `prev: {...}` function into an overlay `final: prev: {...}`.
  toExtension = f:
    if builtins.isFunction f then
      final: prev:
        let fPrev = f prev;
        in if builtins.isFunction fPrev then f final prev else fPrev
    else
      final: prev: f;

  # A fixed point of `rattrs` with an `extend` attribute: `x.extend overlay` is the fixed
  # point of `extends overlay rattrs`.
  makeExtensible = makeExtensibleWithCustomName "extend";

  # `makeExtensible` with another name for the extending attribute.
  makeExtensibleWithCustomName = extenderName: rattrs:
    fix' (self: rattrs self // {
      ${extenderName} = f: makeExtensibleWithCustomName extenderName (extends (toExtension f) rattrs);
    });
}
