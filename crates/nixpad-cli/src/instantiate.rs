//! `nixpad eval`: the command line of `nix-instantiate --eval`, so that commands pasted
//! from manuals and test scripts work unchanged (behind a two-line `nix-instantiate`
//! wrapper, see the README).
//!
//! Like Nix: `-E`/`--expr` makes every positional argument an expression; without it
//! they are files (`-` is standard input) and no argument at all means `./default.nix`.
//! Each input is evaluated, then each `-A` path is selected from it (default: the whole
//! value), then, when `--arg`/`--argstr` are given, a function result is called with
//! them; every result is printed on its own line. The first error ends the run (exit 1).

use std::io::{Read, Write};
use std::process::ExitCode;
use std::rc::Rc;

use nixpad_eval::{AutoArg, ErrorKind, Evaluator, Limits, Origin, Settings};

/// The line after a usage error, as `nix-instantiate` prints one (naming its own `--help`).
const USAGE_HINT: &str = "Try 'nixpad eval --help' for more information.";

/// The options of `nixpad eval` (printed by `nixpad eval --help`).
pub const HELP: &str = "\
usage: nixpad eval [OPTION]... [FILE | -]...          (the options of `nix-instantiate --eval`)
       nixpad eval [OPTION]... -E EXPR...

  --strict                 evaluate the result deeply (otherwise unevaluated parts print as <CODE>)
  --json | --xml           print as JSON / XML
  --raw                    print the value as a string (coerced as \"${...}\" does), without
                           quotes or a newline (of --raw, --json and --xml, the last counts)
  --parse                  print each input as Nix parsed it (as in messages), not its value
  -A, --attr PATH          select PATH (a.b.\"c.d\".0) from each input; repeatable; functions
                           taking a set are called with the --arg values on the way
  -E, --expr               the arguments are expressions, not files
  --file FILE              evaluate FILE (as `nix eval --file`)
  -I, --include PATH       add a search-path entry (name=path or path) before $NIX_PATH
  --arg NAME EXPR, --argstr NAME STRING, --arg-from-file NAME FILE, --arg-from-stdin NAME
  --show-trace             errors also name each function call they went through
  --pure-eval | --impure   Nix's pure evaluation mode (no currentSystem, getEnv, files, <...>)
  --timeout N              give up after N seconds
  --bench N                then evaluate (and render) the inputs N more times in this process,
                           each time with a fresh evaluator that shares the files lowered by
                           the first (as the web worker does), and print the times to stderr
  --option NAME VALUE      or --NAME VALUE: abort-on-warn, max-call-depth, pure-eval, show-trace,
                           lint-url-literals, lint-short-path-literals, lint-absolute-path-literals
                           (ignore | warn | fatal), (extra-)experimental-features
  Accepted and ignored: --eval, --eval-only, --read-write-mode, --readonly-mode, --no-location,
  --store URL, --verbose/-v, --quiet.";

/// How results are printed.
#[derive(Clone, Copy, PartialEq)]
enum Output {
    Nix,
    /// `--raw`: the value coerced to a string, printed as it is.
    Raw,
    Json,
    Xml,
}

/// One thing to evaluate.
enum Input {
    File(String),
    Expr(String),
    /// Standard input, read once (by the first evaluation that needs it; `--bench`
    /// evaluates it again).
    Stdin(std::cell::OnceCell<Result<String, String>>),
}

/// A parsed `nixpad eval` command line.
pub struct Options {
    strict: bool,
    /// `--parse`: print each input as parsed, without evaluating it.
    parse: bool,
    output: Output,
    include: Vec<String>,
    args: Vec<(String, AutoArg)>,
    attr_paths: Vec<String>,
    inputs: Vec<Input>,
    timeout: Option<u64>,
    /// `--bench N`: how many timed evaluations follow the printed one.
    bench_runs: Option<usize>,
    settings: Settings,
    max_call_depth: Option<u32>,
    /// Warnings about the command line itself (unknown settings), printed first.
    warnings: Vec<String>,
}

/// A usage error, printed as Nix prints one.
pub struct UsageError(String);

impl UsageError {
    /// What is wrong with the command line ("" for `--help`).
    pub fn message(&self) -> &str {
        &self.0
    }
}

fn parse_bool(name: &str, value: &str) -> Result<bool, String> {
    match value {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => Err(format!(
            "Boolean setting '{name}' has invalid value '{value}'"
        )),
    }
}

impl Options {
    /// Applies a Nix setting (`--option NAME VALUE` or `--NAME VALUE`).
    fn set(&mut self, name: &str, value: &str) -> Result<(), UsageError> {
        match name {
            "pure-eval" | "abort-on-warn" | "show-trace" => match parse_bool(name, value) {
                Ok(b) => match name {
                    "pure-eval" => self.settings.pure_eval = b,
                    "abort-on-warn" => self.settings.abort_on_warn = b,
                    _ => self.settings.show_trace = b,
                },
                // Nix only warns about a bad Boolean given with --option.
                Err(e) => self.warnings.push(format!("warning: error: {e}")),
            },
            "max-call-depth" => {
                let depth = value.parse::<u32>().ok().filter(|d| *d > 0);
                let depth = depth.ok_or_else(|| {
                    UsageError(format!(
                        "setting 'max-call-depth' has invalid value '{value}'"
                    ))
                })?;
                self.max_call_depth = Some(depth);
            }
            "lint-url-literals" | "lint-short-path-literals" | "lint-absolute-path-literals" => {
                let level = match value {
                    "ignore" => nixpad_eval::LintLevel::Ignore,
                    "warn" => nixpad_eval::LintLevel::Warn,
                    "fatal" => nixpad_eval::LintLevel::Fatal,
                    _ => {
                        return Err(UsageError(format!(
                            "setting '{name}' has invalid value '{value}'"
                        )))
                    }
                };
                match name {
                    "lint-url-literals" => self.settings.lints.url_literals = level,
                    "lint-short-path-literals" => self.settings.lints.short_path_literals = level,
                    _ => self.settings.lints.absolute_path_literals = level,
                }
            }
            "experimental-features" | "extra-experimental-features" => {
                if name == "experimental-features" {
                    self.settings.experimental_features.clear();
                }
                for feature in value.split_whitespace() {
                    // Nix warns as it reads the setting, before any other warning.
                    if !nixpad_eval::KNOWN_EXPERIMENTAL_FEATURES.contains(&feature) {
                        eprintln!("warning: unknown experimental feature '{feature}'");
                    }
                    if feature == "no-url-literals" {
                        self.settings.lints.url_literals = nixpad_eval::LintLevel::Fatal;
                    }
                    self.settings
                        .experimental_features
                        .push(feature.to_string());
                }
            }
            "store"
            | "eval-cache"
            | "max-jobs"
            | "cores"
            | "allow-import-from-derivation"
            | "restrict-eval"
            | "warn-dirty"
            | "keep-going"
            | "substituters"
            | "sandbox"
            | "timeout"
            | "nix-path" => {
                if name == "nix-path" {
                    self.include.push(value.to_string());
                }
            }
            _ => self
                .warnings
                .push(format!("warning: unknown setting '{name}'")),
        }
        Ok(())
    }
}

/// Parses the arguments after `eval`.
pub fn parse(args: &[String]) -> Result<Options, UsageError> {
    let mut o = Options {
        strict: false,
        parse: false,
        output: Output::Nix,
        include: Vec::new(),
        args: Vec::new(),
        attr_paths: Vec::new(),
        inputs: Vec::new(),
        timeout: None,
        bench_runs: None,
        settings: Settings {
            home: std::env::var("HOME").ok(),
            ..Settings::default()
        },
        max_call_depth: None,
        warnings: Vec::new(),
    };
    let mut exprs = false;
    let mut positional = Vec::new();
    let mut files = Vec::new();
    let mut i = 0;
    let take = |i: &mut usize, flag: &str, n: usize| -> Result<Vec<String>, UsageError> {
        let got = args.len().saturating_sub(*i + 1).min(n);
        if got < n {
            return Err(UsageError(if n == 1 {
                format!("'{flag}' requires an argument")
            } else {
                format!("flag '{flag}' requires {n} argument(s), but only {got} were given")
            }));
        }
        let values = args[*i + 1..*i + 1 + n].to_vec();
        *i += n;
        Ok(values)
    };
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "--strict" => o.strict = true,
            "--parse" => o.parse = true,
            "--json" => o.output = Output::Json,
            "--xml" => o.output = Output::Xml,
            "--raw" => o.output = Output::Raw,
            "-E" | "--expr" => exprs = true,
            "--eval" | "--eval-only" | "--read-write-mode" | "--readonly-mode"
            | "--no-location" | "-v" | "--verbose" | "--quiet" | "--no-build-output" | "-Q" => {}
            "--show-trace" => o.settings.show_trace = true,
            "--no-show-trace" => o.settings.show_trace = false,
            "--impure" => o.settings.pure_eval = false,
            "--pure-eval" => o.settings.pure_eval = true,
            "--no-pure-eval" => o.settings.pure_eval = false,
            "--abort-on-warn" => o.settings.abort_on_warn = true,
            "--no-abort-on-warn" => o.settings.abort_on_warn = false,
            "-A" | "--attr" => o.attr_paths.push(take(&mut i, a, 1)?.remove(0)),
            "-I" | "--include" => o.include.push(take(&mut i, a, 1)?.remove(0)),
            "--file" | "-f" => files.push(take(&mut i, a, 1)?.remove(0)),
            "--arg" | "--argstr" => {
                let v = take(&mut i, a, 2)?;
                let value = if a == "--arg" {
                    AutoArg::Expr(v[1].clone())
                } else {
                    AutoArg::Str(v[1].clone())
                };
                o.args.push((v[0].clone(), value));
            }
            "--arg-from-file" => {
                let v = take(&mut i, a, 2)?;
                let text = std::fs::read(&v[1])
                    .map_err(|e| UsageError(format!("reading '{}': {e}", v[1])))?;
                o.args.push((
                    v[0].clone(),
                    AutoArg::Str(String::from_utf8_lossy(&text).into_owned()),
                ));
            }
            "--arg-from-stdin" => {
                let name = take(&mut i, a, 1)?.remove(0);
                let mut text = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut text)
                    .map_err(|e| UsageError(format!("reading stdin: {e}")))?;
                o.args.push((
                    name,
                    AutoArg::Str(String::from_utf8_lossy(&text).into_owned()),
                ));
            }
            "--timeout" => {
                let v = take(&mut i, a, 1)?.remove(0);
                let secs = v.parse::<u64>().map_err(|_| {
                    UsageError(format!("setting 'timeout' has invalid value '{v}'"))
                })?;
                o.timeout = (secs > 0).then_some(secs);
            }
            "--bench" => {
                let v = take(&mut i, a, 1)?.remove(0);
                let runs = v.parse::<usize>().ok().filter(|&n| n > 0);
                o.bench_runs = Some(runs.ok_or_else(|| {
                    UsageError(format!(
                        "'--bench' needs a positive number of runs, not '{v}'"
                    ))
                })?);
            }
            "--option" => {
                let v = take(&mut i, a, 2)?;
                o.set(&v[0], &v[1])?;
            }
            "--store" | "--max-jobs" | "-j" | "--cores" | "--add-root" => {
                take(&mut i, a, 1)?;
            }
            "--help" | "-h" => return Err(UsageError(String::new())),
            _ if a.starts_with("--") && a.len() > 2 => {
                let name = &a[2..];
                let known = [
                    "max-call-depth",
                    "lint-url-literals",
                    "lint-short-path-literals",
                    "lint-absolute-path-literals",
                    "experimental-features",
                    "extra-experimental-features",
                    "nix-path",
                    "eval-cache",
                    "allow-import-from-derivation",
                ];
                if !known.contains(&name) {
                    return Err(UsageError(format!("unrecognised flag '{a}'")));
                }
                let value = take(&mut i, a, 1)?.remove(0);
                o.set(name, &value)?;
            }
            "-" => positional.push(None),
            _ if a.starts_with('-') && a.len() > 1 => {
                return Err(UsageError(format!("unrecognised flag '{a}'")))
            }
            _ => positional.push(Some(a.to_string())),
        }
        i += 1;
    }
    o.inputs = files.into_iter().map(Input::File).collect();
    for p in positional {
        o.inputs.push(match p {
            None => Input::Stdin(std::cell::OnceCell::new()),
            Some(text) if exprs => Input::Expr(text),
            Some(file) => Input::File(file),
        });
    }
    if o.inputs.is_empty() && !exprs {
        o.inputs.push(Input::File("default.nix".into()));
    }
    Ok(o)
}

/// Evaluates and prints every input; the first error ends the run.
fn run(o: Options) -> ExitCode {
    let (output, strict) = (o.output, o.strict);
    for_each_value(o, |ev, v| match output {
        Output::Nix => printed(ev.print(v, strict).map(|mut out| {
            out.push(b'\n');
            out
        })),
        Output::Json => {
            let (mut out, result) = ev.json_output(v, strict);
            if result.is_ok() {
                out.push(b'\n');
            }
            (out, result)
        }
        Output::Xml => ev.xml_output(v, strict),
        Output::Raw => printed(ev.to_raw(v)),
    })
}

/// What a command prints for a value: the bytes for standard output, and the error that
/// ended them, if one did (Nix's JSON and XML printers write part of a document first).
pub type Printed = (Vec<u8>, nixpad_eval::EvalResult<()>);

/// A whole output, or an error before any of it.
pub fn printed(result: nixpad_eval::EvalResult<Vec<u8>>) -> Printed {
    match result {
        Ok(out) => (out, Ok(())),
        Err(e) => (Vec::new(), Err(e)),
    }
}

/// Evaluates every input and attribute path of a `nixpad eval` command line (with its
/// `-I`, `--arg`, settings and limits) and writes what `render` makes of each value to
/// standard output; the first error is printed as Nix prints it and ends the run.
pub fn for_each_value(
    o: Options,
    mut render: impl FnMut(&mut Evaluator, &nixpad_eval::Value) -> Printed,
) -> ExitCode {
    for w in &o.warnings {
        eprintln!("{w}");
    }
    let mut settings = o.settings.clone();
    let base = crate::cwd();
    // Relative entries are relative to the current folder, as in Nix.
    let absolute = |entry: &str| match entry.split_once('=') {
        Some((prefix, path)) if !path.starts_with('/') && !path.contains("://") => {
            format!("{prefix}={base}/{path}")
        }
        None if !entry.starts_with('/') && !entry.contains("://") => format!("{base}/{entry}"),
        _ => entry.to_string(),
    };
    for inc in &o.include {
        settings.add_nix_path(&absolute(inc));
    }
    if let Ok(p) = std::env::var("NIX_PATH") {
        for entry in p.split(':').filter(|e| !e.is_empty()) {
            settings.add_nix_path(&absolute(entry));
        }
    }
    crate::nixpkgs::add_default_entry(&mut settings);
    let mut limits = Limits {
        max_native_depth: 40_000,
        ..Limits::default()
    };
    if let Some(depth) = o.max_call_depth {
        limits.max_call_depth = depth;
    }
    // Never dropped: the process ends after this evaluation, and freeing the values (and
    // collecting their cycles) one by one would only delay the exit.
    let ev = Box::leak(Box::new(Evaluator::new(
        Rc::new(crate::fs_io::FsIO::new()),
        settings.clone(),
        limits.clone(),
    )));
    let mut stdout = std::io::stdout().lock();
    let mut unflushed = Vec::new();
    let written = evaluate_inputs(ev, &o, &base, &mut render, &mut unflushed, |out| {
        let _ = stdout.write_all(out);
        let _ = stdout.flush();
    });
    if let Err(e) = written {
        let code = report_error(ev, &e);
        let _ = stdout.write_all(&unflushed);
        let _ = stdout.flush();
        return code;
    }
    match o.bench_runs {
        Some(runs) => bench(&o, &base, &settings, &limits, runs, render),
        None => ExitCode::SUCCESS,
    }
}

/// Evaluates every input and attribute path of `o` with `ev`, handing what `render`
/// makes of each value to `write`; the first error ends it. Output that an error cut
/// short is written up to its last newline, the rest is left in `unflushed` to be
/// written after the error: Nix's XML writer flushes each line, while its JSON sits in
/// the stream's buffer until the process exits, after the message.
fn evaluate_inputs(
    ev: &mut Evaluator,
    o: &Options,
    base: &str,
    render: &mut impl FnMut(&mut Evaluator, &nixpad_eval::Value) -> Printed,
    unflushed: &mut Vec<u8>,
    mut write: impl FnMut(&[u8]),
) -> nixpad_eval::EvalResult<()> {
    if o.parse {
        for input in &o.inputs {
            let (text, origin, dir) = match input {
                Input::Expr(e) => (e.clone(), Origin::String, base.to_string()),
                Input::Stdin(text) => (stdin_text(text)?.clone(), Origin::Stdin, base.to_string()),
                Input::File(f) => {
                    // A directory stands for its `default.nix`, as for `import`.
                    let mut path = input_path(base, f);
                    if std::path::Path::new(&path).is_dir() {
                        path = format!("{}/default.nix", path.trim_end_matches('/'));
                    }
                    let text = std::fs::read(&path).map_err(|e| {
                        nixpad_eval::Error::new(
                            ErrorKind::Io(format!("opening file '{path}': {e}")),
                            None,
                        )
                    })?;
                    let dir = path.rsplit_once('/').map_or("/", |(d, _)| d).to_string();
                    let dir = if dir.is_empty() { "/".to_string() } else { dir };
                    (nixpad_eval::decode_source(text), Origin::File(path), dir)
                }
            };
            let mut shown = ev.parse_source(&text, origin, &dir)?.into_bytes();
            shown.push(b'\n');
            write(&shown);
        }
        return Ok(());
    }
    // As nix-instantiate does, before any input is read.
    let args = ev.auto_args(&o.args, base)?;
    let whole = [String::new()];
    let attr_paths = if o.attr_paths.is_empty() {
        &whole[..]
    } else {
        &o.attr_paths[..]
    };
    for input in &o.inputs {
        let root = match input {
            Input::Expr(e) => ev.eval_source(e, Origin::String, base),
            Input::Stdin(text) => ev.eval_source(stdin_text(text)?, Origin::Stdin, base),
            Input::File(f) => ev.eval_file(&input_path(base, f)),
        }?;
        for path in attr_paths {
            let v = ev.select_attr_path(root.clone(), path, &args)?;
            let v = ev.apply_auto_args(v, &args)?;
            let (out, result) = render(ev, &v);
            if result.is_err() {
                let flushed = out.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
                write(&out[..flushed]);
                unflushed.extend_from_slice(&out[flushed..]);
                return result;
            }
            write(&out);
        }
    }
    Ok(())
}

/// Standard input, read once (every `-` input is the same text).
fn stdin_text(
    text: &std::cell::OnceCell<Result<String, String>>,
) -> nixpad_eval::EvalResult<&String> {
    let text = text.get_or_init(|| {
        let mut bytes = Vec::new();
        match std::io::stdin().read_to_end(&mut bytes) {
            Ok(_) => Ok(nixpad_eval::decode_source(bytes)),
            Err(e) => Err(format!("reading standard input: {e}")),
        }
    });
    text.as_ref()
        .map_err(|why| nixpad_eval::Error::new(ErrorKind::Io(why.clone()), None))
}

/// An input file's path, relative ones against `base`.
fn input_path(base: &str, file: &str) -> String {
    if file.starts_with('/') {
        file.to_string()
    } else {
        format!("{base}/{file}")
    }
}

/// Prints an evaluation error to stderr as `nix-instantiate` does (a usage error, such as
/// an unknown hash algorithm, is followed by a pointer to `--help`) and gives the exit code.
fn report_error(ev: &Evaluator, e: &nixpad_eval::Error) -> ExitCode {
    eprint!("{}", ev.render_error(e));
    if matches!(e.kind, ErrorKind::Usage(_)) {
        eprintln!("{USAGE_HINT}");
    }
    ExitCode::from(1)
}

/// `--bench RUNS`: evaluates and renders the inputs RUNS + 1 more times, each with a
/// fresh evaluator sharing the lowered files, and prints the times to stderr: the first
/// run's (which lowers every file it imports), the median, minimum and maximum of the
/// others (which reuse those lowerings), and the median time to drop an evaluator
/// (freeing its values, cycles included), which the runs do not count.
fn bench(
    o: &Options,
    base: &str,
    settings: &Settings,
    limits: &Limits,
    runs: usize,
    mut render: impl FnMut(&mut Evaluator, &nixpad_eval::Value) -> Printed,
) -> ExitCode {
    let shared = nixpad_eval::SharedSources::new("/");
    let mut times = Vec::with_capacity(runs + 1);
    let mut drops = Vec::with_capacity(runs + 1);
    let ms = |start: std::time::Instant| start.elapsed().as_secs_f64() * 1000.0;
    for _ in 0..=runs {
        let start = std::time::Instant::now();
        let mut ev = Evaluator::with_shared_sources(
            Rc::new(crate::fs_io::FsIO::new()),
            settings.clone(),
            limits.clone(),
            &shared,
        );
        if let Err(e) = evaluate_inputs(&mut ev, o, base, &mut render, &mut Vec::new(), |_| {}) {
            return report_error(&ev, &e);
        }
        times.push(ms(start));
        let start = std::time::Instant::now();
        drop(ev);
        drops.push(ms(start));
    }
    let first = times.remove(0);
    times.sort_by(f64::total_cmp);
    drops.sort_by(f64::total_cmp);
    eprintln!(
        "bench: {runs} runs, each with a fresh evaluator sharing the lowered files: \
         median {:.2} ms (min {:.2}, max {:.2}); the first, which lowered them: {first:.2} ms; \
         dropping an evaluator: median {:.2} ms",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        drops[drops.len() / 2],
    );
    ExitCode::SUCCESS
}

/// `nixpad eval ARGS...`.
pub fn main(args: &[String]) -> ExitCode {
    let options = match parse(args) {
        Ok(o) => o,
        Err(UsageError(msg)) if msg.is_empty() => {
            println!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(UsageError(msg)) => {
            eprintln!("error: {msg}\n{USAGE_HINT}");
            return ExitCode::from(1);
        }
    };
    if let Some(secs) = options.timeout {
        // Evaluation cannot be interrupted from outside; the whole process ends instead.
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(secs));
            eprintln!("error: evaluation timed out after {secs} seconds");
            std::process::exit(1);
        });
    }
    // Evaluation runs on a 512 MiB stack: builtins may nest deeply (a chain of derivations
    // forces each previous one from inside `derivationStrict`).
    let handle = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || run(options));
    match handle.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("error: internal error: the evaluator thread failed");
            ExitCode::from(1)
        }
    }
}
