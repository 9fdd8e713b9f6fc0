//! `license`: stands in for a licensed program. Creates request codes,
//! enters response codes, shows the licence, and decodes any code. The
//! arguments are in `cli.rs`, each command in `commands.rs`; the work is
//! the library's.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;
use license_client::report::{self, ErrorReport};
use license_codes::messages::Audience;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let json = cli.command.prints_json();
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let lang = license_client::language::from_environment();
            if json {
                println!("{}", report::to_json(&ErrorReport::of(&e, lang, Audience::Program)));
            }
            eprintln!("{}", report::error_text(&e, lang));
            ExitCode::from(e.exit_code())
        }
    }
}
