//! The licence server's wire format, typed once.
//!
//! The server serialises these types; the `license` command, the portal and
//! the console deserialise them. Every path of the API is named in [`paths`].
//! With the `openapi` feature each type also describes itself for the
//! server's generated OpenAPI document.
//!
//! A newcomer's map: [`activation`] (request codes in, responses out),
//! [`release`] (release codes), [`public`] (keys, products, the trust file),
//! [`admin`] (licences, upgrades, tokens, the outbox), [`staff`] (sessions
//! and staff), [`reports`] (issuances over time, waiting upgrades), [`webhooks`] (endpoints and deliveries), [`inspect`] (the console's Find), [`problem`] (every error as
//! an RFC 9457 problem document), [`entitlements`] (values typed by kind),
//! [`paths`] (every path).

pub mod activation;
pub mod admin;
pub mod entitlements;
pub mod inspect;
pub mod paths;
pub mod problem;
pub mod public;
pub mod release;
pub mod reports;
pub mod staff;
pub mod webhooks;

pub use activation::{humanize, Activation, ActivationRequest, ClientChannel, EntitlementChange, ProductRef};
pub use admin::{
    AuditEntry, Channel, DroppedMail, InstallationView, IssuanceView, LicenseChange, LicenseCreated, LicenseView,
    MailQueued, NewLicense, NewToken, OutboxEntry, OutboxStatus, QueueUpgrade, Released, Role, StateView, TokenCreated,
    UpgradeQueued,
};
pub use entitlements::{EntitlementValue, EntitlementValues};
pub use inspect::{InspectQuery, InspectedKind, Inspection, LicenseSummary, Outcome, WouldIssue};
pub use problem::{Problem, ProblemCode};
pub use public::{Keys, LookupAccepted, Products, SerialLookup};
pub use release::{ReleaseAnswer, ReleaseRequest};
pub use reports::{
    ChannelSeries, InstallationReport, IssuanceReport, NearLimit, NearLimitLicense, ReportPoint, WaitingByAge,
    WaitingUpgrade, WaitingUpgrades,
};
pub use staff::{NewStaff, SessionView, SetPassword, SignIn, StaffAdded, StaffList, StaffView};
pub use webhooks::{NewWebhook, WebhookDelivery, WebhookSecret, WebhookView};

/// Re-exported: the trust file and product schema are the code format's.
pub use license_codes::{EntitlementDef, EntitlementKind, Product, PublicKeyEntry, TrustFile};
