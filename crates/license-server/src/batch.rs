//! Group commit for SQLite. Issuances wait in a queue; one writer task takes
//! every job waiting and runs each in its own savepoint inside one
//! transaction, so one fsync covers the batch. A job that fails rolls back
//! to its savepoint without touching the others. No answer leaves before its
//! batch is committed, so every response a client receives is on disk,
//! power loss included (SQLite runs with synchronous=FULL).

use std::sync::Arc;

use license_codes::RequestCode;
use tokio::sync::{mpsc, oneshot};

use crate::activation::{Activation, Issuer, ProductCache};
use crate::db::{Db, Tx};
use crate::signing::SigningKeys;
use crate::ApiError;

/// The most issuances committed together.
const MAX_BATCH: usize = 256;

struct Job {
    license_id: i64,
    request: RequestCode,
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
    pub async fn submit(&self, license_id: i64, request: RequestCode) -> Result<Activation, ApiError> {
        let (reply, answer) = oneshot::channel();
        self.sender.send(Job { license_id, request, reply }).await.map_err(|_| ApiError::Unavailable)?;
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
        let mut tx = match db.begin().await {
            Ok(tx) => tx,
            Err(e) => {
                let error = ApiError::from(e);
                for job in jobs {
                    let _ = job.reply.send(Err(error.clone()));
                }
                continue;
            }
        };
        let mut results = Vec::with_capacity(jobs.len());
        for job in jobs {
            let result = run_job(&issuer, &mut tx, &job).await;
            results.push((job.reply, result));
        }
        match tx.commit().await {
            Ok(()) => {
                for (reply, result) in results {
                    let _ = reply.send(result);
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "committing a batch of issuances failed");
                let error = ApiError::from(e);
                for (reply, _) in results {
                    let _ = reply.send(Err(error.clone()));
                }
            }
        }
    }
}

async fn run_job(issuer: &Issuer<'_>, tx: &mut Tx, job: &Job) -> Result<Activation, ApiError> {
    sqlx::query("SAVEPOINT issuance").execute(&mut **tx).await?;
    let result = issuer.issue_in(tx, job.license_id, &job.request).await;
    if result.is_err() {
        sqlx::query("ROLLBACK TO SAVEPOINT issuance").execute(&mut **tx).await?;
    }
    sqlx::query("RELEASE SAVEPOINT issuance").execute(&mut **tx).await?;
    result
}
