//! Printing expressions as Nix does in messages (placeholder until the full printer lands).

/// Prints an expression the way Nix prints expressions in messages.
pub fn show_expr(e: &rnix::ast::Expr) -> String {
    use rowan::ast::AstNode;
    e.syntax().text().to_string()
}
