//! Float formatting (temporary version; replaced by the full module).
/// `%g`-style printing.
pub fn format_float(f: f64) -> String { format!("{f}") }
/// `%f`-style printing.
pub fn format_float_to_string(f: f64) -> String { format!("{f:.6}") }
/// JSON printing.
pub fn format_float_json(f: f64) -> String { format!("{f}") }
