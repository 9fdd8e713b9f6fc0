//! The link that opens the vendor's portal with the request code already
//! filled in, and the same link as a QR code for the terminal: a phone's
//! camera opens it, so nothing has to be typed. The code travels in the
//! fragment (`#`), which browsers never send to the server.

use qrcode::render::unicode::Dense1x2;
use qrcode::{EcLevel, QrCode};

/// The portal page for `code`: `portal` is the vendor's portal address,
/// either its root (`https://licensing.example.com`) or the page itself
/// (`https://licensing.example.com/code.html`).
pub fn portal_link(portal: &str, code: &str) -> String {
    let portal = portal.trim().trim_end_matches('#');
    let page = if portal.ends_with(".html") {
        portal.to_string()
    } else {
        format!("{}/code.html", portal.trim_end_matches('/'))
    };
    format!("{page}#{code}")
}

/// `link` as a QR code drawn with half-block characters, light modules on
/// a dark terminal (as phone cameras read them), with its quiet zone.
pub fn terminal_qr(link: &str) -> Option<String> {
    let qr = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M).ok()?;
    Some(qr.render::<Dense1x2>().dark_color(Dense1x2::Light).light_color(Dense1x2::Dark).quiet_zone(true).build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_puts_the_code_in_the_fragment_of_code_html() {
        let code = "H003QJ-K5QF84";
        for portal in ["https://l.example.com", "https://l.example.com/", " https://l.example.com/code.html "] {
            assert_eq!(portal_link(portal, code), "https://l.example.com/code.html#H003QJ-K5QF84", "{portal}");
        }
        assert_eq!(
            portal_link("https://example.com/licence/", code),
            "https://example.com/licence/code.html#H003QJ-K5QF84"
        );
    }

    #[test]
    fn the_qr_is_square_and_drawn_in_blocks() {
        let qr = terminal_qr("https://l.example.com/code.html#H003QJ-K5QF84-SWZH16-7W4J9M-E1PR8K-000DC6-C1X4MB-4XD5FQ")
            .unwrap();
        let lines: Vec<&str> = qr.lines().collect();
        let width = lines[0].chars().count();
        // Two modules per character cell vertically: about half as many lines as columns.
        assert!(lines.iter().all(|l| l.chars().count() == width));
        assert!((width / 2..=width / 2 + 1).contains(&lines.len()), "{} lines of {width}", lines.len());
        assert!(qr.contains('█') && qr.contains('▀'));
    }
}
