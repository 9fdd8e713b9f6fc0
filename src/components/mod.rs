//! The customer's pages, one per file; their parts are `license_web::components`.

pub mod code_page;
pub mod decode_page;
