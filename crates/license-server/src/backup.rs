//! Backups of the embedded SQLite database: one file that is itself a
//! SQLite database, a `VACUUM INTO` snapshot (consistent while the server
//! writes: it reads one transaction's view through the write-ahead log), plus
//! a manifest (format, schema version, when, by which server) and, when
//! asked, the files of the data directory's `keys/`. The file appears under
//! its name only when complete (written beside it, synced, renamed), and is
//! restored only into an empty data directory. PostgreSQL is backed up with
//! its own tools (`pg_dump`), see docs/deploy.md.

use std::io;
use std::path::{Path, PathBuf};

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};

use crate::db::{Db, Dialect, SQLITE_FILE};

/// The manifest's `format`: what `restore` accepts.
pub const FORMAT: &str = "license-server-backup/1";

/// A backup written.
#[derive(Debug)]
pub struct Made {
    pub schema_version: i64,
    pub bytes: u64,
    /// The key files it holds (with `--include-keys`).
    pub keys: Vec<String>,
}

/// A backup restored.
#[derive(Debug)]
pub struct Restored {
    pub schema_version: i64,
    pub made_at: String,
    pub keys: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "backup and restore copy the embedded SQLite database; with PostgreSQL use pg_dump and pg_restore, \
         then license-server check (docs/deploy.md, Backups)"
    )]
    Postgres,
    #[error("there is no database in {0}: give the server's data directory with --data")]
    NoDatabase(PathBuf),
    #[error("cannot write {0}: {1}")]
    Write(PathBuf, io::Error),
    #[error("cannot read {0}: {1}")]
    Read(PathBuf, io::Error),
    #[error("{0} is not a license-server backup ({1})")]
    NotABackup(PathBuf, String),
    #[error(
        "{0} is not empty: restore only into an empty data directory (move the old one aside, or give a new --data)"
    )]
    NotEmpty(PathBuf),
    #[error(
        "the backup has schema version {backup}, newer than this server's {server}: restore it with the release \
         that made it ({made_by}) or a later one"
    )]
    Newer { backup: i64, server: i64, made_by: String },
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

/// Writes a snapshot of `db` to `to` (mode 0600: it holds customers'
/// contact data, and with `include_keys` the signing keys).
pub async fn create(db: &Db, data_dir: &Path, to: &Path, include_keys: bool) -> Result<Made, BackupError> {
    if db.dialect == Dialect::Postgres {
        return Err(BackupError::Postgres);
    }
    let partial = partial_path(to);
    let write_err = |e| BackupError::Write(to.to_path_buf(), e);
    // A partial file left by a backup that was killed is never the backup.
    match std::fs::remove_file(&partial) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(write_err(e)),
        _ => {}
    }
    // VACUUM INTO writes into an empty file: made here, so with our mode.
    private_file(&partial).map_err(write_err)?;
    let target = partial.to_str().ok_or_else(|| write_err(io::Error::other("the path is not UTF-8")))?;
    sqlx::query(&format!("VACUUM INTO '{}'", target.replace('\'', "''"))).execute(db.read()).await?;

    let mut copy = open(&partial, false).await?;
    let schema_version = schema_version(&mut copy).await?;
    sqlx::query("PRAGMA journal_mode = DELETE").execute(&mut copy).await?;
    let mut tx = copy.begin().await?;
    sqlx::query("CREATE TABLE backup_manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)").execute(&mut *tx).await?;
    let manifest = [
        ("format", FORMAT.to_string()),
        ("schema_version", schema_version.to_string()),
        ("made_at", crate::catalog::now()),
        ("made_by", format!("license-server {}", env!("CARGO_PKG_VERSION"))),
        ("keys_included", include_keys.to_string()),
    ];
    for (key, value) in manifest {
        sqlx::query("INSERT INTO backup_manifest VALUES ($1, $2)").bind(key).bind(value).execute(&mut *tx).await?;
    }
    let mut keys = Vec::new();
    if include_keys {
        sqlx::query("CREATE TABLE backup_keys (name TEXT PRIMARY KEY, content TEXT NOT NULL)")
            .execute(&mut *tx)
            .await?;
        for (name, content) in key_files(data_dir)? {
            sqlx::query("INSERT INTO backup_keys VALUES ($1, $2)").bind(&name).bind(content).execute(&mut *tx).await?;
            keys.push(name);
        }
    }
    tx.commit().await?;
    copy.close().await?;

    sync(&partial).map_err(write_err)?;
    std::fs::rename(&partial, to).map_err(write_err)?;
    sync_parent(to).map_err(write_err)?;
    let bytes = std::fs::metadata(to).map_err(write_err)?.len();
    Ok(Made { schema_version, bytes, keys })
}

/// Restores `from` into `data_dir`, which must be empty or not exist. The
/// caller then opens it (migrating an older schema) and checks it.
pub async fn restore(from: &Path, data_dir: &Path) -> Result<Restored, BackupError> {
    let manifest = read_manifest(from).await?;
    let field = |key: &str| manifest.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    if field("format").as_deref() != Some(FORMAT) {
        return Err(BackupError::NotABackup(from.into(), format!("its format is not {FORMAT}")));
    }
    let schema_version: i64 = field("schema_version")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| BackupError::NotABackup(from.into(), "no schema version".into()))?;
    let server = crate::db::latest_schema_version(Dialect::Sqlite);
    if schema_version > server {
        let made_by = field("made_by").unwrap_or_default();
        return Err(BackupError::Newer { backup: schema_version, server, made_by });
    }
    let write_err = |e| BackupError::Write(data_dir.to_path_buf(), e);
    match std::fs::read_dir(data_dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(BackupError::NotEmpty(data_dir.into()));
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => std::fs::create_dir_all(data_dir).map_err(write_err)?,
        Err(e) => return Err(write_err(e)),
    }

    let database = data_dir.join(SQLITE_FILE);
    let partial = partial_path(&database);
    private_file(&partial).map_err(write_err)?;
    let mut source = std::fs::File::open(from).map_err(|e| BackupError::Read(from.into(), e))?;
    let mut target = std::fs::OpenOptions::new().write(true).open(&partial).map_err(write_err)?;
    io::copy(&mut source, &mut target).map_err(write_err)?;
    drop(target);

    let mut copy = open(&partial, false).await?;
    let has_keys: Option<(String,)> =
        sqlx::query_as("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'backup_keys'")
            .fetch_optional(&mut copy)
            .await?;
    let key_rows: Vec<(String, String)> = if has_keys.is_some() {
        sqlx::query_as("SELECT name, content FROM backup_keys ORDER BY name").fetch_all(&mut copy).await?
    } else {
        Vec::new()
    };
    sqlx::query("DROP TABLE IF EXISTS backup_keys").execute(&mut copy).await?;
    sqlx::query("DROP TABLE backup_manifest").execute(&mut copy).await?;
    copy.close().await?;

    let key_dir = data_dir.join("keys");
    let mut keys = Vec::new();
    for (name, content) in key_rows {
        // Only plain file names: a crafted backup must not write elsewhere.
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            return Err(BackupError::NotABackup(from.into(), format!("a key file is named {name:?}")));
        }
        std::fs::create_dir_all(&key_dir).map_err(write_err)?;
        let path = key_dir.join(&name);
        private_file(&path).map_err(write_err)?;
        std::fs::write(&path, content).map_err(write_err)?;
        sync(&path).map_err(write_err)?;
        keys.push(name);
    }
    sync(&partial).map_err(write_err)?;
    std::fs::rename(&partial, &database).map_err(write_err)?;
    sync_parent(&database).map_err(write_err)?;
    Ok(Restored { schema_version, made_at: field("made_at").unwrap_or_default(), keys })
}

/// The names of the files in `data_dir/keys` (signing keys, the webhook key).
pub fn key_file_names(data_dir: &Path) -> Vec<String> {
    key_files(data_dir).map(|files| files.into_iter().map(|(name, _)| name).collect()).unwrap_or_default()
}

fn key_files(data_dir: &Path) -> Result<Vec<(String, String)>, BackupError> {
    let dir = data_dir.join("keys");
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(BackupError::Read(dir, e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| BackupError::Read(dir.clone(), e))?;
        if !entry.file_type().map_err(|e| BackupError::Read(entry.path(), e))?.is_file() {
            continue;
        }
        let content = std::fs::read_to_string(entry.path()).map_err(|e| BackupError::Read(entry.path(), e))?;
        files.push((entry.file_name().to_string_lossy().into_owned(), content));
    }
    files.sort();
    Ok(files)
}

async fn read_manifest(from: &Path) -> Result<Vec<(String, String)>, BackupError> {
    std::fs::metadata(from).map_err(|e| BackupError::Read(from.into(), e))?;
    let not_a_backup = |why: String| BackupError::NotABackup(from.into(), why);
    let mut conn = open(from, true).await.map_err(|e| not_a_backup(e.to_string()))?;
    let rows = sqlx::query_as("SELECT key, value FROM backup_manifest")
        .fetch_all(&mut conn)
        .await
        .map_err(|_| not_a_backup("it has no backup manifest".into()))?;
    conn.close().await?;
    Ok(rows)
}

async fn open(path: &Path, read_only: bool) -> Result<SqliteConnection, sqlx::Error> {
    SqliteConnectOptions::new().filename(path).read_only(read_only).connect().await
}

async fn schema_version(conn: &mut SqliteConnection) -> Result<i64, sqlx::Error> {
    let (version,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations WHERE success").fetch_one(conn).await?;
    Ok(version.unwrap_or(0))
}

/// `dir/.name.partial`: where a file is written before it is renamed to `name`.
fn partial_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.partial"))
}

/// An empty file only the owner reads (fails if it exists).
fn private_file(path: &Path) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop)
}

fn sync(path: &Path) -> io::Result<()> {
    std::fs::OpenOptions::new().read(true).open(path)?.sync_all()
}

/// Makes a rename durable (a directory's entry is its own write).
fn sync_parent(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::File::open(parent)?.sync_all()?;
    }
    Ok(())
}
