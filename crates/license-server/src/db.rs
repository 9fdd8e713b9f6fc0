//! The database: embedded SQLite by default, PostgreSQL for several servers.
//!
//! Queries are written once, in the SQL both dialects accept (`$1`
//! placeholders in order of first use, `ON CONFLICT`, `RETURNING`). Write
//! transactions serialise per licence: SQLite with `BEGIN IMMEDIATE` on its
//! single writer connection (writers queue in this process instead of
//! sleeping in SQLite's busy handler), PostgreSQL with `SELECT … FOR NO KEY
//! UPDATE` on the licence row ([`Db::licence_lock`]).

use std::borrow::Cow;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyConnection, AnyPool, Connection, Executor, Transaction};

fn migrator(dialect: Dialect) -> sqlx::migrate::Migrator {
    match dialect {
        Dialect::Sqlite => sqlx::migrate!("./migrations/sqlite"),
        Dialect::Postgres => sqlx::migrate!("./migrations/postgres"),
    }
}

/// Brings the schema of `conn`'s database up to date.
async fn migrate(dialect: Dialect, conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    migrator(dialect).run(conn).await.map_err(|e| sqlx::Error::Migrate(Box::new(e)))
}

/// The newest schema this server knows (its last migration's number).
pub fn latest_schema_version(dialect: Dialect) -> i64 {
    migrator(dialect).iter().map(|m| m.version).max().unwrap_or(0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// [`Db::licence_lock`] in this dialect.
    pub fn licence_lock(self) -> &'static str {
        match self {
            Dialect::Sqlite => "",
            Dialect::Postgres => " FOR NO KEY UPDATE",
        }
    }
}

/// Connections for reading and for writing (the same pool on PostgreSQL).
#[derive(Clone, Debug)]
pub struct Db {
    pub dialect: Dialect,
    read: AnyPool,
    write: AnyPool,
}

pub type Tx = Transaction<'static, Any>;

/// The SQLite file inside the data directory.
pub const SQLITE_FILE: &str = "license-server.db";

impl Db {
    /// Opens `database_url` (postgres://…), or the SQLite file in `data_dir`,
    /// creating it on first start, and brings the schema up to date.
    pub async fn open(data_dir: &Path, database_url: Option<&str>) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let db = match database_url {
            Some(url) if url.starts_with("postgres:") || url.starts_with("postgresql:") => {
                // The schema first, on a connection of its own: the pool's
                // connections prepare the issuance writer's statements when
                // they connect, and those name its tables.
                let mut conn = AnyConnection::connect(url).await?;
                migrate(Dialect::Postgres, &mut conn).await?;
                conn.close().await?;
                let prepare = crate::issuance::writer::prepare_statements();
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    // A connection is tested (a round trip) only after a
                    // second unused: under load every query would otherwise
                    // pay for two round trips (sqlx's own advice).
                    .test_before_acquire(false)
                    .before_acquire(|conn, meta| {
                        Box::pin(async move {
                            if meta.idle_for > Duration::from_secs(1) {
                                sqlx::Connection::ping(conn).await?;
                            }
                            Ok(true)
                        })
                    })
                    .after_connect(move |conn, _| {
                        let prepare = prepare.clone();
                        Box::pin(async move {
                            // No arguments: one simple query, every statement in it.
                            conn.execute(prepare.as_str()).await?;
                            Ok(())
                        })
                    })
                    .connect(url)
                    .await?;
                Db { dialect: Dialect::Postgres, read: pool.clone(), write: pool }
            }
            Some(url) if url.starts_with("sqlite:") => Self::sqlite(url).await?,
            Some(url) => {
                return Err(sqlx::Error::Configuration(
                    format!("unsupported database URL '{url}': use postgres://… or sqlite://…").into(),
                ))
            }
            None => {
                std::fs::create_dir_all(data_dir).map_err(sqlx::Error::Io)?;
                let path = data_dir.join(SQLITE_FILE);
                Self::sqlite(&format!("sqlite://{}?mode=rwc", path.display())).await?
            }
        };
        Ok(db)
    }

    async fn sqlite(url: &str) -> Result<Db, sqlx::Error> {
        let options = AnyConnectOptions::from_str(url)?;
        let pragmas = |options: AnyPoolOptions| {
            options.after_connect(|conn, _| {
                Box::pin(async move {
                    // WAL: readers never block the writer. synchronous=FULL: a
                    // committed issuance survives power loss, not only a crash.
                    // Checkpoints run in the background (see `spawn_checkpointer`),
                    // not inside a commit that a client is waiting for.
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; \
                         PRAGMA wal_autocheckpoint = 0;",
                    )
                    .await?;
                    Ok(())
                })
            })
        };
        let write = pragmas(AnyPoolOptions::new().max_connections(1).acquire_timeout(Duration::from_secs(30)))
            .connect_with(options.clone())
            .await?;
        let read = pragmas(AnyPoolOptions::new().max_connections(4)).connect_with(options).await?;
        migrate(Dialect::Sqlite, &mut *write.acquire().await?).await?;
        Ok(Db { dialect: Dialect::Sqlite, read, write })
    }

    /// The pool for reads that need no transaction.
    pub fn read(&self) -> &AnyPool {
        &self.read
    }

    /// A write transaction. On SQLite it holds the write lock from the start.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        let conn = self.write.acquire().await?;
        let statement = match self.dialect {
            Dialect::Sqlite => "BEGIN IMMEDIATE",
            Dialect::Postgres => "BEGIN",
        };
        Transaction::begin(conn, Some(Cow::Borrowed(statement))).await
    }

    /// Serialises writers of one licence until the transaction ends (on
    /// SQLite the one write connection already does). The issuance writer
    /// locks a batch's licences itself, reading their places in the same
    /// statement (`issuance/writer.rs`).
    pub async fn lock_license(&self, tx: &mut Tx, license_id: i64) -> Result<(), sqlx::Error> {
        if self.dialect == Dialect::Postgres {
            let sql = format!("SELECT id FROM licenses WHERE id = $1{}", self.licence_lock());
            sqlx::query(&sql).bind(license_id).execute(&mut **tx).await?;
        }
        Ok(())
    }

    /// What a `SELECT` of licence rows ends with to take their writers'
    /// lock. PostgreSQL's `FOR NO KEY UPDATE` (what an `UPDATE` of the row
    /// takes) excludes the licence's other writers but not rows that merely
    /// reference it: an `INSERT` of an issuance checks its foreign key with
    /// a `KEY SHARE` lock, which `FOR UPDATE` would make wait.
    pub fn licence_lock(&self) -> &'static str {
        self.dialect.licence_lock()
    }

    /// On SQLite, copies the write-ahead log into the database every second
    /// from a reader connection. PASSIVE never blocks the writer. (When the
    /// last connection closes, SQLite checkpoints by itself.)
    pub fn spawn_checkpointer(&self) {
        if self.dialect != Dialect::Sqlite {
            return;
        }
        let pool = self.read.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(1));
            loop {
                tick.tick().await;
                if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&pool).await {
                    tracing::warn!(error = %e, "WAL checkpoint failed");
                }
            }
        });
    }

    /// Whether the database answers (for /readyz).
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.read).await.is_ok()
    }

    /// SQLite's own integrity and foreign-key checks; PostgreSQL checks its
    /// constraints on every write, so there it checks that history is whole.
    pub async fn integrity_check(&self) -> Result<Vec<String>, sqlx::Error> {
        let mut problems = Vec::new();
        if self.dialect == Dialect::Sqlite {
            let rows: Vec<(String,)> = sqlx::query_as("PRAGMA integrity_check").fetch_all(&self.read).await?;
            problems.extend(rows.into_iter().map(|r| r.0).filter(|r| r != "ok"));
            let fk: Vec<(String,)> =
                sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check").fetch_all(&self.read).await?;
            problems.extend(fk.into_iter().map(|r| format!("foreign key violation in {}", r.0)));
        }
        let orphans: (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM issuances i WHERE NOT EXISTS \
             (SELECT 1 FROM license_states s WHERE s.license_id = i.license_id AND s.counter = i.to_counter)",
        )
        .fetch_one(&self.read)
        .await?;
        if orphans.0 > 0 {
            problems.push(format!("{} issuances point to a state that does not exist", orphans.0));
        }
        Ok(problems)
    }
}
