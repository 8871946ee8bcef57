//! A small, pure PDF renderer for letters and reports: a document is a list
//! of blocks (headings, paragraphs, label/value rows, tables, bullet lists, a
//! line chart), laid out on A4 pages with the text wrapped, then written with
//! `pdf-writer`. The font (DejaVu Sans, a Latin subset; `fonts/README.md`) is
//! embedded, so the document prints the same everywhere, and every glyph maps
//! back to its character, so the text can be searched, copied and read aloud.
//!
//! No I/O: the document's words come from its caller, in the recipient's language.

use pdf_writer::types::{CidFontType, FontFlags, LineCapStyle, LineJoinStyle, SystemInfo};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use std::collections::BTreeMap;

const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 56.0;
const TOP: f32 = PAGE_H - MARGIN;
/// The lowest baseline of the body; the footer sits below it.
const BOTTOM: f32 = MARGIN + 20.0;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;
const BODY: f32 = 10.5;
const SMALL: f32 = 8.5;
const INK: (f32, f32, f32) = (0.12, 0.16, 0.22);
const MUTED: (f32, f32, f32) = (0.29, 0.33, 0.39);
const RULE: (f32, f32, f32) = (0.82, 0.84, 0.86);
const SHADE: (f32, f32, f32) = (0.95, 0.96, 0.96);
const LINE_COLOURS: [(f32, f32, f32); 3] = [(0.11, 0.36, 0.62), (0.62, 0.22, 0.11), (0.18, 0.45, 0.25)];

/// A document to render.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The PDF's title (its metadata) and the footer's left part.
    pub title: String,
    /// BCP 47 tag of the words, e.g. "es".
    pub lang: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug)]
pub enum Block {
    Title(String),
    /// A muted line under the title.
    Subtitle(String),
    Heading(String),
    Paragraph(String),
    /// Muted small print.
    Note(String),
    /// Lines kept together, one under the other (an address).
    Lines(Vec<String>),
    /// Label and value side by side.
    Fields(Vec<(String, String)>),
    Bullets(Vec<String>),
    Table(Table),
    Chart(Chart),
}

#[derive(Clone, Debug, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Relative column widths (equal when empty).
    pub widths: Vec<f32>,
}

/// A line chart of scores: one line per series over the same x positions
/// (0..x_labels.len()), with horizontal cut-off lines.
#[derive(Clone, Debug, Default)]
pub struct Chart {
    pub title: String,
    pub y_min: f32,
    pub y_max: f32,
    pub x_labels: Vec<String>,
    pub series: Vec<Series>,
    /// (value, label): a dashed line across the plot.
    pub cutoffs: Vec<(f32, String)>,
    /// The value axis's name.
    pub y_label: String,
}

#[derive(Clone, Debug, Default)]
pub struct Series {
    pub label: String,
    /// (x position, value).
    pub points: Vec<(f32, f32)>,
}

/// One of the two embedded faces, with the glyphs the document used.
struct Font {
    face: ttf_parser::Face<'static>,
    data: &'static [u8],
    name: &'static [u8],
    used: BTreeMap<u16, char>,
}

impl Font {
    fn new(data: &'static [u8], name: &'static [u8]) -> Font {
        let face = ttf_parser::Face::parse(data, 0).expect("the embedded font parses");
        Font { face, data, name, used: BTreeMap::new() }
    }

    fn glyph(&self, c: char) -> Option<u16> {
        self.face.glyph_index(c).map(|g| g.0)
    }

    fn advance(&self, gid: u16) -> f32 {
        let units = self.face.glyph_hor_advance(ttf_parser::GlyphId(gid)).unwrap_or(0);
        f32::from(units) * 1000.0 / f32::from(self.face.units_per_em())
    }

    /// The text's width at `size` points. Characters the font lacks are
    /// drawn as '?' (format controls such as direction marks are dropped).
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().filter_map(|c| self.glyph_or_fallback(c)).map(|g| self.advance(g)).sum::<f32>() * size / 1000.0
    }

    fn glyph_or_fallback(&self, c: char) -> Option<u16> {
        if c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}') {
            return None;
        }
        self.glyph(c).or_else(|| self.glyph('?'))
    }

    /// The glyph ids of `text` as the content stream shows them (two bytes each).
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            if let Some(g) = self.glyph_or_fallback(c) {
                let shown = if self.glyph(c).is_some() { c } else { '?' };
                self.used.entry(g).or_insert(shown);
                out.extend_from_slice(&g.to_be_bytes());
            }
        }
        out
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Face {
    Regular,
    Bold,
}

/// The pages as content streams, written by the layout.
struct Layout {
    fonts: [Font; 2],
    pages: Vec<Content>,
    y: f32,
}

impl Layout {
    fn font(&self, f: Face) -> &Font {
        &self.fonts[f as usize]
    }

    fn page(&mut self) -> &mut Content {
        self.pages.last_mut().expect("a page is open")
    }

    fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.y = TOP;
    }

    /// Room for `height` more points on this page, else a new page.
    fn ensure(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, y: f32, text: &str, face: Face, size: f32, colour: (f32, f32, f32)) {
        let glyphs = self.fonts[face as usize].encode(text);
        let name = font_name(face);
        let c = self.page();
        c.set_fill_rgb(colour.0, colour.1, colour.2);
        c.begin_text();
        c.set_font(Name(name), size);
        c.next_line(x, y);
        c.show(Str(&glyphs));
        c.end_text();
    }

    /// `text` broken into lines no wider than `width` (at spaces; a word
    /// longer than the line is broken where it must be). Newlines are kept.
    fn wrap(&self, text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
        let font = self.font(face);
        let mut lines = Vec::new();
        for para in text.split('\n') {
            let mut line = String::new();
            for word in para.split(' ') {
                let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
                if font.width(&candidate, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line: cut it into pieces that fit.
                let mut piece = String::new();
                for ch in word.chars() {
                    piece.push(ch);
                    if font.width(&piece, size) > width && piece.chars().count() > 1 {
                        piece.pop();
                        lines.push(std::mem::take(&mut piece));
                        piece.push(ch);
                    }
                }
                line = piece;
            }
            lines.push(line);
        }
        lines
    }

    /// Wrapped text from the current position, breaking pages between lines.
    fn flow(&mut self, text: &str, face: Face, size: f32, colour: (f32, f32, f32), indent: f32) {
        let leading = size * 1.4;
        for line in self.wrap(text, face, size, WIDTH - indent) {
            self.ensure(leading);
            self.y -= leading;
            let y = self.y;
            self.text(MARGIN + indent, y, &line, face, size, colour);
        }
    }

    fn rule(&mut self, y: f32) {
        let c = self.page();
        c.set_stroke_rgb(RULE.0, RULE.1, RULE.2);
        c.set_line_width(0.6);
        c.move_to(MARGIN, y);
        c.line_to(MARGIN + WIDTH, y);
        c.stroke();
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Title(t) => {
                self.flow(t, Face::Bold, 18.0, INK, 0.0);
                self.y -= 2.0;
            }
            Block::Subtitle(t) => {
                self.flow(t, Face::Regular, BODY, MUTED, 0.0);
                self.y -= 6.0;
                let y = self.y;
                self.rule(y);
                self.y -= 4.0;
            }
            Block::Heading(t) => {
                // Keep a heading with at least two lines of what follows.
                self.ensure(13.0 * 1.4 + 10.0 + 2.0 * BODY * 1.4);
                self.y -= 10.0;
                self.flow(t, Face::Bold, 13.0, INK, 0.0);
                self.y -= 2.0;
            }
            Block::Paragraph(t) => {
                self.flow(t, Face::Regular, BODY, INK, 0.0);
                self.y -= 5.0;
            }
            Block::Note(t) => {
                self.flow(t, Face::Regular, SMALL, MUTED, 0.0);
                self.y -= 4.0;
            }
            Block::Lines(lines) => {
                self.ensure(lines.len() as f32 * BODY * 1.4);
                for l in lines {
                    self.flow(l, Face::Regular, BODY, INK, 0.0);
                }
                self.y -= 8.0;
            }
            Block::Fields(rows) => {
                let label_w = WIDTH * 0.34;
                for (label, value) in rows {
                    let labels = self.wrap(label, Face::Bold, BODY, label_w - 8.0);
                    let values = self.wrap(value, Face::Regular, BODY, WIDTH - label_w);
                    let leading = BODY * 1.4;
                    let n = labels.len().max(values.len());
                    self.ensure(n as f32 * leading + 3.0);
                    let top = self.y;
                    for (i, l) in labels.iter().enumerate() {
                        self.text(MARGIN, top - leading * (i as f32 + 1.0), l, Face::Bold, BODY, MUTED);
                    }
                    for (i, v) in values.iter().enumerate() {
                        self.text(MARGIN + label_w, top - leading * (i as f32 + 1.0), v, Face::Regular, BODY, INK);
                    }
                    self.y = top - n as f32 * leading - 3.0;
                }
                self.y -= 4.0;
            }
            Block::Bullets(items) => {
                for item in items {
                    let lines = self.wrap(item, Face::Regular, BODY, WIDTH - 14.0);
                    let leading = BODY * 1.4;
                    for (i, l) in lines.iter().enumerate() {
                        self.ensure(leading);
                        self.y -= leading;
                        let y = self.y;
                        if i == 0 {
                            self.text(MARGIN + 2.0, y, "•", Face::Regular, BODY, INK);
                        }
                        self.text(MARGIN + 14.0, y, l, Face::Regular, BODY, INK);
                    }
                }
                self.y -= 5.0;
            }
            Block::Table(t) => self.table(t),
            Block::Chart(c) => self.chart(c),
        }
    }

    fn table(&mut self, t: &Table) {
        let cols = t.header.len().max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
        if cols == 0 {
            return;
        }
        let weights: Vec<f32> = if t.widths.len() == cols { t.widths.clone() } else { vec![1.0; cols] };
        let total: f32 = weights.iter().sum();
        let widths: Vec<f32> = weights.iter().map(|w| w / total * WIDTH).collect();
        let size = 9.0;
        let leading = size * 1.35;
        let pad = 3.0;
        let draw_row = |this: &mut Layout, cells: &[String], face: Face| {
            let wrapped: Vec<Vec<String>> = (0..cols)
                .map(|i| this.wrap(cells.get(i).map(String::as_str).unwrap_or(""), face, size, widths[i] - 2.0 * pad))
                .collect();
            let n = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            let height = n as f32 * leading + 2.0 * pad;
            this.ensure(height);
            let top = this.y;
            if face == Face::Bold {
                let c = this.page();
                c.set_fill_rgb(SHADE.0, SHADE.1, SHADE.2);
                c.rect(MARGIN, top - height, WIDTH, height);
                c.fill_nonzero();
            }
            let mut x = MARGIN;
            for (i, lines) in wrapped.iter().enumerate() {
                for (j, l) in lines.iter().enumerate() {
                    this.text(x + pad, top - pad - leading * (j as f32 + 1.0) + 2.0, l, face, size, INK);
                }
                x += widths[i];
            }
            this.y = top - height;
            let y = this.y;
            this.rule(y);
        };
        self.y -= 2.0;
        if !t.header.is_empty() {
            draw_row(self, &t.header, Face::Bold);
        }
        for r in &t.rows {
            draw_row(self, r, Face::Regular);
        }
        self.y -= 8.0;
    }

    fn chart(&mut self, ch: &Chart) {
        let plot_h = 180.0;
        let left = MARGIN + 34.0;
        let right = MARGIN + WIDTH - 110.0;
        let height = plot_h + 70.0 + 14.0 * ch.series.len() as f32;
        self.ensure(height + 20.0);
        self.flow(&ch.title, Face::Bold, BODY, INK, 0.0);
        self.y -= 8.0;
        let top = self.y;
        let bottom = top - plot_h;
        let span = (ch.y_max - ch.y_min).max(1.0);
        let y_of = |v: f32| bottom + (v.clamp(ch.y_min, ch.y_max) - ch.y_min) / span * plot_h;
        let n = ch.x_labels.len().max(1);
        let x_of = |i: f32| {
            if n == 1 {
                (left + right) / 2.0
            } else {
                left + 12.0 + i / (n as f32 - 1.0) * (right - left - 24.0)
            }
        };
        // Value scale with light grid lines.
        let step = if span > 40.0 { 10.0 } else { 5.0 };
        let mut v = (ch.y_min / step).ceil() * step;
        while v <= ch.y_max + 0.01 {
            let y = y_of(v);
            let label = format!("{v:.0}");
            let w = self.font(Face::Regular).width(&label, SMALL);
            {
                let c = self.page();
                c.set_stroke_rgb(0.9, 0.91, 0.92);
                c.set_line_width(0.5);
                c.move_to(left, y);
                c.line_to(right, y);
                c.stroke();
            }
            self.text(left - 4.0 - w, y - 3.0, &label, Face::Regular, SMALL, INK);
            v += step;
        }
        {
            let c = self.page();
            c.set_stroke_rgb(INK.0, INK.1, INK.2);
            c.set_line_width(0.8);
            c.move_to(left, top);
            c.line_to(left, bottom);
            c.line_to(right, bottom);
            c.stroke();
        }
        // Cut-offs: dashed lines named on the right.
        for (value, label) in &ch.cutoffs {
            let y = y_of(*value);
            {
                let c = self.page();
                c.save_state();
                c.set_stroke_rgb(0.7, 0.1, 0.1);
                c.set_line_width(0.9);
                c.set_dash_pattern([4.0, 3.0], 0.0);
                c.move_to(left, y);
                c.line_to(right, y);
                c.stroke();
                c.restore_state();
            }
            let lines = self.wrap(label, Face::Regular, SMALL, MARGIN + WIDTH - right - 6.0);
            for (i, l) in lines.iter().enumerate() {
                self.text(right + 6.0, y - 3.0 - i as f32 * SMALL * 1.2, l, Face::Regular, SMALL, (0.55, 0.08, 0.08));
            }
        }
        // The time axis: every label when they fit, else every k-th.
        let every = (n as f32 * 34.0 / (right - left)).ceil().max(1.0) as usize;
        for (i, label) in ch.x_labels.iter().enumerate() {
            if i % every != 0 && i + 1 != n {
                continue;
            }
            let w = self.font(Face::Regular).width(label, SMALL);
            self.text(x_of(i as f32) - w / 2.0, bottom - 12.0, label, Face::Regular, SMALL, INK);
        }
        // The lines, with a dot at each score.
        for (k, s) in ch.series.iter().enumerate() {
            let col = LINE_COLOURS[k % LINE_COLOURS.len()];
            let c = self.page();
            c.set_stroke_rgb(col.0, col.1, col.2);
            c.set_fill_rgb(col.0, col.1, col.2);
            c.set_line_width(1.6);
            c.set_line_join(LineJoinStyle::RoundJoin);
            c.set_line_cap(LineCapStyle::RoundCap);
            for (i, (x, v)) in s.points.iter().enumerate() {
                if i == 0 {
                    c.move_to(x_of(*x), y_of(*v));
                } else {
                    c.line_to(x_of(*x), y_of(*v));
                }
            }
            if s.points.len() > 1 {
                c.stroke();
            }
            for (x, v) in &s.points {
                c.rect(x_of(*x) - 2.2, y_of(*v) - 2.2, 4.4, 4.4);
                c.fill_nonzero();
            }
        }
        self.y = bottom - 26.0;
        if !ch.y_label.is_empty() {
            self.flow(&ch.y_label, Face::Regular, SMALL, MUTED, 0.0);
        }
        // Legend: a short line in the series' colour, then its name.
        for (k, s) in ch.series.iter().enumerate() {
            let col = LINE_COLOURS[k % LINE_COLOURS.len()];
            self.y -= 13.0;
            let y = self.y;
            {
                let c = self.page();
                c.set_stroke_rgb(col.0, col.1, col.2);
                c.set_line_width(2.0);
                c.move_to(MARGIN, y + 3.0);
                c.line_to(MARGIN + 18.0, y + 3.0);
                c.stroke();
            }
            self.text(MARGIN + 24.0, y, &s.label, Face::Regular, SMALL, INK);
        }
        self.y -= 10.0;
    }
}

fn font_name(f: Face) -> &'static [u8] {
    match f {
        Face::Regular => b"F1",
        Face::Bold => b"F2",
    }
}

fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// The document as PDF bytes. `page_label(n, of)` words the footer's page
/// number ("Page 2 of 3") in the document's language.
pub fn render(doc: &Document, page_label: &dyn Fn(usize, usize) -> String) -> Vec<u8> {
    let mut layout = Layout {
        fonts: [Font::new(REGULAR, b"DejaVuSans"), Font::new(BOLD, b"DejaVuSans-Bold")],
        pages: Vec::new(),
        y: TOP,
    };
    layout.new_page();
    for b in &doc.blocks {
        layout.block(b);
    }
    let count = layout.pages.len();
    for i in 0..count {
        let label = page_label(i + 1, count);
        let w = layout.font(Face::Regular).width(&label, SMALL);
        let title = doc.title.clone();
        let glyphs_title = layout.fonts[0].encode(&title);
        let glyphs_label = layout.fonts[0].encode(&label);
        let c = &mut layout.pages[i];
        c.set_fill_rgb(MUTED.0, MUTED.1, MUTED.2);
        for (x, g) in [(MARGIN, glyphs_title), (MARGIN + WIDTH - w, glyphs_label)] {
            c.begin_text();
            c.set_font(Name(font_name(Face::Regular)), SMALL);
            c.next_line(x, MARGIN - 8.0);
            c.show(Str(&g));
            c.end_text();
        }
    }

    let mut pdf = Pdf::new();
    let mut next = 1;
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    let catalog = alloc();
    let tree = alloc();
    let info = alloc();
    let font_refs: Vec<Ref> = (0..2).map(|_| alloc()).collect();
    let page_refs: Vec<(Ref, Ref)> = (0..count).map(|_| (alloc(), alloc())).collect();
    pdf.catalog(catalog).pages(tree).lang(TextStr(&doc.lang));
    pdf.pages(tree).kids(page_refs.iter().map(|(p, _)| *p)).count(count as i32);
    pdf.document_info(info).title(TextStr(&doc.title)).creator(TextStr("Rapport"));
    for (i, (page_ref, content_ref)) in page_refs.iter().enumerate() {
        let mut page = pdf.page(*page_ref);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H)).parent(tree).contents(*content_ref);
        let mut resources = page.resources();
        let mut fonts = resources.fonts();
        fonts.pair(Name(font_name(Face::Regular)), font_refs[0]);
        fonts.pair(Name(font_name(Face::Bold)), font_refs[1]);
        fonts.finish();
        resources.finish();
        page.finish();
        let content = std::mem::replace(&mut layout.pages[i], Content::new()).finish();
        pdf.stream(*content_ref, &deflate(&content)).filter(Filter::FlateDecode);
    }
    for (font, type0) in layout.fonts.iter().zip(&font_refs) {
        let (cid, descriptor, file, cmap) = (alloc(), alloc(), alloc(), alloc());
        pdf.type0_font(*type0)
            .base_font(Name(font.name))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(cmap);
        let system = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };
        let mut c = pdf.cid_font(cid);
        c.subtype(CidFontType::Type2)
            .base_font(Name(font.name))
            .system_info(system)
            .font_descriptor(descriptor)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let mut widths = c.widths();
        for g in font.used.keys() {
            widths.consecutive(*g, [font.advance(*g)]);
        }
        widths.finish();
        c.finish();
        let face = &font.face;
        let scale = 1000.0 / f32::from(face.units_per_em());
        let b = face.global_bounding_box();
        pdf.font_descriptor(descriptor)
            .name(Name(font.name))
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(
                f32::from(b.x_min) * scale,
                f32::from(b.y_min) * scale,
                f32::from(b.x_max) * scale,
                f32::from(b.y_max) * scale,
            ))
            .italic_angle(0.0)
            .ascent(f32::from(face.ascender()) * scale)
            .descent(f32::from(face.descender()) * scale)
            .cap_height(f32::from(face.capital_height().unwrap_or(face.ascender())) * scale)
            .stem_v(80.0)
            .font_file2(file);
        pdf.stream(file, &deflate(font.data))
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), font.data.len() as i32);
        let mut unicode = pdf_writer::types::UnicodeCmap::new(Name(b"Custom"), system);
        for (g, ch) in &font.used {
            unicode.pair(*g, *ch);
        }
        pdf.cmap(cmap, &unicode.finish());
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        Document {
            title: "Summary".into(),
            lang: "en".into(),
            blocks: vec![
                Block::Title("End-of-treatment summary".into()),
                Block::Paragraph("Zoë Ñúñez ".repeat(60)),
                Block::Table(Table {
                    header: vec!["Measure".into(), "First".into()],
                    rows: (0..80).map(|i| vec![format!("PHQ-9 {i}"), "18".into()]).collect(),
                    widths: vec![],
                }),
                Block::Chart(Chart {
                    title: "PHQ-9".into(),
                    y_min: 0.0,
                    y_max: 27.0,
                    x_labels: vec!["S1".into(), "S2".into()],
                    series: vec![Series { label: "PHQ-9".into(), points: vec![(0.0, 18.0), (1.0, 9.0)] }],
                    cutoffs: vec![(10.0, "caseness ≥ 10".into())],
                    y_label: String::new(),
                }),
            ],
        }
    }

    #[test]
    fn renders_a_multi_page_pdf_with_the_font_embedded() {
        let bytes = render(&sample(), &|n, of| format!("Page {n} of {of}"));
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("/FontFile2"), "the font is embedded");
        assert!(text.contains("/ToUnicode"), "text maps back to characters");
        let count: usize = text
            .split("/Count ")
            .nth(1)
            .and_then(|t| t.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
            .unwrap_or(0);
        assert!(count >= 2, "the long table runs over pages: {count}");
    }

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let layout =
            Layout { fonts: [Font::new(REGULAR, b"R"), Font::new(BOLD, b"B")], pages: vec![Content::new()], y: TOP };
        let lines = layout.wrap(&"word ".repeat(100), Face::Regular, BODY, 200.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| layout.font(Face::Regular).width(l, BODY) <= 200.0));
        let long = layout.wrap(&"x".repeat(300), Face::Regular, BODY, 100.0);
        assert!(long.len() > 3, "a word longer than the line is cut");
    }
}
