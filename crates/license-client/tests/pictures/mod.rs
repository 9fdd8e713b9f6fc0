//! Pictures of QR codes for the tests: the portal's QR (error correction M,
//! 4 modules of quiet zone), drawn at a given module size, and the ways a
//! phone's photo of a screen differs from it.
#![allow(dead_code)]

use image::{GrayImage, Luma, RgbaImage};

/// `text` as the portal draws it, `module` pixels per module, on a white
/// margin of `margin` pixels around the quiet zone.
pub fn qr_picture(text: &str, module: u32, margin: u32) -> GrayImage {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).unwrap();
    let n = code.width() as u32;
    let colors = code.to_colors();
    let side = (n + 8) * module + 2 * margin;
    GrayImage::from_fn(side, side, |x, y| {
        let (mx, my) = ((x as i64 - margin as i64) / module as i64 - 4, (y as i64 - margin as i64) / module as i64 - 4);
        let inside = x >= margin && y >= margin && (0..n as i64).contains(&mx) && (0..n as i64).contains(&my);
        let dark = inside && colors[(my as u32 * n + mx as u32) as usize] == qrcode::Color::Dark;
        Luma([if dark { 20 } else { 235 }])
    })
}

/// Two pictures side by side.
pub fn side_by_side(a: &GrayImage, b: &GrayImage) -> GrayImage {
    let mut out = GrayImage::from_pixel(a.width() + b.width(), a.height().max(b.height()), Luma([235]));
    image::imageops::overlay(&mut out, a, 0, 0);
    image::imageops::overlay(&mut out, b, a.width() as i64, 0);
    out
}

/// Turned by `degrees` about its centre (nearest neighbour), on white.
pub fn rotated(img: &GrayImage, degrees: f64) -> GrayImage {
    let (s, c) = degrees.to_radians().sin_cos();
    let (cx, cy) = (img.width() as f64 / 2.0, img.height() as f64 / 2.0);
    GrayImage::from_fn(img.width(), img.height(), |x, y| {
        let (dx, dy) = (x as f64 - cx, y as f64 - cy);
        let (sx, sy) = (c * dx + s * dy + cx, -s * dx + c * dy + cy);
        if sx >= 0.0 && sy >= 0.0 && (sx as u32) < img.width() && (sy as u32) < img.height() {
            *img.get_pixel(sx as u32, sy as u32)
        } else {
            Luma([235])
        }
    })
}

/// Seen at an angle: a true perspective, the top edge narrower than the
/// bottom by `squeeze` (0.2: 20 %), as a phone held below the screen sees it.
pub fn in_perspective(img: &GrayImage, squeeze: f64) -> GrayImage {
    let (w, h) = (img.width() as f64, img.height() as f64);
    // The unit square onto the trapezoid (Heckbert's square-to-quad)...
    let [(x0, y0), (x1, y1), (x2, y2), (x3, y3)] =
        [(w * squeeze / 2.0, 0.0), (w * (1.0 - squeeze / 2.0), 0.0), (w, h), (0.0, h)];
    let (dx1, dx2, dx3) = (x1 - x2, x3 - x2, x0 - x1 + x2 - x3);
    let (dy1, dy2, dy3) = (y1 - y2, y3 - y2, y0 - y1 + y2 - y3);
    let den = dx1 * dy2 - dx2 * dy1;
    let (g, hh) = ((dx3 * dy2 - dx2 * dy3) / den, (dx1 * dy3 - dx3 * dy1) / den);
    let m = [[x1 - x0 + g * x1, x3 - x0 + hh * x3, x0], [y1 - y0 + g * y1, y3 - y0 + hh * y3, y0], [g, hh, 1.0]];
    // ...and back, by the adjugate (the scale cancels).
    let inv = [
        [
            m[1][1] * m[2][2] - m[1][2] * m[2][1],
            m[0][2] * m[2][1] - m[0][1] * m[2][2],
            m[0][1] * m[1][2] - m[0][2] * m[1][1],
        ],
        [
            m[1][2] * m[2][0] - m[1][0] * m[2][2],
            m[0][0] * m[2][2] - m[0][2] * m[2][0],
            m[0][2] * m[1][0] - m[0][0] * m[1][2],
        ],
        [
            m[1][0] * m[2][1] - m[1][1] * m[2][0],
            m[0][1] * m[2][0] - m[0][0] * m[2][1],
            m[0][0] * m[1][1] - m[0][1] * m[1][0],
        ],
    ];
    GrayImage::from_fn(img.width(), img.height(), |x, y| {
        let (x, y) = (x as f64, y as f64);
        let z = inv[2][0] * x + inv[2][1] * y + inv[2][2];
        let u = (inv[0][0] * x + inv[0][1] * y + inv[0][2]) / z;
        let v = (inv[1][0] * x + inv[1][1] * y + inv[1][2]) / z;
        let (sx, sy) = (u * w, v * h);
        if (0.0..w).contains(&sx) && (0.0..h).contains(&sy) {
            *img.get_pixel(sx as u32, sy as u32)
        } else {
            Luma([235])
        }
    })
}

/// A screen's glare: a bright soft ellipse over part of the picture, with
/// the rest dimmed and low in contrast as a photo of a screen is.
pub fn with_glare(img: &GrayImage) -> GrayImage {
    let (w, h) = (img.width() as f64, img.height() as f64);
    GrayImage::from_fn(img.width(), img.height(), |x, y| {
        let v = img.get_pixel(x, y)[0] as f64;
        let dimmed = 60.0 + v * 0.6;
        let (dx, dy) = ((x as f64 - w * 0.3) / (w * 0.25), (y as f64 - h * 0.3) / (h * 0.2));
        let glare = (1.0 - (dx * dx + dy * dy)).max(0.0) * 70.0;
        Luma([(dimmed + glare).min(255.0) as u8])
    })
}

/// Through JPEG at `quality` and back.
pub fn through_jpeg(img: &GrayImage, quality: u8) -> GrayImage {
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, quality).encode_image(img).unwrap();
    image::load_from_memory(&bytes).unwrap().into_luma8()
}

pub fn rgba(img: &GrayImage) -> RgbaImage {
    image::DynamicImage::ImageLuma8(img.clone()).into_rgba8()
}
