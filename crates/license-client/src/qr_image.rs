//! The response code read from a picture of the portal's QR code: a photo, a
//! screenshot or a camera frame. The QR code holds the response code's text,
//! which is then checked and applied exactly as if it had been typed.

use std::path::Path;

use crate::ClientError;

/// The text of the one QR code in an RGBA image (`width` × `height` pixels,
/// 4 bytes each, rows top to bottom).
pub fn read_qr_rgba(rgba: &[u8], width: u32, height: u32) -> Result<String, ClientError> {
    let (w, h) = (width as usize, height as usize);
    if w == 0 || h == 0 || w.checked_mul(h).and_then(|n| n.checked_mul(4)) != Some(rgba.len()) {
        return Err(ClientError::UnreadableImage {
            path: "(pixels)".into(),
            reason: format!("{} bytes are not {width} × {height} RGBA pixels", rgba.len()),
        });
    }
    // Luminance (ITU-R BT.601), the grey the detector thresholds.
    let grey = |x: usize, y: usize| {
        let p = &rgba[(y * w + x) * 4..][..3];
        ((299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2])) / 1000) as u8
    };
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, grey);
    let texts: Vec<String> =
        prepared.detect_grids().into_iter().filter_map(|grid| grid.decode().ok()).map(|(_, text)| text).collect();
    match texts.as_slice() {
        [] => Err(ClientError::NoQrCode),
        [text] => Ok(text.clone()),
        several => Err(ClientError::SeveralQrCodes(several.len())),
    }
}

/// The text of the one QR code in a PNG or JPEG file.
pub fn read_qr_file(path: &Path) -> Result<String, ClientError> {
    let unreadable = |reason: String| ClientError::UnreadableImage { path: path.display().to_string(), reason };
    let image = image::ImageReader::open(path)
        .map_err(|e| unreadable(e.to_string()))?
        .with_guessed_format()
        .map_err(|e| unreadable(e.to_string()))?
        .decode()
        .map_err(|e| unreadable(e.to_string()))?
        .into_rgba8();
    read_qr_rgba(image.as_raw(), image.width(), image.height())
}
