//! `builtins.toXML`.

use crate::error::EvalResult;
use crate::machine::Machine;
use crate::source::Span;
use crate::value::*;

/// `builtins.toXML v`
pub fn prim_to_xml(_m: &mut Machine, _args: Vec<Value>, _span: Span) -> EvalResult<Value> {
    Ok(Value::Null)
}
