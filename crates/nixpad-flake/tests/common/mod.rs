//! Loading flakes from in-memory files, as the browser does.
#![allow(dead_code)]

use std::rc::Rc;

use nixpad_eval::MemoryIO;
use nixpad_flake::{Flake, Options, Update};

/// The folder the test flakes live in.
pub const DIR: &str = "/project";

/// A memory tree with `files` (paths relative to [`DIR`]).
pub fn tree(files: &[(&str, &str)]) -> MemoryIO {
    let mut io = MemoryIO::new();
    for (path, text) in files {
        io.add_file(&format!("{DIR}/{path}"), text.as_bytes());
    }
    io
}

/// Loads the flake in [`DIR`].
pub fn load_with(files: &[(&str, &str)], update: Update) -> Result<Flake, String> {
    let options = Options {
        update,
        ..Options::default()
    };
    nixpad_flake::load(Rc::new(tree(files)), DIR, &options)
}

/// Loads the flake in [`DIR`], keeping any lock file.
pub fn load(files: &[(&str, &str)]) -> Result<Flake, String> {
    load_with(files, Update::Keep)
}

/// The error loading gives (panics if it loads).
pub fn load_error(files: &[(&str, &str)]) -> String {
    match load(files) {
        Ok(_) => panic!("the flake loaded"),
        Err(e) => e,
    }
}

/// Evaluates an output to its printed form (`nix eval`).
pub fn eval(flake: &mut Flake, attr: &str) -> Result<String, String> {
    let v = flake.select(attr, "x86_64-linux")?;
    let printed = flake
        .evaluator
        .print(&v, true)
        .map_err(|e| flake.evaluator.render_error(&e))?;
    Ok(String::from_utf8_lossy(&printed).into_owned())
}
