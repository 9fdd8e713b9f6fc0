//! How small the portal's QR code can be and still read, and how long
//! reading a camera frame takes: `cargo run --release -p license-client
//! --example qr_bench`. Prints figures (docs/benchmarks.md), asserts nothing.

#[path = "../tests/pictures/mod.rs"]
mod pictures;

use std::time::Instant;

use license_client::read_qr_rgba;

fn main() {
    // A real response code, signed, as the portal puts it in its QR code.
    let grant = license_codes::Grant {
        product: 7,
        serial: license_codes::SerialNumber::new(0xAB_CDEF_0123).expect("serial"),
        key_id: license_codes::KeyId(0x0123_4567_89AB_CDEF),
        from_counter: 1,
        to_counter: 2,
        issued: license_codes::Day(2518),
        entitlements: license_codes::Entitlements::new(),
    };
    let signed = license_codes::sign_response(&license_codes::SigningKey::from_bytes(&[42; 32]), 1, &grant);
    let code = &signed.expect("signs").to_code();
    let modules =
        qrcode::QrCode::with_error_correction_level(code.as_bytes(), qrcode::EcLevel::M).expect("fits").width();
    println!("response code: {} characters, QR code {modules} x {modules} modules", code.len());
    let reads = |img: &image::GrayImage| {
        let rgba = pictures::rgba(img);
        read_qr_rgba(rgba.as_raw(), rgba.width(), rgba.height()).ok().as_deref() == Some(code.as_str())
    };
    for module in 1..=8 {
        let sharp = reads(&pictures::qr_picture(code, module, 8));
        let photo =
            reads(&pictures::through_jpeg(&image::imageops::blur(&pictures::qr_picture(code, module, 8), 0.8), 60));
        println!("module {module} px: as drawn {}, blurred + JPEG 60 {}", yes(sharp), yes(photo));
    }
    // A 1280×720 camera frame with the code in the middle at 5 px a module.
    let qr = pictures::qr_picture(code, 5, 0);
    let mut frame = image::GrayImage::from_pixel(1280, 720, image::Luma([180]));
    image::imageops::overlay(&mut frame, &qr, (1280 - qr.width() as i64) / 2, (720 - qr.height() as i64) / 2);
    let rgba = pictures::rgba(&frame);
    let mut times = Vec::new();
    for _ in 0..15 {
        let start = Instant::now();
        let text = read_qr_rgba(rgba.as_raw(), 1280, 720).expect("reads");
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(&text, code);
    }
    times.sort_by(f64::total_cmp);
    println!("1280x720 frame, 15 runs: median {:.1} ms, min {:.1} ms, max {:.1} ms", times[7], times[0], times[14]);
}

fn yes(b: bool) -> &'static str {
    if b {
        "reads"
    } else {
        "does not read"
    }
}
