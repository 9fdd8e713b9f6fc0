//! What the server knows about whatever a customer sent: a serial number, a
//! request code, a response code or a contact's email address (the
//! console's Find).

use license_api::{InspectedKind, Inspection, IssuanceView, LicenseView, Outcome, WouldIssue};
use license_codes::{AnyCode, Entitlements, RequestCode, ResponseCode};

use crate::catalog::{licenses, show_license};
use crate::http::AppState;
use crate::issuance::Evaluation;
use crate::ApiError;

fn empty(kind: InspectedKind) -> Inspection {
    Inspection {
        kind,
        license: None,
        installation: None,
        key_id: None,
        counter: None,
        holds: None,
        digest_matches: None,
        outcome: None,
        issuance: None,
        latest_for_installation: None,
        licenses: Vec::new(),
    }
}

pub async fn inspect(state: &AppState, query: &str) -> Result<Inspection, ApiError> {
    // The API's documented limit (`InspectQuery`): a contact's address is
    // searched as given, so nothing else bounds it.
    if query.chars().count() > 1000 {
        return Err(ApiError::InvalidInput("the query is longer than 1,000 characters".into()));
    }
    let query = query.trim();
    if query.contains('@') {
        let licenses = licenses::of_contact(&state.db, query).await?;
        return Ok(Inspection { licenses, ..empty(InspectedKind::Contact) });
    }
    match license_codes::decode(query)? {
        AnyCode::Serial(serial) => {
            let license = show_license(&state.db, &serial.to_code()).await?;
            Ok(Inspection { license: Some(license), ..empty(InspectedKind::Serial) })
        }
        AnyCode::Request(request) => request_code(state, &request).await,
        AnyCode::Response(response) => response_code(state, &response).await,
        AnyCode::Release(release) => {
            let license = show_license(&state.db, &release.serial.to_code()).await?;
            let key_id = release.key_id.to_string();
            Ok(Inspection {
                installation: license.installations.iter().find(|i| i.key_id == key_id).cloned(),
                key_id: Some(key_id),
                counter: Some(release.counter),
                license: Some(license),
                ..empty(InspectedKind::Release)
            })
        }
    }
}

/// The licence and installation a request names, the state it holds, and
/// what submitting it now would give.
async fn request_code(state: &AppState, r: &RequestCode) -> Result<Inspection, ApiError> {
    let outcome = match state.issuer().evaluate(r).await {
        Ok(Evaluation::Repeat(a)) => Outcome {
            would_issue: Some(WouldIssue {
                from_counter: r.counter,
                to_counter: a.to_counter,
                changes: a.changes,
                already_issued: true,
            }),
            refused: None,
        },
        Ok(Evaluation::New(new)) => Outcome {
            would_issue: Some(WouldIssue {
                from_counter: r.counter,
                to_counter: new.latest as u16,
                changes: new.changes(),
                already_issued: false,
            }),
            refused: None,
        },
        Err(e @ (ApiError::Internal(_) | ApiError::Unavailable)) => return Err(e),
        Err(refused) => Outcome { would_issue: None, refused: Some(refused.problem(crate::http::language::current())) },
    };
    let key_id = r.key_id.to_string();
    let mut found = Inspection {
        key_id: Some(key_id.clone()),
        counter: Some(r.counter),
        outcome: Some(outcome),
        ..empty(InspectedKind::Request)
    };
    let license = match show_license(&state.db, &r.serial.to_code()).await {
        Ok(license) => license,
        Err(ApiError::NotFound(_)) => return Ok(found),
        Err(e) => return Err(e),
    };
    found.installation = license.installations.iter().find(|i| i.key_id == key_id).cloned();
    found.holds = license.states.iter().find(|s| s.counter == i64::from(r.counter)).cloned();
    found.digest_matches = Some(match (&found.holds, r.counter) {
        // At update 0 the field holds nothing's digest, or the registration
        // code's tag (docs/codes.md §3).
        (_, 0) => {
            r.entitlement_digest == Entitlements::new().digest()
                || license
                    .registration_code
                    .as_deref()
                    .and_then(|c| license_codes::RegistrationCode::parse(c).ok())
                    .is_some_and(|c| c.is_proven_by(r))
        }
        (Some(state), _) => state.digest == format!("{:08X}", r.entitlement_digest),
        (None, _) => false,
    });
    found.license = Some(license);
    Ok(found)
}

/// Which issuance a response code is, and whether a newer one followed it.
async fn response_code(state: &AppState, response: &ResponseCode) -> Result<Inspection, ApiError> {
    let row: Option<(i64, i64, i64)> =
        sqlx::query_as("SELECT license_id, key_id, to_counter FROM issuances WHERE response_code = $1 LIMIT 1")
            .bind(response.to_code())
            .fetch_optional(state.db.read())
            .await?;
    let Some((license_id, key, to)) = row else {
        return Ok(empty(InspectedKind::Response));
    };
    let serial = licenses::serial_of(&state.db, license_id).await?;
    let license: LicenseView = match show_license(&state.db, &serial.to_code()).await {
        Ok(license) => license,
        // Another reseller's: a response code this server does not know.
        Err(ApiError::NotFound(_)) => return Ok(empty(InspectedKind::Response)),
        Err(e) => return Err(e),
    };
    let key_id = license_codes::KeyId(key as u64).to_string();
    let issuance: Option<IssuanceView> =
        license.issuances.iter().find(|i| i.response_code == response.to_code()).cloned();
    let newest = license.issuances.iter().filter(|i| i.key_id == key_id).map(|i| i.to_counter).max();
    Ok(Inspection {
        installation: license.installations.iter().find(|i| i.key_id == key_id).cloned(),
        issuance,
        latest_for_installation: Some(newest == Some(to)),
        key_id: Some(key_id),
        license: Some(license),
        ..empty(InspectedKind::Response)
    })
}
