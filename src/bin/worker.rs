//! The evaluation worker's entry point (built by trunk as a `no-modules` worker).

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    nixpad_web::worker_main::start();
}
