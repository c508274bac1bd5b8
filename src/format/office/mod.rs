//! The files an office suite opens: each official document as a Word file
//! (`docx`) and the roll-up as an Excel workbook (`xlsx`). In the release
//! build only the `word` and `excel` split chunks reach them, fetched on
//! first use (and kept by the service worker from then on).

pub mod docx;
pub mod xlsx;

/// Text escaped for XML content and attribute values.
mod xml {
    pub fn escape(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                // Control characters have no place in XML 1.0.
                c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
                c => out.push(c),
            }
        }
        out
    }
}
