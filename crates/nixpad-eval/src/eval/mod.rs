//! The evaluation machine and what it works on: values, errors, the I/O trait, and
//! printing values as `nix-instantiate --eval` does.

pub(crate) mod collect;
pub(crate) mod debug;
pub(crate) mod error;
pub(crate) mod io;
pub(crate) mod machine;
pub(crate) mod primop;
pub(crate) mod print;
pub(crate) mod value;
