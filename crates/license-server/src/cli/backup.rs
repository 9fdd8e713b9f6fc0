//! `license-server backup` and `restore`: the SQLite data directory copied
//! while the server runs, and put back into an empty directory, checked.

use std::path::Path;

use super::{open_db, Cli, CliError};
use crate::backup::{self, BackupError};
use crate::db::SQLITE_FILE;

pub async fn backup(cli: &Cli, to: &Path, include_keys: bool) -> Result<(), CliError> {
    if cli.database_url.is_some() {
        return Err(BackupError::Postgres.into());
    }
    // Opening would make an empty database: a wrong --data is an error.
    if !cli.data.join(SQLITE_FILE).is_file() {
        return Err(BackupError::NoDatabase(cli.data.clone()).into());
    }
    let db = open_db(cli).await?;
    let made = backup::create(&db, &cli.data, to, include_keys).await?;
    println!(
        "Backed up to {} ({} bytes, schema version {}), written with mode 0600: it holds customers' contact data{}.",
        to.display(),
        made.bytes,
        made.schema_version,
        if include_keys { " and the signing keys" } else { "" }
    );
    if include_keys {
        println!("Keys in it: {}. Keep it where only you can read it.", made.keys.join(", "));
    } else {
        let keys = backup::key_file_names(&cli.data);
        println!(
            "The keys are not in it: they are in {} ({}). Keep a copy of that directory too, apart from this file, \
             or use --include-keys: without the signing keys a restored server cannot sign responses that programs accept.",
            cli.data.join("keys").display(),
            if keys.is_empty() { "none yet".to_string() } else { keys.join(", ") }
        );
    }
    if cli.signing_key.is_some() || cli.signing_key_file.is_some() {
        println!(
            "The signing key given with --signing-key or --signing-key-file is in neither: keep it where it is kept."
        );
    }
    Ok(())
}

pub async fn restore(cli: &Cli, from: &Path) -> Result<(), CliError> {
    if cli.database_url.is_some() {
        return Err(BackupError::Postgres.into());
    }
    let restored = backup::restore(from, &cli.data).await?;
    // Opening migrates a backup made by an older release; then `check`.
    let db = open_db(cli).await?;
    let problems = db.integrity_check().await.map_err(CliError::Database)?;
    println!(
        "Restored {} (made {}, schema version {}) into {}.",
        from.display(),
        restored.made_at,
        restored.schema_version,
        cli.data.display()
    );
    if restored.keys.is_empty() {
        println!(
            "The backup holds no keys: copy the keys you kept (signing-key-N.hex, webhook-key.hex) into {} before \
             starting the server, or it makes a new signing key that programs do not trust.",
            cli.data.join("keys").display()
        );
    } else {
        println!("Keys restored into {}: {}.", cli.data.join("keys").display(), restored.keys.join(", "));
    }
    if !problems.is_empty() {
        return Err(CliError::Inconsistent(problems));
    }
    println!("check: ok");
    Ok(())
}
