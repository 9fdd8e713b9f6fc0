//! The portal's components, one concept each.

pub mod answer_view;
pub mod code_field;
pub mod code_page;
pub mod decode_page;
pub mod decode_table;
pub mod files;
pub mod problem_view;
pub mod qr;
pub mod response_view;
