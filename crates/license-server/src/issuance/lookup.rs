//! What the database knows about a request code, in one read: the licence
//! and its latest state, this installation's binding, and the response
//! already issued for exactly this request.
//!
//! On PostgreSQL, the lookups waiting at the same moment are answered by one
//! statement: a lookup task takes every one waiting (at most
//! [`MAX_LOOKUPS`]), reads them together, and hands each its row; what
//! arrives meanwhile is the next read. Each round trip costs PostgreSQL
//! more CPU (the protocol, waking its backend) than the indexed read itself,
//! so under load this is a round trip per batch instead of per request; a
//! lone request is read at once, as before (docs/benchmarks.md). The
//! batch goes as arrays to one statement whose text never changes, so
//! PostgreSQL plans it once per connection, not at every read. SQLite
//! reads in process, where a round trip costs nothing: each request is
//! read by itself.

use std::sync::LazyLock;

use license_codes::RequestCode;
use tokio::sync::{mpsc, oneshot};

use crate::db::{Db, Dialect};
use crate::ApiError;

/// The most lookups read by one statement (5 values each).
const MAX_LOOKUPS: usize = 128;

/// What one read finds about a request.
pub(super) struct Lookup {
    pub license_id: i64,
    pub product_id: i64,
    pub latest: i64,
    pub bound_installations: i64,
    pub max_installations: i64,
    /// The latest state's entitlements (JSON).
    pub latest_state: String,
    /// `None`: never bound; `Some(None)`: bound; `Some(Some(at))`: released at.
    pub binding: Option<Option<String>>,
    pub stored: Option<Stored>,
    /// What binding a new installation needs, if anything.
    pub registration_code: Option<String>,
    /// The reseller who owns the licence, if one does.
    reseller: Option<String>,
}

/// A response issued before for exactly this request.
pub(super) struct Stored {
    pub code: String,
    pub at: String,
    pub changes: String,
    pub to: i64,
    pub signer: i64,
}

/// One row of [`read`]: `asked` is the request's place in the batch; the
/// binding's and the stored response's columns are null when there are none.
#[derive(sqlx::FromRow)]
struct LookupRow {
    asked: i64,
    license_id: i64,
    product_id: i64,
    latest_counter: i64,
    bound_installations: i64,
    max_installations: i64,
    latest_state: String,
    bound_key_id: Option<i64>,
    released_at: Option<String>,
    response_code: Option<String>,
    issued_at: Option<String>,
    changes: Option<String>,
    to_counter: Option<i64>,
    signing_key_id: Option<i64>,
    registration_code: Option<String>,
    reseller: Option<String>,
}

/// What a lookup asks: serial, key id, counter, entitlement digest.
type Asked = [i64; 4];

fn asked(r: &RequestCode) -> Asked {
    [r.serial.value() as i64, r.key_id.0 as i64, i64::from(r.counter), i64::from(r.entitlement_digest)]
}

/// A lookup waiting for the lookup task, with where to send its row.
struct Waiting {
    asked: Asked,
    reply: oneshot::Sender<Result<Option<Lookup>, ApiError>>,
}

/// Where the issuer looks request codes up.
pub struct Lookups {
    db: Db,
    /// The lookup task's queue (PostgreSQL); `None` on SQLite.
    queue: Option<mpsc::Sender<Waiting>>,
}

impl Lookups {
    /// The lookups of `db`: on PostgreSQL, starts the lookup task on the current runtime.
    pub fn start(db: &Db) -> Lookups {
        let queue = (db.dialect == Dialect::Postgres).then(|| {
            let (sender, receiver) = mpsc::channel(4 * MAX_LOOKUPS);
            tokio::spawn(run_lookups(db.clone(), receiver));
            sender
        });
        Lookups { db: db.clone(), queue }
    }

    /// What the database knows about `r`; `None` when its serial is unknown
    /// (or belongs to another reseller).
    pub(super) async fn find(&self, r: &RequestCode) -> Result<Option<Lookup>, ApiError> {
        let found = match &self.queue {
            None => read(&self.db, &[asked(r)]).await?.pop().flatten(),
            Some(queue) => {
                let (reply, answer) = oneshot::channel();
                queue.send(Waiting { asked: asked(r), reply }).await.map_err(|_| ApiError::Unavailable)?;
                answer.await.map_err(|_| ApiError::Unavailable)??
            }
        };
        // Another reseller's licence is one that does not exist
        // (crate::resellers; checked here, in the request's own task).
        Ok(found.filter(|found| !crate::resellers::hidden(found.reseller.as_deref())))
    }
}

/// Takes the lookups waiting (at most MAX_LOOKUPS) and reads them, over and over.
async fn run_lookups(db: Db, mut queue: mpsc::Receiver<Waiting>) {
    let mut batch = Vec::with_capacity(MAX_LOOKUPS);
    while queue.recv_many(&mut batch, MAX_LOOKUPS).await > 0 {
        let asked: Vec<Asked> = batch.iter().map(|waiting| waiting.asked).collect();
        match read(&db, &asked).await {
            Ok(found) => {
                for (waiting, found) in batch.drain(..).zip(found) {
                    let _ = waiting.reply.send(Ok(found));
                }
            }
            Err(e) => {
                for waiting in batch.drain(..) {
                    let _ = waiting.reply.send(Err(e.clone()));
                }
            }
        }
    }
}

/// Reads every request of `asked`; the result has one entry per request,
/// in order. The statement's text is the same for every read, so each
/// connection prepares it once: on SQLite for one request (five values, a
/// read each, in process), on PostgreSQL for any number in one statement,
/// sent as four arrays, so PostgreSQL plans it once too (a text that
/// changed with the batch's size was planned again at every read: the most
/// CPU PostgreSQL spent on a lookup, docs/benchmarks.md).
async fn read(db: &Db, asked: &[Asked]) -> Result<Vec<Option<Lookup>>, ApiError> {
    static LONE: LazyLock<String> = LazyLock::new(|| statement("VALUES ($1, $2, $3, $4, $5)"));
    static BATCH: LazyLock<String> = LazyLock::new(|| {
        statement(
            "SELECT place - 1, serial, key_id, from_counter, digest \
             FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[]) \
             WITH ORDINALITY AS u (serial, key_id, from_counter, digest, place)",
        )
    });
    let rows: Vec<LookupRow> = match db.dialect {
        Dialect::Sqlite => {
            let mut rows = Vec::with_capacity(asked.len());
            for (place, [serial, key_id, counter, digest]) in asked.iter().enumerate() {
                let found: Option<LookupRow> = sqlx::query_as(LONE.as_str())
                    .bind(place as i64)
                    .bind(serial)
                    .bind(key_id)
                    .bind(counter)
                    .bind(digest)
                    .fetch_optional(db.read())
                    .await?;
                rows.extend(found);
            }
            rows
        }
        Dialect::Postgres => {
            // Integers only: each column as an array literal, `{1,2,3}`.
            let column =
                |c: usize| format!("{{{}}}", asked.iter().map(|a| a[c].to_string()).collect::<Vec<_>>().join(","));
            sqlx::query_as(BATCH.as_str())
                .bind(column(0))
                .bind(column(1))
                .bind(column(2))
                .bind(column(3))
                .fetch_all(db.read())
                .await?
        }
    };
    let mut found: Vec<Option<Lookup>> = asked.iter().map(|_| None).collect();
    for row in rows {
        if let Some(slot) = usize::try_from(row.asked).ok().and_then(|place| found.get_mut(place)) {
            *slot = Some(row.into());
        }
    }
    Ok(found)
}

/// The lookup of the `asked` rows (place, serial, key id, counter, digest),
/// a query giving them. The asked rows are first joined to their licences
/// (`found`, materialised), and the binding and the issuance are then found
/// by columns of that one row each: PostgreSQL probes each index with its
/// whole key once a request. (Joined to the asked values and the licence
/// directly, its planner, on a table that grew since its statistics, probed
/// by the licence's id alone and filtered every installation of the
/// licence by key id.)
fn statement(asked: &str) -> String {
    format!(
        "WITH asked (asked, serial, key_id, from_counter, digest) AS ({asked}), \
         found AS MATERIALIZED ( \
             SELECT a.asked, a.key_id, a.from_counter, a.digest, l.id AS license_id, l.product_id, \
                    l.latest_counter, l.bound_installations, l.max_installations, s.entitlements AS latest_state, \
                    l.registration_code, l.reseller \
             FROM asked a \
             JOIN licenses l ON l.serial = a.serial \
             JOIN license_states s ON s.license_id = l.id AND s.counter = l.latest_counter) \
         SELECT f.asked, f.license_id, f.product_id, f.latest_counter, f.bound_installations, f.max_installations, \
                f.latest_state, n.key_id AS bound_key_id, n.released_at, i.response_code, i.issued_at, i.changes, \
                i.to_counter, i.signing_key_id, f.registration_code, f.reseller \
         FROM found f \
         LEFT JOIN installations n ON n.license_id = f.license_id AND n.key_id = f.key_id \
         LEFT JOIN issuances i ON i.license_id = f.license_id AND i.key_id = f.key_id \
              AND i.from_counter = f.from_counter AND i.to_counter = f.latest_counter AND i.request_digest = f.digest"
    )
}

impl From<LookupRow> for Lookup {
    fn from(r: LookupRow) -> Lookup {
        Lookup {
            license_id: r.license_id,
            product_id: r.product_id,
            latest: r.latest_counter,
            bound_installations: r.bound_installations,
            max_installations: r.max_installations,
            latest_state: r.latest_state,
            binding: r.bound_key_id.map(|_| r.released_at),
            registration_code: r.registration_code,
            reseller: r.reseller,
            stored: match (r.response_code, r.issued_at, r.changes, r.to_counter, r.signing_key_id) {
                (Some(code), Some(at), Some(changes), Some(to), Some(signer)) => {
                    Some(Stored { code, at, changes, to, signer })
                }
                _ => None,
            },
        }
    }
}
