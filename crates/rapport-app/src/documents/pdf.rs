//! A small, pure PDF renderer for letters and reports: a document is a list
//! of blocks (headings, paragraphs, label/value rows, tables, bullet lists, a
//! line chart), laid out on A4 pages with the text wrapped, then written with
//! `pdf-writer`. The font (DejaVu Sans, a Latin subset; `fonts/README.md`) is
//! embedded, so the document prints the same everywhere, and every glyph maps
//! back to its character, so the text can be searched, copied and read aloud.
//!
//! The PDF is tagged (decision 54): every piece of text and every drawn line
//! is either marked content belonging to an element of the structure tree
//! (a `Document` of headings, paragraphs, tables, lists and figures, in the
//! blocks' order) or an artifact (the page footer, rules, shading, grid
//! lines), so a screen reader reads the document in order with its roles.
//!
//! No I/O: the document's words come from its caller, in the recipient's language.

use pdf_writer::types::{
    ArtifactAttachment, ArtifactType, CidFontType, FontFlags, LineCapStyle, LineJoinStyle, ListNumbering, StructRole,
    SystemInfo, TabOrder, TableHeaderScope,
};
use pdf_writer::writers::StructTreeRoot;
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
    /// The document's title, tagged `H1`; headings are then `H2`, or `H1`
    /// in a document without a title (a letter).
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
    /// The chart in one or two sentences, in the document's language: the
    /// figure's text alternative, read instead of the drawing.
    pub alt: String,
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

/// The roles the structure tree uses (PDF 1.7 standard structure types).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    Document,
    H1,
    H2,
    P,
    Table,
    TR,
    TH,
    TD,
    L,
    LI,
    Lbl,
    LBody,
    Figure,
}

impl Role {
    fn struct_role(self) -> StructRole {
        match self {
            Role::Document => StructRole::Document,
            Role::H1 => StructRole::H1,
            Role::H2 => StructRole::H2,
            Role::P => StructRole::P,
            Role::Table => StructRole::Table,
            Role::TR => StructRole::TR,
            Role::TH => StructRole::TH,
            Role::TD => StructRole::TD,
            Role::L => StructRole::L,
            Role::LI => StructRole::LI,
            Role::Lbl => StructRole::Lbl,
            Role::LBody => StructRole::LBody,
            Role::Figure => StructRole::Figure,
        }
    }

    /// The tag of the marked-content sequences that belong to the element.
    fn tag(self) -> &'static [u8] {
        match self {
            Role::Document => b"Document",
            Role::H1 => b"H1",
            Role::H2 => b"H2",
            Role::P => b"P",
            Role::Table => b"Table",
            Role::TR => b"TR",
            Role::TH => b"TH",
            Role::TD => b"TD",
            Role::L => b"L",
            Role::LI => b"LI",
            Role::Lbl => b"Lbl",
            Role::LBody => b"LBody",
            Role::Figure => b"Figure",
        }
    }
}

/// A child of a structure element, in reading order.
#[derive(Clone, Copy, Debug)]
enum Kid {
    /// Another element (an index into `Layout::elems`).
    Elem(usize),
    /// A marked-content sequence: the page's index and its MCID there.
    Content { page: usize, mcid: i32 },
}

/// A structure element as the layout builds it.
struct Elem {
    role: Role,
    /// The parent element's index; the root (the `Document`) has none.
    parent: Option<usize>,
    kids: Vec<Kid>,
    /// The text alternative of a figure.
    alt: Option<String>,
    /// Whether a header cell heads its row or its column.
    scope: Option<TableHeaderScope>,
}

/// The pages as content streams, written by the layout, with the structure
/// tree their marked content belongs to.
struct Layout {
    fonts: [Font; 2],
    pages: Vec<Content>,
    y: f32,
    /// The structure elements; the first is the `Document`.
    elems: Vec<Elem>,
    /// The elements open now, innermost last: marked content goes to the last.
    open: Vec<usize>,
    /// Per page, the element each MCID belongs to (the page's entry in the
    /// parent tree; the MCID is the index).
    owners: Vec<Vec<usize>>,
    /// A heading's level: `H2` under a title (`H1`), else `H1` (a letter).
    heading: Role,
}

impl Layout {
    fn new() -> Layout {
        let root = Elem { role: Role::Document, parent: None, kids: Vec::new(), alt: None, scope: None };
        Layout {
            fonts: [Font::new(REGULAR, b"DejaVuSans"), Font::new(BOLD, b"DejaVuSans-Bold")],
            pages: Vec::new(),
            y: TOP,
            elems: vec![root],
            open: vec![0],
            owners: Vec::new(),
            heading: Role::H2,
        }
    }

    /// Opens a structure element inside the innermost open one.
    fn begin(&mut self, role: Role) -> usize {
        let parent = *self.open.last().expect("the document is open");
        let id = self.elems.len();
        self.elems.push(Elem { role, parent: Some(parent), kids: Vec::new(), alt: None, scope: None });
        self.elems[parent].kids.push(Kid::Elem(id));
        self.open.push(id);
        id
    }

    fn end(&mut self) {
        self.open.pop();
    }

    /// `draw` on this page as marked content of the innermost open element.
    fn marked(&mut self, draw: impl FnOnce(&mut Content)) {
        let elem = *self.open.last().expect("the document is open");
        let page = self.pages.len() - 1;
        let mcid = self.owners[page].len() as i32;
        self.owners[page].push(elem);
        self.elems[elem].kids.push(Kid::Content { page, mcid });
        let tag = self.elems[elem].role.tag();
        let c = self.page();
        c.begin_marked_content_with_properties(Name(tag)).properties().identify(mcid);
        draw(c);
        c.end_marked_content();
    }

    /// `draw` on this page as an artifact: something a reader skips.
    fn artifact(&mut self, kind: ArtifactType, draw: impl FnOnce(&mut Content)) {
        let c = self.page();
        c.begin_marked_content_with_properties(Name(b"Artifact")).properties().artifact().kind(kind);
        draw(c);
        c.end_marked_content();
    }

    fn font(&self, f: Face) -> &Font {
        &self.fonts[f as usize]
    }

    fn page(&mut self) -> &mut Content {
        self.pages.last_mut().expect("a page is open")
    }

    fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.owners.push(Vec::new());
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
        self.marked(|c| {
            c.set_fill_rgb(colour.0, colour.1, colour.2);
            c.begin_text();
            c.set_font(Name(name), size);
            c.next_line(x, y);
            c.show(Str(&glyphs));
            c.end_text();
        });
    }

    /// `text` broken into lines no wider than `width` (at spaces; a word
    /// longer than the line is broken where it must be). Newlines are kept.
    /// A line broken at a space keeps it at its end, past the width where it
    /// shows nothing, so text read from the structure tree (one marked
    /// sequence per line) does not run the line's last word into the next.
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
                    lines.push(std::mem::take(&mut line) + " ");
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

    /// A thin line across the page: layout, not content.
    fn rule(&mut self, y: f32) {
        self.artifact(ArtifactType::Layout, |c| {
            c.set_stroke_rgb(RULE.0, RULE.1, RULE.2);
            c.set_line_width(0.6);
            c.move_to(MARGIN, y);
            c.line_to(MARGIN + WIDTH, y);
            c.stroke();
        });
    }

    /// Wrapped text as one element of `role`.
    fn flow_as(&mut self, role: Role, text: &str, face: Face, size: f32, colour: (f32, f32, f32)) {
        self.begin(role);
        self.flow(text, face, size, colour, 0.0);
        self.end();
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Title(t) => {
                self.flow_as(Role::H1, t, Face::Bold, 18.0, INK);
                self.y -= 2.0;
            }
            Block::Subtitle(t) => {
                self.flow_as(Role::P, t, Face::Regular, BODY, MUTED);
                self.y -= 6.0;
                let y = self.y;
                self.rule(y);
                self.y -= 4.0;
            }
            Block::Heading(t) => {
                // Keep a heading with at least two lines of what follows.
                self.ensure(13.0 * 1.4 + 10.0 + 2.0 * BODY * 1.4);
                self.y -= 10.0;
                let level = self.heading;
                self.flow_as(level, t, Face::Bold, 13.0, INK);
                self.y -= 2.0;
            }
            Block::Paragraph(t) => {
                self.flow_as(Role::P, t, Face::Regular, BODY, INK);
                self.y -= 5.0;
            }
            Block::Note(t) => {
                self.flow_as(Role::P, t, Face::Regular, SMALL, MUTED);
                self.y -= 4.0;
            }
            Block::Lines(lines) => {
                self.ensure(lines.len() as f32 * BODY * 1.4);
                self.begin(Role::P);
                for l in lines {
                    self.flow(l, Face::Regular, BODY, INK, 0.0);
                }
                self.end();
                self.y -= 8.0;
            }
            Block::Fields(rows) => {
                // A table of two columns: each label heads its row.
                let label_w = WIDTH * 0.34;
                self.begin(Role::Table);
                for (label, value) in rows {
                    let labels = self.wrap(label, Face::Bold, BODY, label_w - 8.0);
                    let values = self.wrap(value, Face::Regular, BODY, WIDTH - label_w);
                    let leading = BODY * 1.4;
                    let n = labels.len().max(values.len());
                    self.ensure(n as f32 * leading + 3.0);
                    let top = self.y;
                    self.begin(Role::TR);
                    let th = self.begin(Role::TH);
                    self.elems[th].scope = Some(TableHeaderScope::Row);
                    for (i, l) in labels.iter().enumerate() {
                        self.text(MARGIN, top - leading * (i as f32 + 1.0), l, Face::Bold, BODY, MUTED);
                    }
                    self.end();
                    self.begin(Role::TD);
                    for (i, v) in values.iter().enumerate() {
                        self.text(MARGIN + label_w, top - leading * (i as f32 + 1.0), v, Face::Regular, BODY, INK);
                    }
                    self.end();
                    self.end();
                    self.y = top - n as f32 * leading - 3.0;
                }
                self.end();
                self.y -= 4.0;
            }
            Block::Bullets(items) => {
                self.begin(Role::L);
                for item in items {
                    let lines = self.wrap(item, Face::Regular, BODY, WIDTH - 14.0);
                    let leading = BODY * 1.4;
                    self.begin(Role::LI);
                    for (i, l) in lines.iter().enumerate() {
                        self.ensure(leading);
                        self.y -= leading;
                        let y = self.y;
                        if i == 0 {
                            self.begin(Role::Lbl);
                            self.text(MARGIN + 2.0, y, "•", Face::Regular, BODY, INK);
                            self.end();
                            self.begin(Role::LBody);
                        }
                        self.text(MARGIN + 14.0, y, l, Face::Regular, BODY, INK);
                    }
                    if !lines.is_empty() {
                        self.end();
                    }
                    self.end();
                }
                self.end();
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
        // The header row's cells head their columns; a table broken over
        // pages stays one table element.
        let draw_row = |this: &mut Layout, cells: &[String], face: Face| {
            let wrapped: Vec<Vec<String>> = (0..cols)
                .map(|i| this.wrap(cells.get(i).map(String::as_str).unwrap_or(""), face, size, widths[i] - 2.0 * pad))
                .collect();
            let n = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            let height = n as f32 * leading + 2.0 * pad;
            this.ensure(height);
            let top = this.y;
            let header = face == Face::Bold;
            if header {
                this.artifact(ArtifactType::Layout, |c| {
                    c.set_fill_rgb(SHADE.0, SHADE.1, SHADE.2);
                    c.rect(MARGIN, top - height, WIDTH, height);
                    c.fill_nonzero();
                });
            }
            this.begin(Role::TR);
            let mut x = MARGIN;
            for (i, lines) in wrapped.iter().enumerate() {
                let cell = this.begin(if header { Role::TH } else { Role::TD });
                if header {
                    this.elems[cell].scope = Some(TableHeaderScope::Column);
                }
                for (j, l) in lines.iter().enumerate() {
                    this.text(x + pad, top - pad - leading * (j as f32 + 1.0) + 2.0, l, face, size, INK);
                }
                this.end();
                x += widths[i];
            }
            this.end();
            this.y = top - height;
            let y = this.y;
            this.rule(y);
        };
        self.y -= 2.0;
        self.begin(Role::Table);
        if !t.header.is_empty() {
            draw_row(self, &t.header, Face::Bold);
        }
        for r in &t.rows {
            draw_row(self, r, Face::Regular);
        }
        self.end();
        self.y -= 8.0;
    }

    fn chart(&mut self, ch: &Chart) {
        let plot_h = 180.0;
        let left = MARGIN + 34.0;
        let right = MARGIN + WIDTH - 110.0;
        let height = plot_h + 70.0 + 14.0 * ch.series.len() as f32;
        self.ensure(height + 20.0);
        // The title is read as a paragraph; the drawing is one figure, read
        // as its text alternative. Grid lines and axes are decoration.
        self.flow_as(Role::P, &ch.title, Face::Bold, BODY, INK);
        self.y -= 8.0;
        let figure = self.begin(Role::Figure);
        self.elems[figure].alt = Some(ch.alt.clone());
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
            self.artifact(ArtifactType::Layout, |c| {
                c.set_stroke_rgb(0.9, 0.91, 0.92);
                c.set_line_width(0.5);
                c.move_to(left, y);
                c.line_to(right, y);
                c.stroke();
            });
            self.text(left - 4.0 - w, y - 3.0, &label, Face::Regular, SMALL, INK);
            v += step;
        }
        self.artifact(ArtifactType::Layout, |c| {
            c.set_stroke_rgb(INK.0, INK.1, INK.2);
            c.set_line_width(0.8);
            c.move_to(left, top);
            c.line_to(left, bottom);
            c.line_to(right, bottom);
            c.stroke();
        });
        // Cut-offs: dashed lines named on the right.
        for (value, label) in &ch.cutoffs {
            let y = y_of(*value);
            self.marked(|c| {
                c.save_state();
                c.set_stroke_rgb(0.7, 0.1, 0.1);
                c.set_line_width(0.9);
                c.set_dash_pattern([4.0, 3.0], 0.0);
                c.move_to(left, y);
                c.line_to(right, y);
                c.stroke();
                c.restore_state();
            });
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
            self.marked(|c| {
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
            });
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
            self.marked(|c| {
                c.set_stroke_rgb(col.0, col.1, col.2);
                c.set_line_width(2.0);
                c.move_to(MARGIN, y + 3.0);
                c.line_to(MARGIN + 18.0, y + 3.0);
                c.stroke();
            });
            self.text(MARGIN + 24.0, y, &s.label, Face::Regular, SMALL, INK);
        }
        self.end();
        self.y -= 10.0;
    }
}

fn font_name(f: Face) -> &'static [u8] {
    match f {
        Face::Regular => b"F1",
        Face::Bold => b"F2",
    }
}

/// The XMP metadata packet: the title and language, as PDF/UA asks beside
/// the document information dictionary.
fn xmp(title: &str, lang: &str) -> String {
    let esc = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
         <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
         <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\
         <dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\
         </rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"r\"?>",
        esc(title),
        esc(lang)
    )
}

fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// The document as PDF bytes. `page_label(n, of)` words the footer's page
/// number ("Page 2 of 3") in the document's language.
pub fn render(doc: &Document, page_label: &dyn Fn(usize, usize) -> String) -> Vec<u8> {
    let mut layout = Layout::new();
    if !doc.blocks.iter().any(|b| matches!(b, Block::Title(_))) {
        layout.heading = Role::H1;
    }
    layout.new_page();
    for b in &doc.blocks {
        layout.block(b);
    }
    let count = layout.pages.len();
    // The footer repeats on every page: a pagination artifact.
    for i in 0..count {
        let label = page_label(i + 1, count);
        let w = layout.font(Face::Regular).width(&label, SMALL);
        let title = doc.title.clone();
        let glyphs_title = layout.fonts[0].encode(&title);
        let glyphs_label = layout.fonts[0].encode(&label);
        let c = &mut layout.pages[i];
        c.begin_marked_content_with_properties(Name(b"Artifact"))
            .properties()
            .artifact()
            .kind(ArtifactType::Pagination)
            .attached([ArtifactAttachment::Bottom]);
        c.set_fill_rgb(MUTED.0, MUTED.1, MUTED.2);
        for (x, g) in [(MARGIN, glyphs_title), (MARGIN + WIDTH - w, glyphs_label)] {
            c.begin_text();
            c.set_font(Name(font_name(Face::Regular)), SMALL);
            c.next_line(x, MARGIN - 8.0);
            c.show(Str(&g));
            c.end_text();
        }
        c.end_marked_content();
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
    let metadata = alloc();
    let struct_root = alloc();
    let font_refs: Vec<Ref> = (0..2).map(|_| alloc()).collect();
    let page_refs: Vec<(Ref, Ref)> = (0..count).map(|_| (alloc(), alloc())).collect();
    let elem_refs: Vec<Ref> = layout.elems.iter().map(|_| alloc()).collect();
    let parent_refs: Vec<Ref> = (0..count).map(|_| alloc()).collect();
    {
        let mut cat = pdf.catalog(catalog);
        cat.pages(tree).lang(TextStr(&doc.lang)).metadata(metadata);
        cat.pair(Name(b"StructTreeRoot"), struct_root);
        cat.mark_info().marked(true);
        cat.viewer_preferences().display_doc_title(true);
    }
    pdf.pages(tree).kids(page_refs.iter().map(|(p, _)| *p)).count(count as i32);
    pdf.document_info(info).title(TextStr(&doc.title)).creator(TextStr("Rapport"));
    let xmp = xmp(&doc.title, &doc.lang);
    pdf.metadata(metadata, xmp.as_bytes()).pair(Name(b"Subtype"), Name(b"XML"));
    for (i, (page_ref, content_ref)) in page_refs.iter().enumerate() {
        let mut page = pdf.page(*page_ref);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H))
            .parent(tree)
            .contents(*content_ref)
            .struct_parents(i as i32)
            .tab_order(TabOrder::StructureOrder);
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
    // The structure tree: the root, the elements in reading order, and per
    // page the elements its MCIDs belong to (the parent tree).
    {
        let mut root = pdf.indirect(struct_root).start::<StructTreeRoot>();
        root.child(elem_refs[0]);
        let mut parents = root.parent_tree();
        let mut nums = parents.nums();
        for (i, r) in parent_refs.iter().enumerate() {
            nums.insert(i as i32, *r);
        }
        nums.finish();
        parents.finish();
        root.parent_tree_next_key(count as i32);
    }
    for (i, owners) in layout.owners.iter().enumerate() {
        pdf.indirect(parent_refs[i]).array().items(owners.iter().map(|e| elem_refs[*e]));
    }
    for (i, e) in layout.elems.iter().enumerate() {
        let mut el = pdf.struct_element(elem_refs[i]);
        el.kind(e.role.struct_role()).parent(e.parent.map_or(struct_root, |p| elem_refs[p]));
        if let Some(alt) = &e.alt {
            el.alt(TextStr(alt));
        }
        if let Some(scope) = e.scope {
            el.attributes().push().table().scope(scope);
        }
        if e.role == Role::L {
            el.attributes().push().list().list_numbering(ListNumbering::Disc);
        }
        if e.kids.is_empty() {
            continue;
        }
        let mut kids = el.children();
        for k in &e.kids {
            match *k {
                Kid::Elem(c) => {
                    kids.struct_element(elem_refs[c]);
                }
                Kid::Content { page, mcid } => {
                    kids.marked_content_ref().page(page_refs[page].0).marked_content_id(mcid);
                }
            }
        }
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
    use std::collections::{BTreeSet, HashMap};

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
                Block::Chart(chart()),
            ],
        }
    }

    fn chart() -> Chart {
        Chart {
            title: "PHQ-9".into(),
            alt: "PHQ-9 scores from 18 to 9 over 2 measurements.".into(),
            y_min: 0.0,
            y_max: 27.0,
            x_labels: vec!["S1".into(), "S2".into()],
            series: vec![Series { label: "PHQ-9".into(), points: vec![(0.0, 18.0), (1.0, 9.0)] }],
            cutoffs: vec![(10.0, "caseness ≥ 10".into())],
            y_label: "PHQ-9 total".into(),
        }
    }

    /// Every kind of block, over three pages.
    fn every_block() -> Document {
        Document {
            title: "Progress report".into(),
            lang: "en-GB".into(),
            blocks: vec![
                Block::Title("Progress report".into()),
                Block::Subtitle("Zoë, prepared on 1 March".into()),
                Block::Heading("Treatment".into()),
                Block::Fields(vec![("Started".into(), "1 March".into()), ("Sessions".into(), "8 of 16".into())]),
                Block::Lines(vec!["Dr A. Patel".into(), "1 High Street".into()]),
                Block::Paragraph("A paragraph of (balanced) words ".repeat(20)),
                Block::Bullets(vec!["Grief".into(), "Role dispute ".repeat(20)]),
                Block::Heading("Scores over time".into()),
                Block::Chart(chart()),
                Block::Table(Table {
                    header: vec!["Date".into(), "Score".into(), "Severity".into()],
                    rows: (0..70).map(|i| vec![format!("{i} March"), "18".into(), String::new()]).collect(),
                    widths: vec![1.2, 0.8, 2.0],
                }),
                Block::Note("Confidential.".into()),
            ],
        }
    }

    /// One indirect object: its dictionary (or other value) with runs of
    /// white space made one space, and its stream's bytes, inflated.
    struct Obj {
        dict: String,
        stream: Option<Vec<u8>>,
    }

    /// The indirect objects of pdf-writer's output ("N 0 obj … endobj"),
    /// stream data skipped by its /Length so binary data cannot confuse it.
    fn objects(pdf: &[u8]) -> HashMap<u32, Obj> {
        let find = |from: usize, what: &[u8]| pdf[from..].windows(what.len()).position(|w| w == what).map(|p| p + from);
        let mut out = HashMap::new();
        let mut at = 0;
        while let Some(o) = find(at, b" 0 obj\n") {
            let start = pdf[..o].iter().rposition(|b| !b.is_ascii_digit()).map_or(0, |p| p + 1);
            let id: u32 = std::str::from_utf8(&pdf[start..o]).unwrap().parse().unwrap();
            let body = o + b" 0 obj\n".len();
            let end = find(body, b"endobj").unwrap();
            let (head, stream) = match find(body, b"\nstream\n").filter(|s| *s < end) {
                Some(s) => {
                    let head = String::from_utf8_lossy(&pdf[body..s]).to_string();
                    let len: usize = head
                        .split("/Length ")
                        .nth(1)
                        .and_then(|t| t.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
                        .expect("a stream has a length");
                    let data = &pdf[s + 8..s + 8 + len];
                    let data = if head.contains("/FlateDecode") {
                        miniz_oxide::inflate::decompress_to_vec_zlib(data).expect("the stream inflates")
                    } else {
                        data.to_vec()
                    };
                    at = s + 8 + len;
                    (head, Some(data))
                }
                None => {
                    at = end;
                    (String::from_utf8_lossy(&pdf[body..end]).to_string(), None)
                }
            };
            let dict = head.split_whitespace().collect::<Vec<_>>().join(" ");
            out.insert(id, Obj { dict, stream });
            at = find(at, b"endobj").unwrap() + 6;
        }
        out
    }

    /// The number after the first `key` followed by one ("/StructParents 3",
    /// "/Contents 7 0 R"; "/P " skips a role `/S /P`).
    fn number_after(dict: &str, key: &str) -> Option<u32> {
        dict.split(key).skip(1).find_map(|t| t.trim_start().split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
    }

    #[derive(Debug, PartialEq)]
    enum Tok {
        Str(Vec<u8>),
        Dict(String),
        Other(String),
    }

    /// A content stream as operands and operators: enough of the syntax for
    /// what this renderer writes.
    fn tokens(c: &[u8]) -> Vec<Tok> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < c.len() {
            let b = c[i];
            if b.is_ascii_whitespace() {
                i += 1;
            } else if b == b'(' {
                let (mut depth, mut s) = (1, Vec::new());
                i += 1;
                while depth > 0 {
                    match c[i] {
                        b'\\' => {
                            i += 1;
                            if c[i].is_ascii_digit() {
                                let n = c[i..].iter().take(3).take_while(|d| d.is_ascii_digit()).count();
                                s.push(u8::from_str_radix(std::str::from_utf8(&c[i..i + n]).unwrap(), 8).unwrap());
                                i += n - 1;
                            } else {
                                s.push(match c[i] {
                                    b'n' => b'\n',
                                    b'r' => b'\r',
                                    b't' => b'\t',
                                    b'b' => 8,
                                    b'f' => 12,
                                    x => x,
                                });
                            }
                        }
                        b'(' => {
                            depth += 1;
                            s.push(b'(');
                        }
                        b')' => {
                            depth -= 1;
                            if depth > 0 {
                                s.push(b')');
                            }
                        }
                        x => s.push(x),
                    }
                    i += 1;
                }
                out.push(Tok::Str(s));
            } else if c[i..].starts_with(b"<<") {
                let mut depth = 0;
                let start = i;
                loop {
                    if c[i..].starts_with(b"<<") {
                        depth += 1;
                        i += 2;
                    } else if c[i..].starts_with(b">>") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                let text = String::from_utf8_lossy(&c[start..i]);
                out.push(Tok::Dict(text.split_whitespace().collect::<Vec<_>>().join(" ")));
            } else if b == b'<' {
                let end = i + c[i..].iter().position(|x| *x == b'>').unwrap();
                let hex = std::str::from_utf8(&c[i + 1..end]).unwrap();
                let bytes =
                    (0..hex.len() / 2).map(|k| u8::from_str_radix(&hex[2 * k..2 * k + 2], 16).unwrap()).collect();
                out.push(Tok::Str(bytes));
                i = end + 1;
            } else if b == b'[' || b == b']' {
                out.push(Tok::Other((b as char).to_string()));
                i += 1;
            } else {
                let start = i;
                i += 1;
                while i < c.len() && !c[i].is_ascii_whitespace() && !b"()<>[]/".contains(&c[i]) {
                    i += 1;
                }
                out.push(Tok::Other(String::from_utf8_lossy(&c[start..i]).to_string()));
            }
        }
        out
    }

    /// What a page's content stream shows: the MCIDs of its marked-content
    /// sequences in order, and each shown string with the marked content it
    /// sits in (its tag and properties). Asserts that nothing is painted
    /// outside marked content and that marked content does not nest.
    fn page_content(c: &[u8]) -> (Vec<u32>, Vec<(Vec<u8>, String)>) {
        let (mut mcids, mut shown) = (Vec::new(), Vec::new());
        let mut open: Vec<String> = Vec::new();
        let toks = tokens(c);
        for (i, t) in toks.iter().enumerate() {
            let Tok::Other(op) = t else { continue };
            match op.as_str() {
                "BDC" => {
                    let (Tok::Other(tag), Tok::Dict(props)) = (&toks[i - 2], &toks[i - 1]) else {
                        panic!("BDC takes a tag and a property list")
                    };
                    assert!(open.is_empty(), "marked content does not nest: {open:?} then {tag}");
                    if let Some(mcid) = number_after(props, "/MCID") {
                        assert_ne!(tag, "/Artifact");
                        mcids.push(mcid);
                    } else {
                        assert_eq!(tag, "/Artifact", "a sequence without an MCID is an artifact");
                    }
                    open.push(format!("{tag} {props}"));
                }
                "BMC" => panic!("every sequence has properties"),
                "EMC" => {
                    open.pop().expect("EMC closes a sequence");
                }
                "Tj" | "TJ" | "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "sh" | "Do" => {
                    let mark = open.last().unwrap_or_else(|| panic!("{op} outside marked content")).clone();
                    if op == "Tj" {
                        let Tok::Str(bytes) = &toks[i - 1] else { panic!("Tj shows a string") };
                        shown.push((bytes.clone(), mark));
                    }
                }
                _ => {}
            }
        }
        assert!(open.is_empty(), "every sequence is closed");
        (mcids, shown)
    }

    /// The struct element's `/K` items: element references and marked-content
    /// references (page object, MCID), in order.
    fn kids(dict: &str) -> (Vec<u32>, Vec<(u32, u32)>) {
        let (mut elems, mut mcrs) = (Vec::new(), Vec::new());
        let Some(k) = dict.split("/K [").nth(1) else { return (elems, mcrs) };
        let mut rest = k.trim_start();
        while !rest.starts_with(']') {
            if rest.starts_with("<<") {
                let end = rest.find(">>").unwrap();
                let mcr = &rest[..end];
                assert!(mcr.contains("/Type /MCR"));
                mcrs.push((number_after(mcr, "/Pg").unwrap(), number_after(mcr, "/MCID").unwrap()));
                rest = rest[end + 2..].trim_start();
            } else {
                let (n, tail) = rest.split_once(" 0 R").unwrap();
                elems.push(n.trim().parse().unwrap());
                rest = tail.trim_start();
            }
        }
        (elems, mcrs)
    }

    fn role(dict: &str) -> String {
        dict.split("/S /").nth(1).unwrap().split(' ').next().unwrap().to_string()
    }

    #[test]
    fn the_pdf_is_tagged_with_every_content_marked_and_every_mark_in_the_tree() {
        let doc = every_block();
        let bytes = render(&doc, &|n, of| format!("Page {n} of {of}"));
        let objs = objects(&bytes);
        let catalog = objs.values().find(|o| o.dict.contains("/Type /Catalog")).unwrap();
        assert!(catalog.dict.contains("/MarkInfo << /Marked true >>"), "{}", catalog.dict);
        assert!(catalog.dict.contains("/Lang (en-GB)"), "{}", catalog.dict);
        assert!(catalog.dict.contains("/ViewerPreferences << /DisplayDocTitle true >>"), "{}", catalog.dict);
        let root_id = number_after(&catalog.dict, "/StructTreeRoot").expect("a structure tree");
        let root = &objs[&root_id];
        assert!(root.dict.contains("/Type /StructTreeRoot"));
        let xmp = String::from_utf8(objs[&number_after(&catalog.dict, "/Metadata").unwrap()].stream.clone().unwrap());
        assert!(xmp.unwrap().contains("<rdf:li xml:lang=\"x-default\">Progress report</rdf:li>"));

        // The pages, in order, with what their content streams mark.
        let tree = objs.values().find(|o| o.dict.contains("/Type /Pages")).unwrap();
        let page_ids: Vec<u32> = tree
            .dict
            .split("/Kids [")
            .nth(1)
            .unwrap()
            .split(']')
            .next()
            .unwrap()
            .split(" 0 R")
            .filter_map(|n| n.trim().parse().ok())
            .collect();
        assert!(page_ids.len() >= 3, "the document runs over pages: {}", page_ids.len());
        let footer = |n: usize| {
            let mut f = Font::new(REGULAR, b"R");
            f.encode(&format!("Page {n} of {}", page_ids.len()))
        };
        let mut in_content = BTreeSet::new();
        let mut struct_parents = HashMap::new();
        for (i, id) in page_ids.iter().enumerate() {
            let page = &objs[id];
            let content = objs[&number_after(&page.dict, "/Contents").unwrap()].stream.as_ref().unwrap();
            let (mcids, shown) = page_content(content);
            assert_eq!(mcids, (0..mcids.len() as u32).collect::<Vec<_>>(), "a page's MCIDs count from 0");
            for m in &mcids {
                in_content.insert((*id, *m));
            }
            let (_, mark) = shown.iter().find(|(s, _)| *s == footer(i + 1)).expect("the footer's page number");
            assert!(mark.starts_with("/Artifact") && mark.contains("/Type /Pagination"), "{mark}");
            assert!(
                shown.iter().filter(|(_, m)| m.starts_with("/Artifact")).count() == 2,
                "only the footer's two texts"
            );
            struct_parents.insert(*id, (number_after(&page.dict, "/StructParents").unwrap(), mcids.len()));
        }

        // The structure: every element's marked content, walked in reading order.
        let elems: HashMap<u32, &Obj> =
            objs.iter().filter(|(_, o)| o.dict.contains("/Type /StructElem")).map(|(k, v)| (*k, v)).collect();
        let document = number_after(&root.dict, "/K").unwrap();
        assert_eq!(role(&elems[&document].dict), "Document");
        let mut order = Vec::new();
        let mut owner = HashMap::new();
        let mut roles = BTreeSet::new();
        fn walk(
            id: u32,
            parent: u32,
            elems: &HashMap<u32, &Obj>,
            order: &mut Vec<(u32, u32)>,
            owner: &mut HashMap<(u32, u32), u32>,
            roles: &mut BTreeSet<String>,
        ) {
            let d = &elems[&id].dict;
            assert_eq!(number_after(d, "/P "), Some(parent), "the parent link: {d}");
            roles.insert(role(d));
            let (children, mcrs) = kids(d);
            // This renderer never mixes the two kinds of children in one element.
            assert!(children.is_empty() || mcrs.is_empty(), "{d}");
            for m in mcrs {
                assert!(owner.insert(m, id).is_none(), "a mark belongs to one element");
                order.push(m);
            }
            for c in children {
                walk(c, id, elems, order, owner, roles);
            }
        }
        walk(document, root_id, &elems, &mut order, &mut owner, &mut roles);
        assert_eq!(order.len(), in_content.len(), "as many marked-content kids as MCIDs in the pages");
        assert_eq!(order.iter().copied().collect::<BTreeSet<_>>(), in_content, "the same marks");
        let page_index: HashMap<u32, usize> = page_ids.iter().enumerate().map(|(i, p)| (*p, i)).collect();
        let positions: Vec<(usize, u32)> = order.iter().map(|(p, m)| (page_index[p], *m)).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "the tree reads in the order the pages draw");
        for r in ["Document", "H1", "H2", "P", "Table", "TR", "TH", "TD", "L", "LI", "Lbl", "LBody", "Figure"] {
            assert!(roles.contains(r), "role {r} in {roles:?}");
        }

        // The blocks, in order, as the document's children.
        let top: Vec<String> = kids(&elems[&document].dict).0.iter().map(|k| role(&elems[k].dict)).collect();
        assert_eq!(top, ["H1", "P", "H2", "Table", "P", "P", "L", "H2", "P", "Figure", "Table", "P"]);
        let figure = elems.values().find(|o| role(&o.dict) == "Figure").unwrap();
        assert!(figure.dict.contains("/Alt (PHQ-9 scores from 18 to 9 over 2 measurements.)"), "{}", figure.dict);
        let scopes: Vec<&str> = elems
            .values()
            .filter(|o| role(&o.dict) == "TH")
            .map(|o| {
                if o.dict.contains("/Scope /Row") {
                    "row"
                } else if o.dict.contains("/Scope /Column") {
                    "column"
                } else {
                    "none"
                }
            })
            .collect();
        assert_eq!(scopes.iter().filter(|s| **s == "row").count(), 2, "each field's label heads its row");
        assert_eq!(scopes.iter().filter(|s| **s == "column").count(), 3, "the table's header cells head their columns");
        let list = elems.values().find(|o| role(&o.dict) == "L").unwrap();
        assert!(list.dict.contains("/ListNumbering /Disc"), "{}", list.dict);
        // The long table runs over a page break and is still one table.
        let long = kids(&elems[&document].dict).0[10];
        let rows = kids(&elems[&long].dict).0;
        assert_eq!(rows.len(), 71);
        let pages_of_rows: BTreeSet<u32> = rows
            .iter()
            .flat_map(|r| kids(&elems[r].dict).0)
            .flat_map(|cell| kids(&elems[&cell].dict).1)
            .map(|(p, _)| p)
            .collect();
        assert!(pages_of_rows.len() >= 2, "the table crosses a page: {pages_of_rows:?}");

        // The parent tree maps each page's MCIDs back to their elements.
        assert_eq!(number_after(&root.dict, "/ParentTreeNextKey"), Some(page_ids.len() as u32));
        let nums: Vec<u32> = root
            .dict
            .split("/Nums [")
            .nth(1)
            .unwrap()
            .split(']')
            .next()
            .unwrap()
            .replace(" 0 R", "")
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        let parent_tree: HashMap<u32, u32> = nums.chunks(2).map(|p| (p[0], p[1])).collect();
        for id in &page_ids {
            let (key, count) = struct_parents[id];
            let array: Vec<u32> = objs[&parent_tree[&key]]
                .dict
                .trim_matches(|c| c == '[' || c == ']')
                .split(" 0 R")
                .filter_map(|n| n.trim().parse().ok())
                .collect();
            assert_eq!(array.len(), count, "one entry per MCID on the page");
            for (mcid, elem) in array.iter().enumerate() {
                assert_eq!(owner[&(*id, mcid as u32)], *elem, "page {id} MCID {mcid}");
            }
        }
    }

    #[test]
    fn headings_start_at_level_one_in_a_document_without_a_title() {
        let roles = |doc: &Document| -> Vec<String> {
            let bytes = render(doc, &|n, of| format!("{n}/{of}"));
            let mut objs: Vec<(u32, Obj)> = objects(&bytes).into_iter().collect();
            objs.sort_by_key(|(id, _)| *id);
            objs.iter().filter(|(_, o)| o.dict.contains("/Type /StructElem")).map(|(_, o)| role(&o.dict)).collect()
        };
        let letter = Document {
            title: "Letter".into(),
            lang: "fr".into(),
            blocks: vec![
                Block::Lines(vec!["Dr Martin".into()]),
                Block::Heading("Objet : Zoé".into()),
                Block::Paragraph("Madame,".into()),
            ],
        };
        assert_eq!(roles(&letter), ["Document", "P", "H1", "P"]);
        let mut report = letter.clone();
        report.blocks.insert(0, Block::Title("Rapport".into()));
        assert_eq!(roles(&report), ["Document", "H1", "P", "H2", "P"]);
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
        let layout = Layout::new();
        let lines = layout.wrap(&"word ".repeat(100), Face::Regular, BODY, 200.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| layout.font(Face::Regular).width(l.trim_end(), BODY) <= 200.0));
        assert!(lines[..lines.len() - 1].iter().all(|l| l.ends_with("word ")), "a space ends a line broken at one");
        let long = layout.wrap(&"x".repeat(300), Face::Regular, BODY, 100.0);
        assert!(long.len() > 3, "a word longer than the line is cut");
        assert!(long.iter().all(|l| !l.ends_with(' ')), "a word cut in two gains no space");
    }
}
