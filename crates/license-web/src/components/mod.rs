//! The components the customer's pages and the console share, one concept each.

pub mod answer_view;
pub mod code_field;
pub mod decode_table;
pub mod files;
pub mod problem_view;
pub mod qr;
pub mod response_view;
