//! Reading the response from pictures of the portal's QR code: as the page
//! draws it, and as a phone's photo of a screen changes it (smaller, turned,
//! blurred, JPEG-compressed, seen at an angle, with glare).

#[path = "pictures/mod.rs"]
mod pictures;

use image::GrayImage;
use license_client::{read_qr_rgba, ClientError};
use license_codes::{sign_response, Day, Entitlements, Grant, KeyId, SerialNumber, SigningKey};
use pictures::*;

/// A real response code, as the portal puts it in its QR code.
fn response_code() -> String {
    let grant = Grant {
        product: 7,
        serial: SerialNumber::new(0xAB_CDEF_0123).unwrap(),
        key_id: KeyId(0x0123_4567_89AB_CDEF),
        from_counter: 1,
        to_counter: 2,
        issued: Day(2518),
        entitlements: Entitlements::new(),
    };
    sign_response(&SigningKey::from_bytes(&[42; 32]), 1, &grant).unwrap().to_code()
}

fn read(img: &GrayImage) -> Result<String, ClientError> {
    let rgba = rgba(img);
    read_qr_rgba(rgba.as_raw(), rgba.width(), rgba.height())
}

fn assert_reads(what: &str, img: &GrayImage) {
    match read(img) {
        Ok(text) => assert_eq!(text, response_code(), "{what}"),
        Err(e) => panic!("{what}: {e}"),
    }
}

#[test]
fn the_portals_qr_reads_as_drawn_and_small() {
    assert_reads("8 px modules", &qr_picture(&response_code(), 8, 20));
    assert_reads("3 px modules", &qr_picture(&response_code(), 3, 10));
}

#[test]
fn a_phones_photo_of_the_screen_reads() {
    let code = response_code();
    assert_reads("turned 15°", &rotated(&qr_picture(&code, 6, 60), 15.0));
    assert_reads("turned 90°", &image::imageops::rotate90(&qr_picture(&code, 6, 20)));
    assert_reads("blurred", &image::imageops::blur(&qr_picture(&code, 6, 20), 1.5));
    assert_reads("JPEG quality 60", &through_jpeg(&qr_picture(&code, 4, 20), 60));
    assert_reads("at an angle", &in_perspective(&qr_picture(&code, 6, 40), 0.2));
    assert_reads("glare", &with_glare(&qr_picture(&code, 6, 20)));
    let everything = through_jpeg(&with_glare(&rotated(&qr_picture(&code, 6, 60), 8.0)), 60);
    assert_reads("turned, glare and JPEG together", &everything);
}

#[test]
fn no_qr_code_or_several_are_refused() {
    let blank = GrayImage::from_pixel(300, 300, image::Luma([235]));
    assert!(matches!(read(&blank), Err(ClientError::NoQrCode)));
    let two = side_by_side(&qr_picture(&response_code(), 4, 10), &qr_picture("another code", 4, 10));
    assert!(matches!(read(&two), Err(ClientError::SeveralQrCodes(2))));
    // Pixels that do not fill the size given.
    let e = read_qr_rgba(&[0; 10], 3, 3).unwrap_err();
    assert!(matches!(e, ClientError::UnreadableImage { .. }), "{e}");
    assert_eq!(e.exit_code(), 20);
}
