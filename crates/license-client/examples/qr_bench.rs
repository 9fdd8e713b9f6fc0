//! How small the portal's QR code can be and still read, and how long
//! reading a camera frame takes: `cargo run --release -p license-client
//! --example qr_bench`. Prints figures (docs/benchmarks.md), asserts nothing.

#[path = "../tests/pictures/mod.rs"]
mod pictures;

use std::time::Instant;

use license_client::read_qr_rgba;

fn main() {
    // A response code's length: 60 characters and its group separators.
    let code = "R1AB2C-3DEF4G-5HJK6L-7MNP8Q-9RST0U-VWXY1Z-2ABC3D-4EFG5H-6JKL7M-8NPQ9R";
    let reads = |img: &image::GrayImage| {
        let rgba = pictures::rgba(img);
        read_qr_rgba(rgba.as_raw(), rgba.width(), rgba.height()).ok().as_deref() == Some(code)
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
        assert_eq!(text, code);
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
