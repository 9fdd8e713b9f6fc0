//! Group commit for SQLite. Issuances wait in a queue; one writer task takes
//! every job waiting and runs them in one transaction, so one fsync covers
//! the batch. A job refused by the business rules writes nothing, so it
//! does not affect the others; any other failure rolls the batch back and
//! its jobs are redone one transaction each. No answer leaves before its
//! batch is committed, so every response a client receives is on disk,
//! power loss included (SQLite runs with synchronous=FULL).

use std::sync::Arc;

use license_codes::RequestCode;
use tokio::sync::{mpsc, oneshot};

use crate::activation::{Activation, Issuer, Prepared, ProductCache};
use crate::db::Db;
use crate::signing::SigningKeys;
use crate::ApiError;

/// The most issuances committed together.
const MAX_BATCH: usize = 256;

struct Job {
    license_id: i64,
    request: RequestCode,
    prepared: Prepared,
    reply: oneshot::Sender<Result<Activation, ApiError>>,
}

pub struct Batcher {
    sender: mpsc::Sender<Job>,
}

impl Batcher {
    /// Starts the writer task on the current tokio runtime.
    pub fn start(db: Db, keys: Arc<SigningKeys>, products: Arc<ProductCache>) -> Self {
        let (sender, receiver) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run(db, keys, products, receiver));
        Batcher { sender }
    }

    /// Issues in the next batch and waits for its commit.
    pub async fn submit(
        &self,
        license_id: i64,
        request: RequestCode,
        prepared: Prepared,
    ) -> Result<Activation, ApiError> {
        let (reply, answer) = oneshot::channel();
        self.sender.send(Job { license_id, request, prepared, reply }).await.map_err(|_| ApiError::Unavailable)?;
        answer.await.map_err(|_| ApiError::Unavailable)?
    }
}

async fn run(db: Db, keys: Arc<SigningKeys>, products: Arc<ProductCache>, mut receiver: mpsc::Receiver<Job>) {
    let issuer = Issuer { db: &db, keys: &keys, products: &products, batcher: None };
    while let Some(first) = receiver.recv().await {
        let mut jobs = vec![first];
        while jobs.len() < MAX_BATCH {
            match receiver.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        match commit_batch(&db, &issuer, &jobs).await {
            Ok(results) => {
                for (job, result) in jobs.into_iter().zip(results) {
                    let _ = job.reply.send(result);
                }
            }
            Err(e) => {
                // Something failed below the business rules: redo each job
                // alone so one job's failure cannot reach the others.
                tracing::warn!(error = %e, jobs = jobs.len(), "batch rolled back; issuing its jobs one by one");
                for job in jobs {
                    let result = commit_batch(&db, &issuer, std::slice::from_ref(&job))
                        .await
                        .and_then(|mut results| results.pop().expect("one result"));
                    let _ = job.reply.send(result);
                }
            }
        }
    }
}

/// Runs `jobs` in one transaction and commits it. Business errors (limits,
/// released installations) are returned before a job writes anything, so
/// they stay per job; any other error aborts the whole transaction.
async fn commit_batch(
    db: &Db,
    issuer: &Issuer<'_>,
    jobs: &[Job],
) -> Result<Vec<Result<Activation, ApiError>>, ApiError> {
    let mut tx = db.begin().await?;
    let mut results = Vec::with_capacity(jobs.len());
    for job in jobs {
        match issuer.issue_in(&mut tx, job.license_id, &job.request, job.prepared.clone()).await {
            Err(e @ (ApiError::Internal(_) | ApiError::Unavailable)) => return Err(e),
            result => results.push(result),
        }
    }
    tx.commit().await?;
    Ok(results)
}
