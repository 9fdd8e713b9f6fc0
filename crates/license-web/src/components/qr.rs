//! The response code as a QR code, for a phone screen and a webcam.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG QR code of `text`. Codes are upper-case base32 and dashes, so the
/// encoder chooses alphanumeric mode, the densest for them; level M keeps it
/// readable from a phone held to a webcam.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let svg = code
        .render::<svg::Color<'_>>()
        .min_dimensions(288, 288)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // Inline in HTML: drop the XML declaration.
    Some(svg.find("<svg").map_or(svg.clone(), |i| svg[i..].to_string()))
}
