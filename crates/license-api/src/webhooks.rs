//! Webhooks: the vendor's own systems told what happened, as Standard
//! Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`; body
//! `{"type", "timestamp", "data"}`).

/// Every event a webhook endpoint can subscribe to.
pub const EVENT_TYPES: [&str; 6] =
    ["license.created", "license.updated", "upgrade.queued", "response.issued", "installation.released", "mail.failed"];

/// `POST /api/v1/admin/webhooks`
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewWebhook {
    /// Where events are POSTed: an `http` or `https` URL.
    #[cfg_attr(feature = "openapi", schema(max_length = 2000, example = "https://crm.vendor.example/hooks/licensing"))]
    pub url: String,
    /// The event types it receives (at least one; see [`EVENT_TYPES`]).
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 6, example = json!(["license.created", "response.issued"])))]
    pub events: Vec<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub description: String,
}

/// A new endpoint, or a rotated secret: the secret is shown this once.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookSecret {
    /// The endpoint's id (`wh_…`).
    pub id: String,
    /// `whsec_` and the base64 key that signs every delivery (Standard Webhooks).
    pub secret: String,
}

/// An endpoint as listed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookView {
    pub id: String,
    pub url: String,
    pub events: Vec<String>,
    pub description: String,
    pub created_at: String,
    /// Deliveries waiting for their next attempt.
    pub waiting: i64,
    /// Deliveries given up (no 2xx answer for three days).
    pub failed: i64,
}

/// One event's delivery to one endpoint.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookDelivery {
    /// The delivery's id (for "send again").
    pub id: i64,
    /// The event's `webhook-id` (`msg_…`), the same in every attempt.
    pub event_id: String,
    /// The event's type, e.g. `response.issued`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// `waiting`, `delivered` or `failed`.
    pub state: String,
    pub attempts: i64,
    /// The HTTP status of the last attempt's answer, if it got one.
    pub last_status: Option<i64>,
    /// What went wrong in the last attempt (an error, or the start of the answer).
    pub last_error: Option<String>,
    pub last_attempt_at: Option<String>,
    /// When a waiting delivery is tried next.
    pub next_attempt_at: Option<String>,
    pub delivered_at: Option<String>,
    pub created_at: String,
}
