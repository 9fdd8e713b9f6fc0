//! A code field: typed, pasted or read from a file, and shown back group by
//! group as good, wrong or incomplete, with a status line announced to
//! screen readers. The customer's page uses it for the request code
//! ([`RequestCodeField`]); the console for its Find.

use leptos::prelude::*;
use leptos::task::spawn_local;
use license_codes::text::{GroupState, GroupView};

use super::files;
use crate::check::{Checked, Verdict, REQUEST_GROUPS};
use crate::i18n::{msg, text, tr, InDomain, MsgId};

fn state_class(state: GroupState) -> &'static str {
    match state {
        GroupState::Good => "good",
        GroupState::Wrong => "wrong",
        GroupState::Incomplete => "incomplete",
    }
}

/// The customer's status line under the request code field.
pub fn request_status(verdict: &Verdict) -> (&'static str, String) {
    match verdict {
        Verdict::Empty => ("info", text(msg!("ui-status-empty"), &[])),
        Verdict::Incomplete { complete } => (
            "info",
            text(msg!("ui-status-incomplete"), &[("complete", (*complete).into()), ("total", REQUEST_GROUPS.into())]),
        ),
        Verdict::Valid(_) => ("ok", text(msg!("ui-status-valid"), &[])),
        Verdict::ReleaseIncomplete { complete } => (
            "info",
            text(msg!("ui-status-release-incomplete"), &[("complete", (*complete).into()), ("total", 9u32.into())]),
        ),
        Verdict::Release(_) => ("ok", text(msg!("page-release_recognised"), &[])),
        Verdict::Problem { message, next_step, .. } => ("error", format!("{message} {next_step}")),
        Verdict::OtherKind { message, next_step, .. } => ("error", format!("{message} {next_step}")),
    }
}

/// The customer's request code field (SpecView's code.html).
#[component]
pub fn RequestCodeField(code: RwSignal<String>, checked: Memo<Checked>) -> impl IntoView {
    view! {
        <CodeField
            ids=FieldIds {
                field: "request-code",
                help: "request-code-help",
                status: "request-code-status",
                described_by: "request-code-help request-code-status",
            }
            label=msg!("ui-request-label")
            help=msg!("ui-request-help")
            file_label=msg!("ui-request-file")
            code
            checked
        />
    }
}

/// The element ids of a code field and its help and status lines (written
/// out, not formatted at run time: the customer's page stays smaller).
#[derive(Clone, Copy)]
pub struct FieldIds {
    pub field: &'static str,
    pub help: &'static str,
    pub status: &'static str,
    /// `"<help> <status>"`
    pub described_by: &'static str,
}

/// What a code field shows of its check: the groups as typed, the status
/// line (its class and words) and whether the text is wrong.
pub trait FieldCheck: Clone + PartialEq + Send + Sync + 'static {
    fn groups(&self) -> &[GroupView];
    fn status(&self) -> (&'static str, String);
    fn invalid(&self) -> bool;
}

impl FieldCheck for Checked {
    fn groups(&self) -> &[GroupView] {
        &self.groups
    }
    fn status(&self) -> (&'static str, String) {
        request_status(&self.verdict)
    }
    fn invalid(&self) -> bool {
        Checked::invalid(self)
    }
}

/// A code field, generic over its check (the customer's page and the
/// console's Find each get their own instance, and compare only their own).
/// `label`, `help` and `file_label` are messages of one domain (the page's).
#[component]
pub fn CodeField<C: FieldCheck, D: InDomain>(
    ids: FieldIds,
    label: MsgId<D>,
    help: MsgId<D>,
    file_label: MsgId<D>,
    code: RwSignal<String>,
    checked: Memo<C>,
) -> impl IntoView {
    // A file that cannot be the code is refused with a reason; what was
    // typed stays.
    let file_problem = RwSignal::new(None::<String>);
    let load = move |file: web_sys::File| {
        file_problem.set(None);
        if let Some(problem) = files::unlikely_code_file(&file) {
            file_problem.set(Some(problem));
            return;
        }
        spawn_local(async move {
            match files::read_text(&file).await {
                Ok(text) => code.set(text),
                Err(_) => file_problem.set(Some(text(msg!("ui-file-unreadable"), &[("file", file.name().into())]))),
            }
        })
    };
    // A refused file is the latest news until the field changes again.
    let status_line = Memo::new(move |_| match file_problem.get() {
        Some(problem) => ("error", problem),
        None => checked.with(FieldCheck::status),
    });
    view! {
        <label for=ids.field class="field-label">{tr(label)}</label>
        <p id=ids.help class="help">{tr(help)}</p>
        <textarea
            id=ids.field
            name=ids.field
            rows="3"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            aria-describedby=ids.described_by
            aria-invalid=move || checked.with(FieldCheck::invalid).to_string()
            prop:value=move || code.get()
            on:input=move |ev| {
                file_problem.set(None);
                code.set(event_target_value(&ev));
            }
            on:dragover=|ev: web_sys::DragEvent| {
                // Accept files being dragged in; text drags keep the browser's handling.
                if ev.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0)) {
                    ev.prevent_default();
                }
            }
            on:drop=move |ev: web_sys::DragEvent| {
                // A dropped file is read here (the browser would open it
                // instead); dropped text is left to the browser to insert.
                if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                    ev.prevent_default();
                    load(file);
                }
            }
        ></textarea>
        <div class="groups" aria-hidden="true">
            {move || {
                checked
                    .with(|c| c.groups().to_vec())
                    .into_iter()
                    .enumerate()
                    .map(|(i, g)| {
                        view! {
                            <span class=format!("group {}", state_class(g.state)) data-group=i + 1>{g.text}</span>
                        }
                    })
                    .collect_view()
            }}
        </div>
        <p
            id=ids.status
            class=move || format!("status {}", status_line.get().0)
            role="status"
            aria-live="polite"
        >
            {move || status_line.get().1}
        </p>
        <label class="file-button">
            {tr(file_label)}
            <input
                type="file"
                accept=".txt,.TXT,text/plain"
                class="visually-hidden"
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    if let Some(file) = input.files().and_then(|f| f.get(0)) {
                        load(file);
                    }
                    // Choosing the same file again, after an edit, reads it again.
                    input.set_value("");
                }
            />
        </label>
    }
}
