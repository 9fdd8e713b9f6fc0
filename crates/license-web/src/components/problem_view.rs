//! An error as the customer sees it: what happened, what it means, what to do.

use leptos::prelude::*;

use crate::i18n::{msg, tr};
use crate::messages::Explanation;

#[component]
pub fn ProblemView(explanation: Explanation, #[prop(optional)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let retry = on_retry.filter(|_| explanation.retry);
    view! {
        <div class="problem" role="alert">
            <h2>{explanation.title}</h2>
            <p>{explanation.meaning}</p>
            <p><strong>{tr(msg!("ui-what-to-do"))}" "</strong>{explanation.next_step}</p>
            {retry.map(|retry| view! {
                <button type="button" class="secondary" on:click=move |_| retry.run(())>{tr(msg!("ui-try-again"))}</button>
            })}
        </div>
    }
}
