//! Recording issuances: binding a new installation and storing the signed
//! response, in one transaction.
//!
//! Issuances wait in a queue and a writer task commits every job waiting in
//! one transaction (group commit: one fsync for the batch). A job refused by
//! the business rules writes nothing, so it does not affect the others; any
//! other failure rolls the batch back and its jobs are redone one
//! transaction each. No answer leaves before its batch is committed, so
//! every response a client receives is durable (SQLite runs with
//! synchronous=FULL; PostgreSQL commits synchronously).
//!
//! Each server has one writer task, on SQLite (one write connection) and on
//! PostgreSQL alike: while it commits a batch the next one gathers, so a
//! busier server commits bigger batches. (Several writers per server were
//! measured: smaller batches each paying the same statements, no faster on
//! one server and slower on two sharing a hot licence; docs/benchmarks.md.)
//! A batch decides on its licences' places and counters, which must not
//! change before it commits. On SQLite the one write connection sees to
//! that. On PostgreSQL, where several servers may share a hot licence, a
//! batch reads and decides without a lock, writes its issuances, and only
//! then locks its licences' rows (`FOR NO KEY UPDATE`, in id order, so
//! batches of two servers never wait for each other in a circle), checks
//! that what it decided on still holds and binds its new installations, in
//! one round trip, and commits ([`Locking::Last`]). If its licences moved
//! meanwhile (an upgrade, a release, another server's bindings leaving too
//! few places) it rolls back and is redone with the locks taken first. So
//! a lock covers one round trip and the commit, and the other servers'
//! batches do the rest of their work meanwhile (their inserts' references
//! to the licence are checked at commit, under the lock: migration 0018).
//! What the jobs need to know (each licence's counter and places, the
//! bindings of the installations they name, the webhook endpoints) is read
//! by the same few statements for the whole batch ([`BatchState`]); its new
//! installations and its issuances are each written by one statement. On
//! PostgreSQL those statements are prepared once per connection
//! ([`Statement`]), so a batch pays for running them, not for planning them.

use std::collections::{HashMap, HashSet};

use futures_util::TryStreamExt;
use license_api::{Activation, Channel, ProductRef};
use license_codes::{Entitlements, RequestCode};
use sqlx::any::AnyRow;
use sqlx::{Either, Row};
use tokio::sync::{mpsc, oneshot};

use super::signer::{Prepared, Signer};
use super::{changes_json, Origin};
use crate::catalog::{now, states};
use crate::db::{Db, Dialect, Tx};
use crate::mail::{self, outbox, Mailer};
use crate::webhooks::{self, Event};
use crate::ApiError;

/// The most issuances committed together.
const MAX_BATCH: usize = 256;

/// One issuance to record: the signed response, and what it takes to sign
/// again if the licence moved on meanwhile.
pub struct IssueJob {
    pub license_id: i64,
    pub request: RequestCode,
    pub prepared: Prepared,
    pub signer: Signer,
    pub origin: Origin,
}

/// A job waiting for the writer task, with where to send its answer.
pub struct Queued {
    job: IssueJob,
    reply: oneshot::Sender<Result<Activation, ApiError>>,
}

/// Where issuances are recorded, and mailed when the server has mail.
pub struct Writer {
    /// Where jobs wait for the writer task.
    queue: mpsc::Sender<Queued>,
    mailer: Option<Mailer>,
}

impl Writer {
    /// The writer for `db`: starts its writer task on the current runtime.
    pub fn start(db: &Db, mailer: Option<Mailer>) -> Writer {
        let (sender, receiver) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run_batches(db.clone(), mailer.clone(), receiver));
        Writer { queue: sender, mailer }
    }

    /// Records `job` and answers once it is committed.
    pub async fn record(&self, job: IssueJob) -> Result<Activation, ApiError> {
        let (reply, answer) = oneshot::channel();
        self.queue.send(Queued { job, reply }).await.map_err(|_| ApiError::Unavailable)?;
        let activation = answer.await.map_err(|_| ApiError::Unavailable)??;
        if let (Some(mailer), Some(_)) = (&self.mailer, &activation.mailed_to) {
            mailer.wake();
        }
        Ok(activation)
    }
}

/// Takes what waits (at most MAX_BATCH) and commits it, over and over;
/// what arrives meanwhile is the next batch.
async fn run_batches(db: Db, mailer: Option<Mailer>, mut queue: mpsc::Receiver<Queued>) {
    loop {
        let Some(first) = queue.recv().await else { return };
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(queued) => batch.push(queued),
                Err(_) => break,
            }
        }
        // Licences in id order: the order their rows are locked in.
        batch.sort_by_key(|queued| queued.job.license_id);
        match commit_batch(&db, mailer.as_ref(), &batch).await {
            Ok(results) => {
                for (queued, result) in batch.into_iter().zip(results) {
                    let _ = queued.reply.send(result);
                }
            }
            Err(e) => {
                // Something failed below the business rules: redo each job
                // alone so one job's failure cannot reach the others.
                tracing::warn!(error = %e, jobs = batch.len(), "batch rolled back; recording its jobs one by one");
                for queued in batch {
                    let result = commit_batch(&db, mailer.as_ref(), std::slice::from_ref(&queued))
                        .await
                        .and_then(|mut results| results.pop().expect("one result"));
                    let _ = queued.reply.send(result);
                }
            }
        }
    }
}

/// When a batch takes its licences' locks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Locking {
    /// Before it reads them: SQLite (one write connection, nothing to wait
    /// for) and the redo of a batch whose licences moved.
    First,
    /// After it wrote its issuances, to confirm and bind (PostgreSQL).
    Last,
}

/// How one attempt at a batch ended.
enum Recorded {
    Committed(Vec<Result<Activation, ApiError>>),
    /// Taking the locks last, the batch found its licences moved: rolled back.
    Moved,
}

/// Records `batch` in one transaction and commits it; on PostgreSQL first
/// with the licences' locks taken last, and if they moved, again with them
/// taken first.
async fn commit_batch(
    db: &Db,
    mailer: Option<&Mailer>,
    batch: &[Queued],
) -> Result<Vec<Result<Activation, ApiError>>, ApiError> {
    if db.dialect == Dialect::Postgres {
        match record_batch(db, mailer, batch, Locking::Last).await? {
            Recorded::Committed(results) => return Ok(results),
            Recorded::Moved => tracing::debug!(jobs = batch.len(), "licences moved under the batch; redone locked"),
        }
    }
    match record_batch(db, mailer, batch, Locking::First).await? {
        Recorded::Committed(results) => Ok(results),
        Recorded::Moved => Err(ApiError::Internal("a licence moved under its lock".into())),
    }
}

/// One attempt at `batch` in one transaction. Business refusals (limits,
/// released installations) write nothing and stay per job; any other error
/// aborts the whole transaction. The batch's new installations and its
/// issuances are each written by one statement, so what the database does
/// after them (PostgreSQL's statement triggers: counts, the audit log) runs
/// once per batch.
async fn record_batch(
    db: &Db,
    mailer: Option<&Mailer>,
    batch: &[Queued],
    locking: Locking,
) -> Result<Recorded, ApiError> {
    let mut tx = db.begin().await?;
    let mut state = BatchState::read(db, &mut tx, batch, locking).await?;
    let mut decided = Vec::with_capacity(batch.len());
    for queued in batch {
        match decide(&mut tx, &mut state, &queued.job).await {
            Err(e @ (ApiError::Internal(_) | ApiError::Unavailable)) => return Err(e),
            result => decided.push(result),
        }
    }
    let mut issues: Vec<&Issue> = decided.iter().filter_map(|d| d.as_ref().ok()).collect();
    let installations = installations_statement(db, &issues);
    if locking == Locking::First
        && !installations.is_empty()
        && statements(&mut tx, &installations).await?.concat().len() != state.binding()
    {
        return Err(ApiError::Internal("an installation was bound under its licence's lock".into()));
    }
    if locking == Locking::Last {
        // Without the licences' locks, batches of several servers may store
        // the same issuance: inserted in one order, they never wait for each
        // other in a circle.
        issues.sort_by_key(|issue| issue.key());
    }
    let mut stored = insert_issuances(&mut tx, &issues).await?;
    let mut results = Vec::with_capacity(batch.len());
    for result in decided {
        results.push(match result {
            Ok(issue) => {
                // Of twins in a batch, the first is the one stored; the other answers with it.
                let id = stored.remove(&issue.key());
                Ok(finish(&mut tx, &state, issue, id, mailer).await?)
            }
            Err(refused) => Err(refused),
        });
    }
    if locking == Locking::Last && !state.confirm_and_bind(db, &mut tx, &installations).await? {
        return Ok(Recorded::Moved);
    }
    tx.commit().await?;
    Ok(Recorded::Committed(results))
}

/// A licence's counter and places as the batch found them, and how many
/// places its jobs take.
struct Places {
    latest_counter: i64,
    bound_installations: i64,
    max_installations: i64,
    /// New installations the batch binds on the licence.
    binding: i64,
}

/// (licence, key id) → when the installation was released, if it was.
type Bindings = HashMap<(i64, i64), Option<String>>;

/// What a batch reads once for all its jobs, instead of once per issuance,
/// and keeps up to date as it binds installations.
struct BatchState {
    licences: HashMap<i64, Places>,
    /// The installations the batch names that are bound (before or by this
    /// batch).
    bindings: Bindings,
    /// The installations the batch found bound and not released: those a
    /// release meanwhile would move. (One bound meanwhile is seen when the
    /// batch's own binding of it writes nothing.)
    found_bound: Vec<(i64, i64)>,
    /// The webhook endpoints subscribed to `response.issued`.
    endpoints: Vec<String>,
    /// The batch's licences, in id order.
    licence_ids: Vec<i64>,
}

impl BatchState {
    /// Reads what the batch's jobs need, first locking its licences (in id
    /// order: the caller sorted the batch by licence) if `locking` says so.
    async fn read(db: &Db, tx: &mut Tx, batch: &[Queued], locking: Locking) -> Result<BatchState, ApiError> {
        let mut licence_ids: Vec<i64> = batch.iter().map(|queued| queued.job.license_id).collect();
        licence_ids.dedup();
        let named: HashSet<(i64, i64)> =
            batch.iter().map(|queued| (queued.job.license_id, queued.job.request.key_id.0 as i64)).collect();
        let licences = if locking == Locking::First { Statement::LockedLicences } else { Statement::Licences };
        let sql = format!(
            "{}; {}; {}",
            licences.with(db, &[Column::Ints(&licence_ids)]),
            bindings_statement(db, &named),
            Statement::Endpoints.with(db, &[])
        );
        let mut results = statements(tx, &sql).await?.into_iter();
        let (Some(licences), Some(bindings), Some(endpoints)) = (results.next(), results.next(), results.next()) else {
            return Err(too_few_results());
        };
        let bindings = read_bindings(bindings)?;
        Ok(BatchState {
            licences: read_places(licences)?,
            found_bound: bindings.iter().filter(|(_, released)| released.is_none()).map(|(pair, _)| *pair).collect(),
            bindings,
            endpoints: endpoints.iter().map(|row| row.try_get(0)).collect::<Result<_, _>>()?,
            licence_ids,
        })
    }

    /// The new installations the batch binds.
    fn binding(&self) -> usize {
        self.licences.values().map(|places| places.binding as usize).sum()
    }

    /// Taking the locks last: locks the batch's licences, checks that what
    /// its jobs were decided on still holds, and binds its new installations
    /// (`installations`, the statement writing them), in one round trip.
    /// False if the licences moved: a counter changed, an installation the
    /// batch found bound was released, one it binds was bound meanwhile, or
    /// the places left are too few for its new installations. Another
    /// server's bindings alone (places enough) are not a move.
    async fn confirm_and_bind(&self, db: &Db, tx: &mut Tx, installations: &str) -> Result<bool, ApiError> {
        let mut sql = Statement::LockedLicences.with(db, &[Column::Ints(&self.licence_ids)]);
        if !self.found_bound.is_empty() {
            sql = format!("{sql}; {}", bindings_statement(db, &self.found_bound));
        }
        if !installations.is_empty() {
            sql = format!("{sql}; {installations}");
        }
        let mut results = statements(tx, &sql).await?.into_iter();
        let Some(licences) = results.next() else { return Err(too_few_results()) };
        let mut still_bound = true;
        if !self.found_bound.is_empty() {
            let now = read_bindings(results.next().ok_or_else(too_few_results)?)?;
            still_bound = now.len() == self.found_bound.len() && now.values().all(Option::is_none);
        }
        let bound = results.next().map_or(0, |rows| rows.len());
        let now = read_places(licences)?;
        let places_hold = self.licences.iter().all(|(id, found)| {
            now.get(id).is_some_and(|now| {
                now.latest_counter == found.latest_counter
                    && (found.binding == 0 || now.bound_installations + found.binding <= now.max_installations)
            })
        });
        Ok(places_hold && still_bound && bound == self.binding())
    }
}

/// The batch's statements gave fewer results than they are.
fn too_few_results() -> ApiError {
    ApiError::Internal("the batch's statements gave fewer results than they are".into())
}

/// Runs `sql`, statements separated by `;`, in one round trip: integers and
/// our own names and timestamps only, so written into the text and sent as
/// one simple query ([`Statement::with`]). Gives each statement's rows.
async fn statements(tx: &mut Tx, sql: &str) -> Result<Vec<Vec<AnyRow>>, ApiError> {
    let mut done = Vec::new();
    let mut rows = Vec::new();
    let mut results = sqlx::raw_sql(sql).fetch_many(&mut **tx);
    // Rows come statement by statement, each statement's followed by its result.
    while let Some(item) = results.try_next().await? {
        match item {
            Either::Left(_) => done.push(std::mem::take(&mut rows)),
            Either::Right(row) => rows.push(row),
        }
    }
    Ok(done)
}

/// A statement of a batch's reads and binds, several of which run in one
/// simple query. On SQLite a batch writes its values into the statement's
/// text. On PostgreSQL each connection prepares every statement once, when
/// it connects ([`prepare_statements`]), and a batch `EXECUTE`s them with
/// its values as array literals: PostgreSQL plans each statement once per
/// connection instead of at every batch (planning them was PostgreSQL's
/// largest cost per batch, docs/benchmarks.md).
#[derive(Clone, Copy)]
enum Statement {
    /// The licences' counters and places, by id (one column: the ids).
    Licences,
    /// The same, locking the rows ([`Db::licence_lock`]).
    LockedLicences,
    /// The installations (licence, key id) pairs name: one index probe a
    /// pair, by both columns. (Written as `(license_id = … AND key_id = …)
    /// OR …`, PostgreSQL took the licence out as common to every term and,
    /// on a hot licence, filtered all its installations by key id; as two
    /// IN lists it scanned the table; joined to the pairs in a statement
    /// planned once, it hashed the whole table at every batch.)
    Bindings,
    /// The webhook endpoints subscribed to `response.issued` (no columns).
    Endpoints,
    /// Binds new installations (licence, key id, bound at), a row back for
    /// each one it writes.
    Bind,
}

/// A column of the rows a [`Statement`] is given.
enum Column<'a> {
    Ints(&'a [i64]),
    /// Our own timestamps.
    Texts(&'a [&'a str]),
}

impl Statement {
    const ALL: [Statement; 5] =
        [Statement::Licences, Statement::LockedLicences, Statement::Bindings, Statement::Endpoints, Statement::Bind];

    /// Its name as PostgreSQL's prepared statement.
    fn name(self) -> &'static str {
        match self {
            Statement::Licences => "batch_licences",
            Statement::LockedLicences => "batch_licences_locked",
            Statement::Bindings => "batch_bindings",
            Statement::Endpoints => "batch_endpoints",
            Statement::Bind => "batch_bind",
        }
    }

    /// The types of its columns (PostgreSQL's arrays of them).
    fn columns(self) -> &'static [&'static str] {
        match self {
            Statement::Licences | Statement::LockedLicences => &["bigint"],
            Statement::Bindings => &["bigint", "bigint"],
            Statement::Endpoints => &[],
            Statement::Bind => &["bigint", "bigint", "text"],
        }
    }

    /// Its SQL in `dialect`, given its rows by `rows` (a query).
    fn sql(self, dialect: Dialect, rows: &str) -> String {
        match self {
            Statement::Licences | Statement::LockedLicences => {
                let lock = if matches!(self, Statement::LockedLicences) { dialect.licence_lock() } else { "" };
                format!(
                    "SELECT id, latest_counter, bound_installations, max_installations FROM licenses \
                     WHERE id IN ({rows}) ORDER BY id{lock}"
                )
            }
            // PostgreSQL plans a lateral subquery it cannot flatten into a
            // join (LIMIT 1: a pair names one row at most) as a probe a row.
            Statement::Bindings if dialect == Dialect::Postgres => format!(
                "SELECT named.license_id, named.key_id, n.released_at FROM ({rows}) named (license_id, key_id) \
                 CROSS JOIN LATERAL (SELECT released_at FROM installations \
                 WHERE license_id = named.license_id AND key_id = named.key_id LIMIT 1) n"
            ),
            Statement::Bindings => format!(
                "WITH named (license_id, key_id) AS ({rows}) \
                 SELECT n.license_id, n.key_id, n.released_at FROM named \
                 JOIN installations n ON n.license_id = named.license_id AND n.key_id = named.key_id"
            ),
            Statement::Endpoints => webhooks::subscribed_query(Event::ResponseIssued),
            Statement::Bind => format!(
                "INSERT INTO installations (license_id, key_id, bound_at) {rows} ON CONFLICT DO NOTHING RETURNING key_id"
            ),
        }
    }

    /// The statement run on `columns` (of equal length), as one statement of a simple query.
    fn with(self, db: &Db, columns: &[Column<'_>]) -> String {
        if columns.is_empty() {
            return match db.dialect {
                Dialect::Sqlite => self.sql(db.dialect, ""),
                Dialect::Postgres => format!("EXECUTE {}", self.name()),
            };
        }
        match db.dialect {
            Dialect::Sqlite => {
                let rows = columns[0].len();
                let values = (0..rows)
                    .map(|row| {
                        let values = columns.iter().map(|column| column.sql_value(row)).collect::<Vec<_>>();
                        format!("({})", values.join(", "))
                    })
                    .collect::<Vec<_>>();
                self.sql(db.dialect, &format!("VALUES {}", values.join(", ")))
            }
            Dialect::Postgres => {
                let arrays = columns.iter().map(Column::array_literal).collect::<Vec<_>>();
                format!("EXECUTE {}({})", self.name(), arrays.join(", "))
            }
        }
    }
}

impl Column<'_> {
    fn len(&self) -> usize {
        match self {
            Column::Ints(values) => values.len(),
            Column::Texts(values) => values.len(),
        }
    }

    /// Its value in `row` as an SQL literal.
    fn sql_value(&self, row: usize) -> String {
        match self {
            Column::Ints(values) => values[row].to_string(),
            Column::Texts(values) => format!("'{}'", values[row].replace('\'', "''")),
        }
    }

    /// The column as an SQL literal of a PostgreSQL array: `'{1,2}'`, `'{"a","b"}'`.
    fn array_literal(&self) -> String {
        let elements: Vec<String> = match self {
            Column::Ints(values) => values.iter().map(i64::to_string).collect(),
            Column::Texts(values) => values
                .iter()
                .map(|text| format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\"").replace('\'', "''")))
                .collect(),
        };
        format!("'{{{}}}'", elements.join(","))
    }
}

/// What prepares the batch's statements on a PostgreSQL connection, once,
/// when it connects ([`Db::open`]; the schema is migrated before).
pub fn prepare_statements() -> String {
    Statement::ALL
        .iter()
        .map(|statement| {
            let types = statement.columns();
            if types.is_empty() {
                return format!("PREPARE {} AS {}", statement.name(), statement.sql(Dialect::Postgres, ""));
            }
            let arrays = types.iter().map(|t| format!("{t}[]")).collect::<Vec<_>>().join(", ");
            let params = (1..=types.len()).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ");
            let rows = format!("SELECT * FROM unnest({params})");
            format!("PREPARE {} ({arrays}) AS {}", statement.name(), statement.sql(Dialect::Postgres, &rows))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Licences' rows as [`Statement::Licences`] reads them.
fn read_places(rows: Vec<AnyRow>) -> Result<HashMap<i64, Places>, ApiError> {
    let mut licences = HashMap::with_capacity(rows.len());
    for row in rows {
        let places = Places {
            latest_counter: row.try_get(1)?,
            bound_installations: row.try_get(2)?,
            max_installations: row.try_get(3)?,
            binding: 0,
        };
        licences.insert(row.try_get::<i64, _>(0)?, places);
    }
    Ok(licences)
}

/// The statement reading the installations `pairs` (licence, key id) name.
fn bindings_statement<'a>(db: &Db, pairs: impl IntoIterator<Item = &'a (i64, i64)>) -> String {
    let (licences, keys): (Vec<i64>, Vec<i64>) = pairs.into_iter().copied().unzip();
    Statement::Bindings.with(db, &[Column::Ints(&licences), Column::Ints(&keys)])
}

/// Installations' rows as [`Statement::Bindings`] reads them.
fn read_bindings(rows: Vec<AnyRow>) -> Result<Bindings, ApiError> {
    rows.into_iter().map(|row| Ok(((row.try_get::<i64, _>(0)?, row.try_get::<i64, _>(1)?), row.try_get(2)?))).collect()
}

/// One issuance as its batch decided it under the licences' locks, to be
/// written with the batch's others.
struct Issue<'a> {
    job: &'a IssueJob,
    /// The licence's counter the response brings the installation to.
    latest: i64,
    /// Whether it binds a new installation.
    binds: bool,
    prepared: Prepared,
    issued_at: String,
}

impl Issue<'_> {
    /// The issuance's unique key: licence, key id, from and to counter.
    fn key(&self) -> (i64, i64, i64, i64) {
        (self.job.license_id, self.job.request.key_id.0 as i64, i64::from(self.job.request.counter), self.latest)
    }
}

/// Decides one job under the batch's locks: whether it binds a new
/// installation (if the licence has room) and what response it stores,
/// signed again if an upgrade was queued since it was prepared.
async fn decide<'a>(tx: &mut Tx, state: &mut BatchState, job: &'a IssueJob) -> Result<Issue<'a>, ApiError> {
    let (r, license_id) = (&job.request, job.license_id);
    let key = r.key_id.0 as i64;
    // A licence deleted since the request was checked: the batch is redone job by job.
    let places = state
        .licences
        .get_mut(&license_id)
        .ok_or_else(|| ApiError::Internal(format!("licence {license_id} vanished")))?;
    let latest = places.latest_counter;
    // A new installation takes a place on the licence (the database counts
    // it when the batch writes it; the batch counts it here).
    let binds = match state.bindings.get(&(license_id, key)) {
        Some(Some(_)) => {
            return Err(ApiError::KeyIdNotFound {
                serial: r.serial.to_code(),
                key_id: r.key_id.to_string(),
                released: true,
            })
        }
        Some(None) => false,
        None => {
            if places.bound_installations + places.binding >= places.max_installations {
                return Err(ApiError::InstallationLimit { serial: r.serial.to_code(), max: places.max_installations });
            }
            places.binding += 1;
            state.bindings.insert((license_id, key), None);
            true
        }
    };
    let prepared = if job.prepared.latest == latest {
        job.prepared.clone()
    } else {
        let from = match r.counter {
            0 => Entitlements::new(),
            c => states::state_in_tx(tx, license_id, i64::from(c)).await?,
        };
        let to = states::state_in_tx(tx, license_id, latest).await?;
        job.signer.sign(r, latest, &from, to)?
    };
    Ok(Issue { job, latest, binds, prepared, issued_at: now() })
}

/// `($1, $2, …), ($k, …)`: the placeholders of `rows` rows of `columns` values.
fn value_rows(rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|row| {
            let values = (1..=columns).map(|c| format!("${}", row * columns + c)).collect::<Vec<_>>();
            format!("({})", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The statement writing the batch's new installations (none: empty), with
/// a row back for each one it writes.
fn installations_statement(db: &Db, issues: &[&Issue<'_>]) -> String {
    let binding: Vec<&&Issue<'_>> = issues.iter().filter(|issue| issue.binds).collect();
    if binding.is_empty() {
        return String::new();
    }
    let licences: Vec<i64> = binding.iter().map(|issue| issue.job.license_id).collect();
    let keys: Vec<i64> = binding.iter().map(|issue| issue.job.request.key_id.0 as i64).collect();
    let times: Vec<&str> = binding.iter().map(|issue| issue.issued_at.as_str()).collect();
    Statement::Bind.with(db, &[Column::Ints(&licences), Column::Ints(&keys), Column::Texts(&times)])
}

/// Writes the batch's issuances, one statement, and gives the id of each
/// one stored by it, by its unique key. One it does not store was stored
/// first by a concurrent identical request (or by its twin in the batch).
async fn insert_issuances(tx: &mut Tx, issues: &[&Issue<'_>]) -> Result<HashMap<(i64, i64, i64, i64), i64>, ApiError> {
    if issues.is_empty() {
        return Ok(HashMap::new());
    }
    let sql = format!(
        "INSERT INTO issuances (license_id, key_id, from_counter, to_counter, request_code, request_digest, \
         response_code, changes, signing_key_id, issued_at, channel, actor) VALUES {} \
         ON CONFLICT DO NOTHING RETURNING id, license_id, key_id, from_counter, to_counter",
        value_rows(issues.len(), 12)
    );
    let mut query = sqlx::query_as(&sql);
    for issue in issues {
        let (r, origin) = (&issue.job.request, &issue.job.origin);
        query = query
            .bind(issue.job.license_id)
            .bind(r.key_id.0 as i64)
            .bind(i64::from(r.counter))
            .bind(issue.latest)
            .bind(r.to_code())
            .bind(i64::from(r.entitlement_digest))
            .bind(&issue.prepared.response_code)
            .bind(changes_json(&issue.prepared.changes))
            .bind(i64::from(issue.prepared.signing_key_id))
            .bind(&issue.issued_at)
            .bind(origin.channel.as_str())
            .bind(&origin.actor);
    }
    let stored: Vec<(i64, i64, i64, i64, i64)> = query.fetch_all(&mut **tx).await?;
    Ok(stored.into_iter().map(|(id, licence, key, from, to)| ((licence, key, from, to), id)).collect())
}

/// What follows one issuance in its transaction: when the batch stored it
/// (`stored_id`), its webhook deliveries and its mail to the licence's
/// contact; else the response stored first, to answer with.
async fn finish(
    tx: &mut Tx,
    state: &BatchState,
    issue: Issue<'_>,
    stored_id: Option<i64>,
    mailer: Option<&Mailer>,
) -> Result<Activation, ApiError> {
    let (r, job) = (&issue.job.request, issue.job);
    let serial = r.serial.to_code();
    let product = &job.signer.product;
    let activation = |response_code, issued_at, changes, signing_key_id, already_issued| Activation {
        response_code,
        changes,
        issued_at,
        already_issued,
        serial: serial.clone(),
        product: ProductRef { id: product.id, name: product.name.clone() },
        from_counter: r.counter,
        to_counter: issue.latest as u16,
        signing_key_id,
        mailed_to: None,
    };
    let key = issue.key();
    if let Some(issuance_id) = stored_id {
        let prepared = issue.prepared;
        let mut new =
            activation(prepared.response_code, issue.issued_at, prepared.changes, prepared.signing_key_id, false);
        let data = serde_json::json!({
            "serial": serial,
            "product": new.product,
            "key_id": r.key_id.to_string(),
            "from_counter": new.from_counter,
            "to_counter": new.to_counter,
            "channel": job.origin.channel.as_str(),
            "changes": new.changes,
            "issued_at": new.issued_at,
        });
        webhooks::record_for(tx, &state.endpoints, Event::ResponseIssued, data).await?;
        // New issuances made for a person are mailed to the contact; the
        // program's own "Get it now" installs itself.
        let reason = match job.origin.channel {
            Channel::Portal | Channel::Console => Some(outbox::Reason::Issued),
            Channel::Mail => Some(outbox::Reason::MailIn),
            Channel::Online => None,
        };
        if let (Some(mailer), Some(reason)) = (mailer, reason) {
            let to = outbox::enqueue_issuance(tx, &mailer.settings, issuance_id, reason).await?;
            new.mailed_to = Some(mail::mask(&to));
        }
        return Ok(new);
    }
    // Issued meanwhile by a concurrent identical request: answer with that one.
    let (code, at, changes, signer): (String, String, String, i64) = sqlx::query_as(
        "SELECT response_code, issued_at, changes, signing_key_id FROM issuances \
         WHERE license_id = $1 AND key_id = $2 AND from_counter = $3 AND to_counter = $4",
    )
    .bind(key.0)
    .bind(key.1)
    .bind(key.2)
    .bind(key.3)
    .fetch_one(&mut **tx)
    .await?;
    Ok(activation(code, at, serde_json::from_str(&changes).unwrap_or_default(), signer as u8, true))
}
