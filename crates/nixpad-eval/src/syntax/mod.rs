//! From source text to the IR the machine runs: the source map, parsing (rnix) and
//! lowering with resolved variables, string literals, interned symbols, printing
//! expressions as Nix quotes them, "did you mean" suggestions, and the public
//! syntax-tree view (below).

pub(crate) mod corepkgs;
pub(crate) mod encoded;
pub(crate) mod ir;
pub(crate) mod lower;
pub(crate) mod show;
pub(crate) mod source;
pub(crate) mod strings;
pub(crate) mod suggest;
pub(crate) mod symbol;
mod tree;

pub use tree::*;
