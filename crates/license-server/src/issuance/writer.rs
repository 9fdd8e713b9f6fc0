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
//! Each batch locks the licence rows it writes (PostgreSQL: `FOR UPDATE`, in
//! id order, so batches of two servers never wait for each other in a
//! circle) and holds them to its commit: the lock covers exactly what must
//! not interleave, a licence's places and counter, once per batch instead
//! of once per issuance. What the jobs need to know under that lock (each
//! licence's counter and places, the bindings of the installations they
//! name, the webhook endpoints) is read by the same few statements for the
//! whole batch ([`BatchState`]); its new installations and its issuances are
//! each written by one statement.

use std::collections::{HashMap, HashSet};

use futures_util::TryStreamExt;
use license_api::{Activation, Channel, ProductRef};
use license_codes::{Entitlements, RequestCode};
use sqlx::Either;
use sqlx::Row;
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

/// Records `batch` in one transaction and commits it. Business refusals
/// (limits, released installations) write nothing and stay per job; any
/// other error aborts the whole transaction. The batch's new installations
/// and its issuances are each written by one statement, so what the
/// database does after them (PostgreSQL's statement triggers: counts, the
/// audit log) runs once per batch.
async fn commit_batch(
    db: &Db,
    mailer: Option<&Mailer>,
    batch: &[Queued],
) -> Result<Vec<Result<Activation, ApiError>>, ApiError> {
    let mut tx = db.begin().await?;
    let mut state = BatchState::read(db, &mut tx, batch).await?;
    let mut decided = Vec::with_capacity(batch.len());
    for queued in batch {
        match decide(&mut tx, &mut state, &queued.job).await {
            Err(e @ (ApiError::Internal(_) | ApiError::Unavailable)) => return Err(e),
            result => decided.push(result),
        }
    }
    let issues: Vec<&Issue> = decided.iter().filter_map(|d| d.as_ref().ok()).collect();
    bind_installations(&mut tx, &issues).await?;
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
    tx.commit().await?;
    Ok(results)
}

/// A licence's counter and places, as the batch found them under its lock
/// and as its own bindings changed them.
struct Places {
    latest_counter: i64,
    bound_installations: i64,
    max_installations: i64,
}

/// What a batch reads once under its licences' locks, instead of once per
/// issuance, and keeps up to date as it binds installations.
struct BatchState {
    licences: HashMap<i64, Places>,
    /// The installations the batch names that are bound (before or by this
    /// batch), by (licence, key id): when they were released, if they were.
    bindings: HashMap<(i64, i64), Option<String>>,
    /// The webhook endpoints subscribed to `response.issued`.
    endpoints: Vec<String>,
}

impl BatchState {
    /// Locks the batch's licences (PostgreSQL: `FOR UPDATE`, in id order;
    /// the caller sorted the batch by licence) and reads what its jobs need.
    async fn read(db: &Db, tx: &mut Tx, batch: &[Queued]) -> Result<BatchState, ApiError> {
        let mut licence_ids: Vec<i64> = batch.iter().map(|queued| queued.job.license_id).collect();
        licence_ids.dedup();
        let ids = licence_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let lock = if db.dialect == Dialect::Postgres { " FOR UPDATE" } else { "" };
        // The named (licence, key id) pairs, joined to the primary key by
        // both columns of one row each: one index probe a pair. (Written as
        // `(license_id = … AND key_id = …) OR …`, PostgreSQL took the licence
        // out as common to every term and, on a hot licence, filtered all its
        // installations by key id; as two IN lists it scanned the table.)
        let named: HashSet<(i64, i64)> =
            batch.iter().map(|queued| (queued.job.license_id, queued.job.request.key_id.0 as i64)).collect();
        let pairs = named.iter().map(|(licence, key)| format!("({licence}, {key})")).collect::<Vec<_>>().join(", ");
        // The three reads in one round trip: integers and our own names only,
        // so written into the text, sent as one simple query (a prepared
        // statement would cost a second round trip, and this text changes
        // with every batch). On a hot licence shared by servers, each round
        // trip under its lock is time the other servers wait.
        let sql = format!(
            "SELECT id, latest_counter, bound_installations, max_installations FROM licenses \
             WHERE id IN ({ids}) ORDER BY id{lock}; \
             WITH named (license_id, key_id) AS (VALUES {pairs}) \
             SELECT n.license_id, n.key_id, n.released_at FROM named \
             JOIN installations n ON n.license_id = named.license_id AND n.key_id = named.key_id; \
             {}",
            webhooks::subscribed_query(Event::ResponseIssued)
        );
        let mut licences = HashMap::with_capacity(licence_ids.len());
        let mut bindings = HashMap::new();
        let mut endpoints = Vec::new();
        // Rows come statement by statement, each statement's followed by its result.
        let mut statement = 0;
        let mut results = sqlx::raw_sql(&sql).fetch_many(&mut **tx);
        while let Some(item) = results.try_next().await? {
            match item {
                Either::Left(_) => statement += 1,
                Either::Right(row) if statement == 0 => {
                    let places = Places {
                        latest_counter: row.try_get(1)?,
                        bound_installations: row.try_get(2)?,
                        max_installations: row.try_get(3)?,
                    };
                    licences.insert(row.try_get::<i64, _>(0)?, places);
                }
                Either::Right(row) if statement == 1 => {
                    bindings.insert((row.try_get::<i64, _>(0)?, row.try_get::<i64, _>(1)?), row.try_get(2)?);
                }
                Either::Right(row) => endpoints.push(row.try_get::<String, _>(0)?),
            }
        }
        Ok(BatchState { licences, bindings, endpoints })
    }
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
            if places.bound_installations >= places.max_installations {
                return Err(ApiError::InstallationLimit { serial: r.serial.to_code(), max: places.max_installations });
            }
            places.bound_installations += 1;
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

/// Writes the batch's new installations, one statement.
async fn bind_installations(tx: &mut Tx, issues: &[&Issue<'_>]) -> Result<(), ApiError> {
    let binding: Vec<&&Issue> = issues.iter().filter(|issue| issue.binds).collect();
    if binding.is_empty() {
        return Ok(());
    }
    let sql =
        format!("INSERT INTO installations (license_id, key_id, bound_at) VALUES {}", value_rows(binding.len(), 3));
    let mut query = sqlx::query(&sql);
    for issue in binding {
        query = query.bind(issue.job.license_id).bind(issue.job.request.key_id.0 as i64).bind(&issue.issued_at);
    }
    query.execute(&mut **tx).await?;
    Ok(())
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
