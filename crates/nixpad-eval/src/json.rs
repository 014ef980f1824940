//! JSON (temporary version; replaced by the full module).
/// A parsed JSON document.
pub enum Json { Null, Bool(bool), Int(i64), Float(f64), String(Vec<u8>), Array(Vec<Json>), Object(Vec<(Vec<u8>, Json)>) }
/// Parse.
pub fn parse(_text: &[u8]) -> Result<Json, String> { Err("not yet".into()) }
/// Write a string literal.
pub fn write_string(out: &mut Vec<u8>, s: &[u8]) { out.push(b'"'); out.extend_from_slice(s); out.push(b'"'); }
