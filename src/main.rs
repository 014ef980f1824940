//! The page's entry point: starts the yew app.

fn main() {
    nixpad_web::app::run();
}
