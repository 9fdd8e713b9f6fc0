//! The server's answer to a request code: the response, shown only once its
//! signature verifies for the installation that made the request, or what
//! went wrong and whether trying again may help. The customer's page and
//! the console's Answer show it.

use leptos::prelude::*;
use license_api::{Activation, ReleaseAnswer};
use license_codes::{RequestCode, TrustedKeys};

use super::problem_view::ProblemView;
use super::response_view::{verify, ResponseView, Verification};
use crate::api::{self, ApiError};
use crate::fetched::Fetched;
use crate::i18n::{self, msg, text, tr};
use crate::messages;

/// `result` answers `request`; `keys` are the vendor's, fetched by the page;
/// `resend` sends the request again (safe: the server answers the same);
/// `heading` replaces "Your response code" where staff read it.
/// A plain function, called inside the caller's reactive closure (which
/// tracks `keys`), rather than a component with a closure of its own: it
/// keeps the customer's page smaller.
pub fn answer_view(
    request: RequestCode,
    result: Result<Activation, ApiError>,
    keys: Fetched<Result<TrustedKeys, ApiError>>,
    resend: Callback<()>,
    heading: Option<String>,
) -> AnyView {
    match result {
        Err(e) => view! { <ProblemView explanation=messages::api_error(&e) on_retry=resend/> }.into_any(),
        Ok(activation) => match keys.get() {
            None => view! { <p class="status info">{tr(msg!("ui-checking-signature"))}</p> }.into_any(),
            Some(Err(e)) => {
                let reason = messages::api_error(&e).title;
                let explanation = messages::entry(msg!("page-keys_failed"), &[("reason", reason.into())], true);
                let retry = Callback::new(move |_| keys.start(api::keys()));
                view! { <ProblemView explanation on_retry=retry/> }.into_any()
            }
            Some(Ok(trusted)) => match verify(&activation, &request, &trusted) {
                Verification::Verified { key_id } => view! { <ResponseView activation key_id heading/> }.into_any(),
                Verification::Failed(why) => {
                    let explanation = messages::entry(msg!("page-signature_failed"), &[("reason", why.into())], true);
                    view! { <ProblemView explanation on_retry=resend/> }.into_any()
                }
            },
        },
    }
}

/// What a release code did: the old computer's place freed (or freed
/// before), and what to do on the new computer; or why it was refused.
pub fn release_view(result: Result<ReleaseAnswer, ApiError>, retry: Callback<()>) -> AnyView {
    match result {
        Err(e) => view! { <ProblemView explanation=messages::api_error(&e) on_retry=retry/> }.into_any(),
        Ok(answer) => {
            let args = [
                ("serial", answer.serial.as_str().into()),
                ("product", answer.product.name.as_str().into()),
                ("used", answer.installations_used.into()),
                ("allowed", answer.installations_allowed.into()),
                ("date", i18n::date(&answer.released_at).into()),
            ];
            let done = if answer.already_released { msg!("page-already_released") } else { msg!("page-released") };
            view! {
                <section class="response released" aria-labelledby="released-heading">
                    <h2 id="released-heading" tabindex="-1">{tr(msg!("ui-released-heading"))}</h2>
                    <p class="verified">{text(done, &args)}</p>
                    <p class="next">{text(msg!("page-release_next"), &args)}</p>
                </section>
            }
            .into_any()
        }
    }
}
