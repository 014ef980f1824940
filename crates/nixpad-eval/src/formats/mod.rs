//! Data formats the builtins read and write, each implemented here to agree with Nix byte
//! for byte: JSON, TOML, XML, float printing and parsing, and POSIX regular expressions.

pub mod float;
pub mod json;
pub mod regex;
pub(crate) mod toml;
pub(crate) mod xml;
