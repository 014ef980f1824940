//! What the oracle tests share: running a program with a timeout, reading Nix's
//! innermost error message, and comparing outcomes.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long one evaluation may take before it counts as hanging.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The first oracle call may unpack Nix (first use on a machine).
pub const PREFLIGHT_TIMEOUT: Duration = Duration::from_secs(600);
/// Stop early after this many nixpad crashes/timeouts (the test fails anyway).
pub const MAX_CRASHES: usize = 50;
/// Mismatches printed in full.
pub const MAX_PRINTED: usize = 20;

pub struct Run {
    /// Exit code; None when killed by a signal or not started.
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub timed_out: bool,
    /// Set when the process could not be started.
    pub spawn_error: Option<String>,
}

/// Runs `program args...` with `input` on stdin, killing it after `timeout`.
pub fn run(program: &str, args: &[&str], input: &str, timeout: Duration) -> Run {
    run_in(None, program, args, input, timeout)
}

/// [`run`] in the directory `dir` (the current one if `None`).
pub fn run_in(
    dir: Option<&std::path::Path>,
    program: &str,
    args: &[&str],
    input: &str,
    timeout: Duration,
) -> Run {
    let mut command = Command::new(program);
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let mut child = match command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => {
            return Run {
                code: None,
                stdout: Vec::new(),
                stderr: Vec::new(),
                timed_out: false,
                spawn_error: Some(format!("cannot run {}: {}", program, e)),
            }
        }
    };
    let mut stdin = child.stdin.take().unwrap();
    let input = input.as_bytes().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input); // a broken pipe is the child's business
    });
    let (tx, rx) = mpsc::channel::<(usize, Vec<u8>)>();
    let mut out = child.stdout.take().unwrap();
    let tx1 = tx.clone();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        let _ = tx1.send((0, buf));
    });
    let mut err = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        let _ = tx.send((1, buf));
    });
    let deadline = Instant::now() + timeout;
    let mut streams: [Option<Vec<u8>>; 2] = [None, None];
    let mut timed_out = false;
    for _ in 0..2 {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok((i, buf)) => streams[i] = Some(buf),
            Err(_) => {
                timed_out = true;
                break;
            }
        }
    }
    if timed_out {
        let _ = child.kill();
    }
    let status = child.wait();
    if timed_out {
        // The pipes close once the process is gone.
        while streams.iter().any(|s| s.is_none()) {
            match rx.recv_timeout(Duration::from_secs(5)) {
                Ok((i, buf)) => streams[i] = Some(buf),
                Err(_) => break,
            }
        }
    }
    let _ = writer.join();
    let [o, e] = streams;
    Run {
        code: status.ok().and_then(|s| s.code()),
        stdout: o.unwrap_or_default(),
        stderr: e.unwrap_or_default(),
        timed_out,
        spawn_error: None,
    }
}

pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            chars.next();
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The innermost error message: the text after `error: ` on the last line
/// matching `^\s*error: (.+)`.
pub fn innermost_error(stderr: &[u8]) -> Option<String> {
    let text = strip_ansi(&String::from_utf8_lossy(stderr));
    text.lines()
        .rev()
        .find_map(|l| {
            l.trim_start()
                .strip_prefix("error: ")
                .filter(|m| !m.is_empty())
        })
        .map(|m| m.to_string())
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Value(Vec<u8>),
    Error(Option<String>),
    /// Crash, timeout, unexpected exit code, could not start.
    Broken(String),
}

pub fn outcome(r: &Run) -> Outcome {
    if let Some(e) = &r.spawn_error {
        return Outcome::Broken(e.clone());
    }
    if r.timed_out {
        return Outcome::Broken(format!("timed out after {:?}", TIMEOUT));
    }
    match r.code {
        Some(0) => Outcome::Value(r.stdout.clone()),
        Some(1) => Outcome::Error(innermost_error(&r.stderr)),
        Some(c) => Outcome::Broken(format!("exit code {}", c)),
        None => Outcome::Broken("killed by a signal".to_string()),
    }
}

pub fn describe(r: &Run) -> String {
    let mut s = String::new();
    if let Some(e) = &r.spawn_error {
        s.push_str(&format!("    could not start: {}\n", e));
        return s;
    }
    s.push_str(&format!(
        "    exit: {}{}\n",
        r.code
            .map(|c| c.to_string())
            .unwrap_or_else(|| "signal".to_string()),
        if r.timed_out {
            " (timed out, killed)"
        } else {
            ""
        }
    ));
    match outcome(r) {
        Outcome::Value(_) => s.push_str("    compared: stdout\n"),
        Outcome::Error(Some(m)) => s.push_str(&format!("    compared: innermost error {:?}\n", m)),
        Outcome::Error(None) => {
            s.push_str("    compared: exit 1, but no `error: ` line on stderr\n")
        }
        Outcome::Broken(why) => s.push_str(&format!("    broken: {}\n", why)),
    }
    s.push_str(&format!(
        "    stdout: {:?}\n",
        String::from_utf8_lossy(&r.stdout)
    ));
    let err = String::from_utf8_lossy(&r.stderr);
    let err: String = if err.len() > 3000 {
        format!("{}…", &err[..err.floor_char_boundary_compat(3000)])
    } else {
        err.into_owned()
    };
    s.push_str("    stderr:\n");
    for l in err.lines() {
        s.push_str("      | ");
        s.push_str(l);
        s.push('\n');
    }
    s
}

pub trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}
impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
        while i > 0 && !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

/// The oracle script: `NIX_ORACLE`, or `shared/tools/nix-oracle` beside the repository.
pub fn oracle_path() -> String {
    std::env::var("NIX_ORACLE").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/tools/nix-oracle"
        )
        .to_string()
    })
}

/// What real Nix (`nix-instantiate --store dummy:// --eval --strict EXTRA -E PROGRAM`)
/// and `nixpad eval --strict EXTRA -E PROGRAM` wrote to stderr (Nix's without colours),
/// and whether their exit codes and stdout agree.
pub struct BothStderr {
    /// Nix's.
    pub nix: String,
    /// Nixpad's.
    pub ours: String,
    /// Whether they exited alike.
    pub same_code: bool,
    /// Whether they wrote the same bytes to stdout.
    pub same_stdout: bool,
}

/// Runs `program` through real Nix and through the nixpad binary `nixpad`.
pub fn both_stderr(oracle: &str, nixpad: &str, extra: &[&str], program: &str) -> BothStderr {
    let mut options = vec!["--strict"];
    options.extend_from_slice(extra);
    both_outputs(oracle, nixpad, &options, program)
}

/// [`both_stderr`] with only `options` (no `--strict` unless given).
pub fn both_outputs(oracle: &str, nixpad: &str, options: &[&str], program: &str) -> BothStderr {
    let mut nix_args = vec!["nix-instantiate", "--store", "dummy://", "--eval"];
    nix_args.extend_from_slice(options);
    nix_args.extend_from_slice(&["-E", program]);
    let mut our_args = vec!["eval"];
    our_args.extend_from_slice(options);
    our_args.extend_from_slice(&["-E", program]);
    let nix = run(oracle, &nix_args, "", TIMEOUT);
    let ours = run(nixpad, &our_args, "", TIMEOUT);
    BothStderr {
        nix: strip_ansi(&String::from_utf8_lossy(&nix.stderr)),
        ours: String::from_utf8_lossy(&ours.stderr).to_string(),
        same_code: nix.code == ours.code,
        same_stdout: nix.stdout == ours.stdout,
    }
}
