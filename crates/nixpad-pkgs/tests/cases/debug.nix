# lib.debug: each helper returns its value; what it prints is checked by the lessons.
let
  lib = (import <nixpkgs> { }).lib;
in
{
  traceVal = lib.traceVal { a = 1; };
  traceSeq = lib.debug.traceSeq { a = [ 1 2 ]; } "after";
  traceSeqN = lib.traceSeqN 1 { a = { b = 1; }; c = 2; } 3;
  traceValSeqN = lib.traceValSeqN 2 [ [ [ 1 ] ] ];
  traceIf = [ (lib.traceIf true "yes" 1) (lib.traceIf false "no" 2) ];
  traceValFn = lib.traceValFn (x: "got ${toString x}") 5;
  traceFnSeqN = lib.traceFnSeqN 1 "double" (x: x * 2) 4;
}
