//! The command line's one error type: what failed, and the exit status it
//! ends with (sysexits.h for `mail-in`, which a mail server reads).

use std::path::Path;

use crate::application::StartError;
use crate::signing::KeyError;
use crate::ApiError;

/// sysexits.h: the message is not a message (a mail server bounces it).
pub const EX_DATAERR: u8 = 65;
/// sysexits.h: try again later (a mail server keeps the message and delivers it again).
pub const EX_TEMPFAIL: u8 = 75;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// What the API would have answered with a problem document.
    #[error("{0}. {next}", next = .0.next_step())]
    Api(#[from] ApiError),
    #[error(transparent)]
    Start(#[from] StartError),
    #[error("{0}")]
    Keys(#[from] KeyError),
    #[error("cannot open the database: {0}")]
    Database(sqlx::Error),
    #[error(transparent)]
    Backup(#[from] crate::backup::BackupError),
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("cannot listen on {addr}: {source}")]
    Listen { addr: std::net::SocketAddr, source: std::io::Error },
    #[error("the server stopped: {0}")]
    Serve(std::io::Error),
    /// A value given on the command line that cannot be used, with why.
    #[error("{0}")]
    Invalid(String),
    /// `check` found problems.
    #[error("{}", .0.join("; "))]
    Inconsistent(Vec<String>),
    /// `healthcheck`: the server did not answer ready.
    #[error("not ready: {0}")]
    NotReady(String),
    /// `mail-in`: standard input is not a mail message.
    #[error("the message could not be read: {0}")]
    Unreadable(String),
    /// `mail-in`: the server cannot answer now; the mail server tries again.
    #[error("{0}")]
    TryAgainLater(String),
}

impl CliError {
    /// A reader for `map_err` naming the file.
    pub fn read(path: &Path) -> impl FnOnce(std::io::Error) -> CliError + '_ {
        move |source| CliError::Read { path: path.display().to_string(), source }
    }

    /// The process's exit status.
    pub fn exit_status(&self) -> u8 {
        match self {
            CliError::Unreadable(_) => EX_DATAERR,
            CliError::TryAgainLater(_) => EX_TEMPFAIL,
            _ => 1,
        }
    }

    /// As `mail-in` reports it: a message that cannot be read stays one;
    /// any other failure asks the mail server to deliver it again.
    pub fn for_mail_server(self) -> CliError {
        match self {
            CliError::Unreadable(_) | CliError::TryAgainLater(_) => self,
            other => CliError::TryAgainLater(other.to_string()),
        }
    }
}
