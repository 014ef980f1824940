//! `nixpad`: evaluate Nix like `nix-instantiate --eval`, from the command line.

mod derivation;
mod alloc;
mod fs_io;
mod lessons;

use std::io::{Read, Write};
use std::process::ExitCode;
use std::rc::Rc;

use nixpad_eval::{AutoArg, Evaluator, Limits, Origin, Settings};

#[global_allocator]
static ALLOCATOR: alloc::Mimalloc = alloc::Mimalloc;

const USAGE: &str = "\
usage:
  nixpad eval [--strict] [--json | --xml] [-I PATH]... [--arg NAME EXPR]... [--argstr NAME VALUE]... (FILE | -E EXPR | -)

Evaluates a Nix expression and prints its value exactly as `nix-instantiate --eval` does.
Also accepted (and ignored): --eval, --show-trace, --no-location, --extra-experimental-features X, --option NAME VALUE.
  nixpad lessons (check [DIR] | pack DIR -o FILE.pack | bench [DIR])
  nixpad derivation show [-r] [--aterm] [-I PATH]... (FILE | -E EXPR)";

/// What to evaluate.
enum Input {
    File(String),
    Expr(String),
    Stdin,
}

#[derive(PartialEq)]
enum Output {
    Nix,
    Json,
    Xml,
}

struct EvalCommand {
    strict: bool,
    output: Output,
    include: Vec<String>,
    args: Vec<(String, AutoArg)>,
    input: Input,
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("error: {msg}\n\n{USAGE}");
    ExitCode::from(1)
}

fn parse_eval(args: &[String]) -> Result<EvalCommand, String> {
    let mut cmd = EvalCommand { strict: false, output: Output::Nix, include: Vec::new(), args: Vec::new(), input: Input::Stdin };
    let mut input = None;
    let mut i = 0;
    let value = |i: &mut usize, flag: &str| -> Result<String, String> {
        *i += 1;
        args.get(*i).cloned().ok_or_else(|| format!("flag '{flag}' requires an argument"))
    };
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "--strict" => cmd.strict = true,
            "--json" => cmd.output = Output::Json,
            "--xml" => cmd.output = Output::Xml,
            "--eval" | "--show-trace" | "--no-location" | "--read-write-mode" => {}
            "--extra-experimental-features" | "--experimental-features" => {
                value(&mut i, a)?;
            }
            "--option" => {
                value(&mut i, a)?;
                value(&mut i, a)?;
            }
            "-I" => {
                let p = value(&mut i, a)?;
                cmd.include.push(p);
            }
            "--arg" | "--argstr" => {
                let name = value(&mut i, a)?;
                let v = value(&mut i, a).map_err(|_| format!("flag '{a}' requires two arguments"))?;
                cmd.args.push((name, if a == "--arg" { AutoArg::Expr(v) } else { AutoArg::Str(v) }));
            }
            "-E" | "--expr" => {
                let e = value(&mut i, a)?;
                input = Some(Input::Expr(e));
            }
            "-" => input = Some(Input::Stdin),
            _ if a.starts_with('-') => return Err(format!("unrecognised flag '{a}'")),
            _ => {
                if input.is_some() {
                    return Err(format!("unexpected argument '{a}'"));
                }
                input = Some(Input::File(a.to_string()));
            }
        }
        i += 1;
    }
    cmd.input = input.ok_or("nothing to evaluate: give FILE, -E EXPR or -")?;
    Ok(cmd)
}

fn cwd() -> String {
    std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| "/".into())
}

fn run_eval(cmd: EvalCommand) -> ExitCode {
    let mut settings = Settings { home: std::env::var("HOME").ok(), ..Settings::default() };
    for inc in &cmd.include {
        settings.add_nix_path(inc);
    }
    if let Ok(p) = std::env::var("NIX_PATH") {
        settings.add_nix_path(&p);
    }
    // Evaluation runs on a 512 MiB stack: builtins may nest deeply (a chain of derivations
    // forces each previous one from inside `derivationStrict`).
    let mut ev = Evaluator::new(Rc::new(fs_io::FsIO), settings, Limits { max_native_depth: 40_000, ..Limits::default() });
    let base = cwd();
    let value = match &cmd.input {
        Input::Expr(e) => ev.eval_source(e, Origin::String, &base),
        Input::Stdin => {
            let mut text = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut text) {
                eprintln!("error: reading standard input: {e}");
                return ExitCode::from(1);
            }
            ev.eval_source(&text, Origin::Stdin, &base)
        }
        Input::File(f) => {
            let path = if f.starts_with('/') { f.clone() } else { format!("{base}/{f}") };
            ev.eval_file(&path)
        }
    };
    let result = value
        .and_then(|v| ev.apply_auto_args(v, &cmd.args, &base))
        .and_then(|v| match cmd.output {
            Output::Nix => ev.print(&v, cmd.strict).map(|mut out| {
                out.push(b'\n');
                out
            }),
            Output::Json => ev.to_json(&v).map(|mut out| {
                out.push(b'\n');
                out
            }),
            Output::Xml => ev.to_xml(&v, cmd.strict),
        });
    match result {
        Ok(out) => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(&out);
            let _ = stdout.flush();
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{}", ev.render_error(&e));
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else { return usage_error("no command given") };
    match command.as_str() {
        "eval" => match parse_eval(&args[1..]) {
            Ok(cmd) => {
                // Evaluate on a thread with a generous stack: builtins re-enter the machine.
                let handle = std::thread::Builder::new().stack_size(512 << 20).spawn(move || run_eval(cmd));
                match handle.map(|h| h.join()) {
                    Ok(Ok(code)) => code,
                    _ => {
                        eprintln!("error: internal error: the evaluator thread failed");
                        ExitCode::from(1)
                    }
                }
            }
            Err(msg) => usage_error(&msg),
        },
        "derivation" => derivation::main(&args[1..]),
        "lessons" => {
            let rest = args[1..].to_vec();
            let handle = std::thread::Builder::new().stack_size(512 << 20).spawn(move || lessons::main(&rest));
            handle.ok().and_then(|h| h.join().ok()).unwrap_or(ExitCode::from(1))
        }
        "--help" | "-h" | "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => usage_error(&format!("unknown command '{other}'")),
    }
}
