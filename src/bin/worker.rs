//! The evaluation worker's entry point (built by trunk as a `no-modules` worker).

fn main() {
    #[cfg(target_arch = "wasm32")]
    nixpad_web::worker_main::start();
}
