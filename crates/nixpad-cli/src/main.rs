//! `nixpad`: evaluate Nix like `nix-instantiate --eval`, from the command line.

mod alloc;
mod derivation;
mod flake;
mod fs_io;
mod impact_cmd;
mod instantiate;
mod lessons;
mod nixpkgs;
mod serve;

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: alloc::Mimalloc = alloc::Mimalloc;

const USAGE: &str = "\
usage:
  nixpad eval [OPTION]... [FILE | -E EXPR | -]...   (nix-instantiate --eval; `nixpad eval --help`)
  nixpad lessons (check [DIR] | pack DIR -o FILE.pack | bench [DIR])
  nixpad derivation show [-r] [--aterm] [-I PATH]... (FILE | -E EXPR)
  nixpad derivation sbom [--licenses] [eval options] (FILE | -E EXPR | -) [-A ATTR]
  nixpad flake (show|check|eval|lock|update|metadata|init|new) …   (`nixpad flake` for details)
  nixpad registry list | add FROM TO | remove FROM
  nixpad nixpkgs pack -o FILE       (nixpkgs-lite as the compressed pack the web app fetches)
  nixpad impact [-I PATH]... [--config EXPR] [--json] (OVERLAY.nix | -E OVERLAY)... | --before EXPR --after EXPR
<nixpkgs> is nixpkgs-lite when -I and NIX_PATH do not provide it (NIXPAD_NIXPKGS=DIR chooses the folder).
  nixpad serve [--site DIR] [--lessons DIR] [--only] [--port N] [--bind ADDR] [--open]";

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("error: {msg}\n\n{USAGE}");
    ExitCode::from(1)
}

/// The current directory ("/" if it cannot be read).
pub(crate) fn cwd() -> String {
    std::env::current_dir()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "/".into())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        return usage_error("no command given");
    };
    match command.as_str() {
        "eval" => instantiate::main(&args[1..]),
        "derivation" => derivation::main(&args[1..]),
        "impact" => impact_cmd::main(&args[1..]),
        "nixpkgs" => nixpkgs::main(&args[1..]),
        "flake" | "registry" => {
            let rest = args.to_vec();
            let run = move || {
                if rest[0] == "flake" {
                    flake::main(&rest[1..])
                } else {
                    flake::registry_main(&rest[1..])
                }
            };
            let handle = std::thread::Builder::new().stack_size(512 << 20).spawn(run);
            handle
                .ok()
                .and_then(|h| h.join().ok())
                .unwrap_or(ExitCode::from(1))
        }
        "lessons" => {
            let rest = args[1..].to_vec();
            let handle = std::thread::Builder::new()
                .stack_size(512 << 20)
                .spawn(move || lessons::main(&rest));
            handle
                .ok()
                .and_then(|h| h.join().ok())
                .unwrap_or(ExitCode::from(1))
        }
        "serve" => {
            // Validating lessons evaluates their checks: the same big stack as `lessons`.
            let rest = args[1..].to_vec();
            let handle = std::thread::Builder::new()
                .stack_size(512 << 20)
                .spawn(move || serve::main(&rest));
            handle
                .ok()
                .and_then(|h| h.join().ok())
                .unwrap_or(ExitCode::from(1))
        }
        "--help" | "-h" | "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => usage_error(&format!("unknown command '{other}'")),
    }
}
