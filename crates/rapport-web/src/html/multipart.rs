//! Reading the one staff form that sends a file (a session recording):
//! `multipart/form-data`, parsed by `multer` (the parser behind axum's own
//! Multipart) from the body the CSRF check has already buffered, its size
//! capped by the route's body limit.

use axum::body::Bytes;

/// One part: its field name, the file's content type (files only) and its bytes.
pub struct Part {
    pub name: String,
    pub content_type: Option<String>,
    pub data: Bytes,
}

/// The boundary of a `multipart/form-data` content type, if it is one.
pub fn boundary(content_type: &str) -> Option<String> {
    multer::parse_boundary(content_type).ok()
}

/// The parts of a body; `None` when it is not well formed or a part has no name.
pub async fn parse(body: Bytes, boundary: &str) -> Option<Vec<Part>> {
    let stream = futures_util::stream::once(async move { Ok::<_, std::convert::Infallible>(body) });
    let mut form = multer::Multipart::new(stream, boundary);
    let mut parts = Vec::new();
    while let Some(field) = form.next_field().await.ok()? {
        let name = field.name()?.to_string();
        let content_type = field.content_type().map(|m| m.to_string());
        let data = field.bytes().await.ok()?;
        parts.push(Part { name, content_type, data });
    }
    Some(parts)
}

/// The text of the first part named `name`.
pub fn text<'a>(parts: &'a [Part], name: &str) -> Option<&'a str> {
    parts.iter().find(|p| p.name == name).and_then(|p| std::str::from_utf8(&p.data).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn parts_are_cut_at_the_boundary() {
        assert_eq!(boundary("multipart/form-data; boundary=\"abc\"").as_deref(), Some("abc"));
        assert_eq!(boundary("application/x-www-form-urlencoded"), None);
        let body: &[u8] = b"--abc\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok\r\n--abc\r\n\
Content-Disposition: form-data; name=\"audio\"; filename=\"a.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n\x00\r\n\x01\r\n--abc--\r\n";
        let parts = parse(Bytes::from_static(body), "abc").await.unwrap();
        assert_eq!(text(&parts, "csrf"), Some("tok"));
        assert_eq!(parts[1].content_type.as_deref(), Some("audio/mpeg"));
        assert_eq!(&parts[1].data[..], b"\x00\r\n\x01");
        assert!(parse(Bytes::from_static(b"--abc\r\nno end"), "abc").await.is_none());
    }
}
