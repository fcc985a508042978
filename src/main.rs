//! The `copyedit` command: parse arguments, run, map the result to an exit code.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            if cli::is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("copyedit: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
