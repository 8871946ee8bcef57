//! The `rapport` binary: a thin CLI over the store and the web layer.

mod backup;
mod cli;
mod demo;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    cli::init_logging(&args.global);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    match runtime.block_on(cli::run(args)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", cli::language().ta("cli-error", "message", e));
            ExitCode::FAILURE
        }
    }
}
