//! `builtins.fromTOML`.

use crate::error::EvalResult;
use crate::machine::Machine;
use crate::source::Span;
use crate::value::*;

/// `builtins.fromTOML s`
pub fn prim_from_toml(_m: &mut Machine, _args: Vec<Value>, _span: Span) -> EvalResult<Value> {
    Ok(Value::Null)
}
