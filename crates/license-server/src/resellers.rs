//! Resellers (issue 24 §3): a staff member with the role `reseller` sells
//! some products, creates licences of them (its own), and sees and acts on
//! its own licences only. Another's licence, serial, request code, response
//! code or issuance is answered exactly as if it did not exist.
//!
//! How that holds everywhere: the `Caller` extractor refuses resellers, so
//! an endpoint serves them only when its handler takes `Scoped` and runs in
//! [`within`]; inside, the licence lookups (`find_license`, the issuer's
//! look-up, issuances by number, a contact's licences, the reports) ask
//! [`hidden`] or [`current`] and treat another's licence as absent, with the
//! same answer as for one that does not exist.

use std::future::Future;

use crate::tokens::Caller;

tokio::task_local! {
    /// The reseller (its email) whose request is being answered.
    static RESELLER: Option<String>;
}

/// Runs `work` for `caller`: a reseller sees its own licences only.
pub async fn within<F: Future>(caller: &Caller, work: F) -> F::Output {
    let reseller = (caller.role == crate::tokens::Role::Reseller).then(|| caller.name.clone());
    RESELLER.scope(reseller, work).await
}

/// The reseller whose request is being answered (`None`: staff, the public
/// API, the command line: everything is visible).
pub fn current() -> Option<String> {
    RESELLER.try_with(Clone::clone).ok().flatten()
}

/// Whether a licence owned by `owner` (`None`: the vendor's own) is out of
/// sight of the request being answered.
pub fn hidden(owner: Option<&str>) -> bool {
    current().is_some_and(|me| owner != Some(me.as_str()))
}
