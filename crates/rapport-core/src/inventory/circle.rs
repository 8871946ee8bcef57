//! The closeness circle as server-side SVG: the client at the centre, labelled
//! rings (the organisation's ring count, [`MIN_RINGS`] to [`MAX_RINGS`];
//! three by default), each person as a labelled "pill" inside their ring.
//!
//! Layout is deterministic: people are sorted (ring, name, id) and spread
//! evenly by angle; a pill that would overlap another pill, a ring label or the
//! centre, or cross its ring's edges, is nudged along the ring, and if the ring
//! is full the ring is widened and the layout starts again. Marks never rely on
//! colour alone: each is a shape with a letter (S support, ! conflict, + could
//! support now), a deceased person has a dashed outline and a "†", and the
//! figure carries a legend, a `<title>`, and a `<desc>` listing everyone.

use super::{circle_order, english_ring_name, CirclePerson, Ring};
use std::fmt::Write;

/// Name text size (SVG units).
pub const FONT: f64 = 15.0;
/// Pill height.
pub const PILL_H: f64 = 28.0;
const PAD_X: f64 = 9.0;
const BADGE: f64 = 16.0;
const BADGE_GAP: f64 = 4.0;
/// Radius of the centre disc (the client).
pub const CENTRE_R: f64 = 40.0;
const BASE_WIDTH: f64 = 84.0;
const GROW: f64 = 22.0;
const MARGIN: f64 = 12.0;
/// Space kept between any two labels, and between a label and a ring's edge.
pub const GAP: f64 = 4.0;
const LEGEND_H: f64 = 64.0;
/// Longest name drawn in full; longer ones end with "…" (the table has them whole).
pub const NAME_CHARS: usize = 18;
const RING_LABEL_FONT: f64 = 12.0;

/// An axis-aligned rectangle by its edges.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn centred(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x0: x - w / 2.0, y0: y - h / 2.0, x1: x + w / 2.0, y1: y + h / 2.0 }
    }

    /// True when the two overlap or come closer than `gap`.
    pub fn near(&self, o: &Rect, gap: f64) -> bool {
        self.x0 < o.x1 + gap && o.x0 < self.x1 + gap && self.y0 < o.y1 + gap && o.y0 < self.y1 + gap
    }

    /// Distance from (cx, cy) to the farthest corner.
    pub fn farthest(&self, cx: f64, cy: f64) -> f64 {
        let dx = (self.x0 - cx).abs().max((self.x1 - cx).abs());
        let dy = (self.y0 - cy).abs().max((self.y1 - cy).abs());
        dx.hypot(dy)
    }

    /// Distance from (cx, cy) to the nearest point of the rectangle (0 inside).
    pub fn nearest(&self, cx: f64, cy: f64) -> f64 {
        let dx = (self.x0 - cx).max(0.0).max(cx - self.x1);
        let dy = (self.y0 - cy).max(0.0).max(cy - self.y1);
        dx.hypot(dy)
    }
}

/// One person's label on the circle.
#[derive(Clone, Debug)]
pub struct Pill {
    pub person: CirclePerson,
    /// The index of the ring it is drawn in (0 for the innermost).
    pub ring: usize,
    pub rect: Rect,
    /// The text drawn: "† " for a deceased person, the name cut to `NAME_CHARS`.
    pub text: String,
    pub text_width: f64,
}

impl Pill {
    fn badges(&self) -> Vec<Badge> {
        badges(&self.person)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Badge {
    Support,
    Conflict,
    CouldSupport,
}

fn badges(p: &CirclePerson) -> Vec<Badge> {
    let mut b = Vec::new();
    if p.supports_client() {
        b.push(Badge::Support);
    }
    if p.conflict {
        b.push(Badge::Conflict);
    }
    if p.could_support_now {
        b.push(Badge::CouldSupport);
    }
    b
}

/// Where everything goes.
#[derive(Clone, Debug)]
pub struct Layout {
    pub width: f64,
    /// Height of the circle part (the legend is drawn below it).
    pub circle_height: f64,
    pub cx: f64,
    pub cy: f64,
    /// Outer edge of the centre disc, then of each ring from the innermost out
    /// (one more than the number of rings).
    pub radii: Vec<f64>,
    /// In circle order (ring, name, id).
    pub pills: Vec<Pill>,
    pub ring_labels: Vec<Rect>,
    /// The rings' labels, innermost first.
    pub ring_names: Vec<String>,
    pub centre: Rect,
}

impl Layout {
    /// The band (inner edge, outer edge) of a ring.
    pub fn band(&self, ring: Ring) -> (f64, f64) {
        self.band_at(ring.index())
    }

    /// The band of the ring at `index` (0 for the innermost).
    pub fn band_at(&self, index: usize) -> (f64, f64) {
        (self.radii[index], self.radii[index + 1])
    }

    /// How many rings are drawn.
    pub fn ring_count(&self) -> usize {
        self.radii.len() - 1
    }

    pub fn height(&self) -> f64 {
        self.circle_height + LEGEND_H
    }
}

/// Approximate advance width of text in a sans-serif face, in em, erring wide.
pub fn text_em(s: &str) -> f64 {
    s.chars()
        .map(|c| match c {
            ' ' | 'i' | 'l' | 'j' | 'I' | '!' | '|' | '.' | ',' | ':' | ';' | '\'' => 0.3,
            'f' | 't' | 'r' | '(' | ')' | '-' => 0.4,
            'm' | 'w' => 0.9,
            'M' | 'W' => 0.98,
            'A'..='Z' => 0.74,
            '0'..='9' => 0.6,
            c if c.is_ascii() => 0.6,
            c if (c as u32) >= 0x2E80 => 1.05,
            _ => 0.7,
        })
        .sum::<f64>()
        * 1.04
}

/// The text drawn for a person.
pub fn pill_text(p: &CirclePerson) -> String {
    let name: String = if p.display_name.chars().count() > NAME_CHARS {
        let mut s: String = p.display_name.chars().take(NAME_CHARS - 1).collect();
        s = s.trim_end().to_string();
        s.push('…');
        s
    } else {
        p.display_name.clone()
    };
    if p.deceased {
        format!("† {name}")
    } else {
        name
    }
}

fn pill_size(p: &CirclePerson) -> (String, f64, f64) {
    let text = pill_text(p);
    let tw = text_em(&text) * FONT;
    let n = badges(p).len() as f64;
    let w = PAD_X * 2.0 + tw + if n > 0.0 { n * (BADGE + BADGE_GAP) } else { 0.0 };
    (text, tw, w)
}

/// The words a circle is drawn with: [`English`], or the reader's language
/// when a face passes its own.
pub trait CircleWords {
    /// A ring's label in a circle of `count` rings: "Inner ring (closest)", "Ring 4 (most distant)".
    fn ring(&self, r: Ring, count: u8) -> String;
    /// The label on the centre disc: "Client".
    fn centre(&self) -> String;
    /// The legend: gives support, conflict present, could give support now, deceased.
    fn legend(&self) -> [String; 4];
    /// One person in words: "Sam (Partner; conflict, gives support)".
    fn person(&self, p: &CirclePerson) -> String;
    /// A person's tooltip in a circle of `count` rings: "Sam (Partner), inner ring".
    fn person_in_ring(&self, p: &CirclePerson, count: u8) -> String;
    /// The description's opening: "The client at the centre, 3 people around them."
    fn opening(&self, count: usize) -> String;
    /// A ring and who is in it, for the description: " Inner ring (closest): Sam (Partner)."
    fn ring_list(&self, r: Ring, count: u8, people: &[String]) -> String;
}

/// The circle's words in English (the API's figures and tests).
pub struct English;

impl CircleWords for English {
    fn ring(&self, r: Ring, count: u8) -> String {
        match (r.word(count), r.position(count)) {
            ("inner", _) => "Inner ring (closest)".into(),
            ("middle", _) => "Middle ring".into(),
            ("outer", _) => "Outer ring".into(),
            (_, "first") => format!("Ring {} (closest)", r.number()),
            (_, "last") => format!("Ring {} (most distant)", r.number()),
            _ => format!("Ring {}", r.number()),
        }
    }
    fn centre(&self) -> String {
        "Client".into()
    }
    fn legend(&self) -> [String; 4] {
        [
            "Gives the client support".into(),
            "Conflict present".into(),
            "Could give support now".into(),
            "Deceased (dashed outline, †)".into(),
        ]
    }
    fn person(&self, p: &CirclePerson) -> String {
        person_words(p)
    }
    fn person_in_ring(&self, p: &CirclePerson, count: u8) -> String {
        format!("{}, {}", person_words(p), english_ring_name(p.ring, count))
    }
    fn opening(&self, count: usize) -> String {
        format!("The client at the centre, {count} {} around them.", if count == 1 { "person" } else { "people" })
    }
    fn ring_list(&self, r: Ring, count: u8, people: &[String]) -> String {
        let list = if people.is_empty() { "nobody".to_string() } else { people.join("; ") };
        format!(" {}: {list}.", self.ring(r, count))
    }
}

/// Lays people out in the three-ring circle; always succeeds (rings widen
/// until everyone fits).
pub fn layout(people: &[CirclePerson]) -> Layout {
    layout_with(people, super::DEFAULT_RING_COUNT, &English)
}

/// [`layout`] with `count` rings labelled in `words` (their widths shape the rings).
pub fn layout_with(people: &[CirclePerson], count: u8, words: &dyn CircleWords) -> Layout {
    let count = count.clamp(super::MIN_RING_COUNT, super::MAX_RING_COUNT);
    let names = Ring::all(count).map(|r| words.ring(r, count)).collect();
    let placed = people.iter().map(|p| (p.ring.index(), p.clone())).collect();
    layout_rings(placed, names)
}

/// The fewest rings a circle draws.
pub const MIN_RINGS: usize = super::MIN_RING_COUNT as usize;
/// The most rings a circle draws.
pub const MAX_RINGS: usize = super::MAX_RING_COUNT as usize;

/// Lays out `names.len()` rings ([`MIN_RINGS`]..=[`MAX_RINGS`]) labelled
/// `names` (innermost first), each person in the ring at the index paired
/// with them (0 for the innermost; an index past the last ring is drawn in
/// the last ring). People are placed in circle order within their ring.
pub fn layout_rings(people: Vec<(usize, CirclePerson)>, names: Vec<String>) -> Layout {
    let count = names.len().clamp(1, MAX_RINGS);
    let mut sorted = people;
    for (ring, _) in sorted.iter_mut() {
        *ring = (*ring).min(count - 1);
    }
    sorted.sort_by(|(ra, a), (rb, b)| {
        (ra, a.display_name.to_lowercase(), &a.person_id).cmp(&(rb, b.display_name.to_lowercase(), &b.person_id))
    });
    let sized: Vec<Sized> = sorted
        .into_iter()
        .map(|(ring, p)| {
            let (t, tw, w) = pill_size(&p);
            (ring, p, t, tw, w)
        })
        .collect();
    let mut widths = vec![BASE_WIDTH; count];
    // A ring must be deep enough for its widest pill lying along a radius
    // somewhere; starting there saves attempts for long names.
    loop {
        match try_layout(&sized, &widths, &names[..count]) {
            Ok(l) => return l,
            Err(ring) => widths[ring] += GROW,
        }
    }
}

/// A person ready to place: ring index, person, text drawn, text width, pill width.
type Sized = (usize, CirclePerson, String, f64, f64);

fn try_layout(people: &[Sized], widths: &[f64], labels: &[String]) -> Result<Layout, usize> {
    let r0 = CENTRE_R;
    let mut radii = vec![r0];
    for w in widths {
        radii.push(radii[radii.len() - 1] + w);
    }
    let size = 2.0 * (radii[widths.len()] + MARGIN);
    let (cx, cy) = (size / 2.0, size / 2.0);
    let centre = Rect::centred(cx, cy, 2.0 * r0, 2.0 * r0);
    let mut obstacles = vec![centre];
    let mut ring_labels = Vec::new();
    for (index, label) in labels.iter().enumerate() {
        let outer = radii[index + 1];
        let w = text_em(label) * RING_LABEL_FONT + 8.0;
        let rect = Rect::centred(cx, cy - outer + 4.0 + RING_LABEL_FONT / 2.0 + 2.0, w, RING_LABEL_FONT + 6.0);
        ring_labels.push(rect);
        obstacles.push(rect);
    }
    let mut pills = Vec::new();
    for index in 0..widths.len() {
        let members: Vec<_> = people.iter().filter(|(r, ..)| *r == index).collect();
        let n = members.len();
        let (a, b) = (radii[index], radii[index + 1]);
        let mid = (a + b) / 2.0;
        // Radii to try, from the middle of the band outwards.
        let mut tracks = vec![mid];
        let mut k = 1.0;
        while mid - k * 6.0 > a || mid + k * 6.0 < b {
            tracks.push(mid - k * 6.0);
            tracks.push(mid + k * 6.0);
            k += 1.0;
        }
        for (i, (_, p, text, tw, w)) in members.into_iter().enumerate() {
            let preferred = -90.0 + (i as f64 + 0.5) * 360.0 / n as f64 + index as f64 * 11.0;
            let mut spot = None;
            'search: for step in 0..=120 {
                for sign in [1.0, -1.0] {
                    if step == 0 && sign < 0.0 {
                        continue;
                    }
                    let deg = preferred + sign * step as f64 * 3.0;
                    let (sin, cos) = deg.to_radians().sin_cos();
                    for &r in &tracks {
                        let rect = Rect::centred(cx + r * cos, cy + r * sin, *w, PILL_H);
                        if rect.farthest(cx, cy) <= b - GAP
                            && rect.nearest(cx, cy) >= a + GAP
                            && !obstacles.iter().any(|o| o.near(&rect, GAP))
                        {
                            spot = Some(rect);
                            break 'search;
                        }
                    }
                }
            }
            let rect = spot.ok_or(index)?;
            obstacles.push(rect);
            pills.push(Pill { person: p.clone(), ring: index, rect, text: text.clone(), text_width: *tw });
        }
    }
    let ring_names = labels.to_vec();
    Ok(Layout { width: size, circle_height: size, cx, cy, radii, pills, ring_labels, ring_names, centre })
}

/// Escapes text for XML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c if c.is_control() => o.push(' '),
            c => o.push(c),
        }
    }
    o
}

/// One person in words: "Sam (Partner; conflict, gives support)".
pub fn person_words(p: &CirclePerson) -> String {
    let mut parts = vec![p.relationship_text()];
    let marks = p.marks();
    if !marks.is_empty() {
        parts.push(marks.join(", "));
    }
    format!("{} ({})", p.display_name, parts.join("; "))
}

/// The three-ring circle in words, ring by ring (the SVG's `<desc>`).
pub fn describe(people: &[CirclePerson]) -> String {
    describe_with(people, super::DEFAULT_RING_COUNT, &English)
}

/// [`describe`] for `count` rings in `words` (a person beyond the last ring
/// is described in it, as they are drawn).
pub fn describe_with(people: &[CirclePerson], count: u8, words: &dyn CircleWords) -> String {
    let count = count.clamp(super::MIN_RING_COUNT, super::MAX_RING_COUNT);
    let mut sorted = people.to_vec();
    circle_order(&mut sorted);
    let mut s = words.opening(sorted.len());
    for r in Ring::all(count) {
        let names: Vec<String> = sorted
            .iter()
            .filter(|p| p.ring == r || (r.number() == count && p.ring.number() > count))
            .map(|p| words.person(p))
            .collect();
        s.push_str(&words.ring_list(r, count, &names));
    }
    s
}

const INK: &str = "#1f2933";
const WHITE: &str = "#fff";
const DEAD_FILL: &str = "#f4f6f7";
const MUTED: &str = "#52606d";
const RING_STROKE: &str = "#7b8794";
/// Ring fills from the innermost out, for as many rings as are drawn (the
/// first, middle and last of the three-ring circle's shades).
fn ring_fill(index: usize, count: usize) -> &'static str {
    const FILLS: [&str; MAX_RINGS] = ["#d5e8ea", "#dbebed", "#e0eeef", "#e6f1f2", "#edf5f6", "#f3f8f9"];
    if count <= 1 {
        return FILLS[0];
    }
    FILLS[(index * (MAX_RINGS - 1) + (count - 1) / 2) / (count - 1)]
}
const ACCENT: &str = "#1a6470";
const OK: &str = "#2f7d4a";
const RISK: &str = "#b42318";

fn badge_svg(out: &mut String, b: Badge, x: f64, y: f64) {
    // (x, y) is the badge's centre.
    let h = BADGE / 2.0;
    let (shape, letter) = match b {
        Badge::Support => (format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="{h:.1}" fill="{OK}"/>"#), "S"),
        Badge::Conflict => (
            format!(
                r#"<path d="M{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z" fill="{RISK}"/>"#,
                x,
                y - h - 1.0,
                x + h + 1.0,
                y + h,
                x - h - 1.0,
                y + h
            ),
            "!",
        ),
        Badge::CouldSupport => (
            format!(
                r#"<rect x="{:.1}" y="{:.1}" width="{BADGE}" height="{BADGE}" rx="2" fill="{ACCENT}"/>"#,
                x - h,
                y - h
            ),
            "+",
        ),
    };
    let dy = if b == Badge::Conflict { 4.5 } else { 4.0 };
    let _ = write!(
        out,
        r#"{shape}<text x="{x:.1}" y="{:.1}" font-size="11" font-weight="700" fill="{WHITE}" text-anchor="middle">{letter}</text>"#,
        y + dy
    );
}

/// Options for drawing.
pub struct SvgOptions<'a> {
    /// Prefix for element ids (unique on the page, e.g. "circle-now").
    pub id: &'a str,
    /// The figure's title, e.g. "Closeness circle now".
    pub title: &'a str,
    /// The words of its labels, legend and description.
    pub words: &'a dyn CircleWords,
    /// How many rings to draw (the organisation's setting, or the count a
    /// snapshot was taken with).
    pub rings: u8,
}

/// The closeness circle as a standalone SVG element (safe to inline in HTML).
pub fn svg(people: &[CirclePerson], opts: &SvgOptions) -> String {
    let words = opts.words;
    let l = layout_with(people, opts.rings, words);
    svg_of(&l, &describe_with(people, opts.rings, words), opts)
}

/// The SVG of a laid-out circle with `desc` as its description.
pub fn svg_of(l: &Layout, desc: &str, opts: &SvgOptions) -> String {
    let words = opts.words;
    let id = esc(opts.id);
    let (w, h) = (l.width, l.height());
    let mut o = String::with_capacity(4096 + l.pills.len() * 600);
    let _ = write!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="closeness-circle" data-rings="{}" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">"#,
        l.ring_count()
    );
    let _ = write!(o, r#"<title id="{id}-title">{}</title>"#, esc(opts.title));
    let _ = write!(o, r#"<desc id="{id}-desc">{}</desc>"#, esc(desc));
    // Rings, outermost first so inner fills sit on top.
    let count = l.ring_count();
    for i in (0..count).rev() {
        let _ = write!(
            o,
            r#"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="{}" stroke="{RING_STROKE}" stroke-width="1.5"/>"#,
            l.cx,
            l.cy,
            l.radii[i + 1],
            ring_fill(i, count)
        );
    }
    for (name, rect) in l.ring_names.iter().zip(&l.ring_labels) {
        let _ = write!(
            o,
            r#"<text x="{:.1}" y="{:.1}" font-size="{RING_LABEL_FONT}" font-weight="600" fill="{MUTED}" text-anchor="middle">{}</text>"#,
            l.cx,
            rect.y1 - 4.0,
            esc(name)
        );
    }
    let centre = words.centre();
    let centre_font = centre_font(&centre);
    let _ = write!(
        o,
        r#"<circle cx="{:.1}" cy="{:.1}" r="{CENTRE_R}" fill="{ACCENT}"/><text x="{:.1}" y="{:.1}" font-size="{centre_font:.1}" font-weight="700" fill="{WHITE}" text-anchor="middle">{}</text>"#,
        l.cx,
        l.cy,
        l.cx,
        l.cy + centre_font / 3.0,
        esc(&centre)
    );
    for p in &l.pills {
        let r = p.rect;
        let who = &p.person;
        let _ = write!(
            o,
            r#"<g data-person="{}" data-ring="{}"><title>{}</title>"#,
            esc(&who.person_id),
            p.ring + 1,
            esc(&words.person_in_ring(who, count as u8))
        );
        let (fill, stroke, dash, ink) =
            if who.deceased { (DEAD_FILL, MUTED, r#" stroke-dasharray="5 3""#, MUTED) } else { (WHITE, INK, "", INK) };
        let _ = write!(
            o,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{PILL_H}" rx="{:.1}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"{dash}/>"#,
            r.x0,
            r.y0,
            r.x1 - r.x0,
            PILL_H / 2.0
        );
        let _ = write!(
            o,
            r#"<text x="{:.1}" y="{:.1}" font-size="{FONT}" fill="{ink}" textLength="{:.1}" lengthAdjust="spacingAndGlyphs">{}</text>"#,
            r.x0 + PAD_X,
            (r.y0 + r.y1) / 2.0 + 5.0,
            p.text_width,
            esc(&p.text)
        );
        let mut bx = r.x0 + PAD_X + p.text_width + BADGE_GAP + BADGE / 2.0;
        for b in p.badges() {
            badge_svg(&mut o, b, bx, (r.y0 + r.y1) / 2.0);
            bx += BADGE + BADGE_GAP;
        }
        o.push_str("</g>");
    }
    legend(&mut o, l, &words.legend());
    o.push_str("</svg>");
    o
}

/// The centre label's font size: 15 px, smaller when the word would spill
/// out of the disc onto the inner ring's pills ("Consultante", bold, is
/// drawn at about 11 px), never under 9 px.
fn centre_font(text: &str) -> f64 {
    // `text_em` errs wide, which leaves room for the bold glyphs.
    let em = text_em(text);
    if em <= 0.0 {
        return 15.0;
    }
    ((2.0 * CENTRE_R - 10.0) / em).clamp(9.0, 15.0)
}

fn legend(o: &mut String, l: &Layout, texts: &[String; 4]) {
    let top = l.circle_height + 6.0;
    let col = l.width / 2.0;
    let x0 = MARGIN + 4.0;
    let rows = [
        (x0, top + 14.0, Some(Badge::Support), &texts[0]),
        (x0 + col, top + 14.0, Some(Badge::Conflict), &texts[1]),
        (x0, top + 42.0, Some(Badge::CouldSupport), &texts[2]),
        (x0 + col, top + 42.0, None, &texts[3]),
    ];
    o.push_str(r#"<g aria-hidden="true">"#);
    for (x, y, badge, text) in rows {
        match badge {
            Some(b) => badge_svg(o, b, x + BADGE / 2.0, y),
            None => {
                let _ = write!(
                    o,
                    r#"<rect x="{x:.1}" y="{:.1}" width="{BADGE}" height="{BADGE}" rx="4" fill="{DEAD_FILL}" stroke="{MUTED}" stroke-width="1.5" stroke-dasharray="3 2"/>"#,
                    y - BADGE / 2.0
                );
            }
        }
        let _ = write!(
            o,
            r#"<text x="{:.1}" y="{:.1}" font-size="13" fill="{INK}">{}</text>"#,
            x + BADGE + 8.0,
            y + 4.5,
            esc(text)
        );
    }
    o.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::SupportType;
    use proptest::prelude::*;

    fn person(i: usize, name: &str, ring: Ring) -> CirclePerson {
        crate::inventory::friend(&format!("p{i:02}"), name, ring)
    }

    /// Every pill in its own ring's band, clear of the edges, the centre, the
    /// ring labels and every other pill.
    fn check(people: &[CirclePerson]) -> Result<(), String> {
        let l = layout(people);
        for p in &l.pills {
            if p.ring != p.person.ring.index() {
                return Err(format!("{} drawn in ring {} not {:?}", p.text, p.ring, p.person.ring));
            }
        }
        check_layout(&l, people.len())
    }

    /// [`check`] for a layout of any number of rings.
    fn check_layout(l: &Layout, expected: usize) -> Result<(), String> {
        if l.pills.len() != expected {
            return Err(format!("{} placed of {}", l.pills.len(), expected));
        }
        if l.ring_labels.len() != l.ring_count() || l.ring_names.len() != l.ring_count() {
            return Err(format!("{} ring labels for {} rings", l.ring_labels.len(), l.ring_count()));
        }
        for (i, p) in l.pills.iter().enumerate() {
            let (a, b) = l.band_at(p.ring);
            let (near, far) = (p.rect.nearest(l.cx, l.cy), p.rect.farthest(l.cx, l.cy));
            if near < a || far > b {
                return Err(format!("{} outside its ring: {near:.1}..{far:.1} not in {a:.1}..{b:.1}", p.text));
            }
            if l.ring_labels.iter().chain([&l.centre]).any(|o| o.near(&p.rect, 0.0)) {
                return Err(format!("{} covers a ring label or the centre", p.text));
            }
            for q in &l.pills[i + 1..] {
                if p.rect.near(&q.rect, 0.0) {
                    return Err(format!("{} overlaps {}", p.text, q.text));
                }
            }
            let inner_w = p.rect.x1 - p.rect.x0 - 2.0 * PAD_X;
            if p.text_width > inner_w + 0.01 {
                return Err(format!("{} text wider than its pill", p.text));
            }
        }
        Ok(())
    }

    const NAMES: [&str; 20] = [
        "Sam",
        "Maximilian Wolfgang",
        "Mum",
        "Dad",
        "Bea",
        "WWWWWWWWWWWWWWWWWW",
        "Jo",
        "Grandmother Adaeze",
        "Li",
        "Priya",
        "Pastor Okonkwo",
        "Dr Mendes (GP)",
        "Cousin Tom",
        "Aunt Wilhelmina",
        "Neighbour",
        "Kai",
        "Team lead",
        "Omar",
        "Zofia",
        "Ravi",
    ];

    #[test]
    fn twenty_people_in_any_one_ring_do_not_overlap() {
        for ring in Ring::all(3) {
            let people: Vec<_> = NAMES.iter().enumerate().map(|(i, n)| person(i, n, ring)).collect();
            check(&people).unwrap_or_else(|e| panic!("{ring:?}: {e}"));
        }
    }

    #[test]
    fn mixed_rings_with_every_mark() {
        let people: Vec<_> = NAMES
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mut p = person(i, n, Ring::at_index(i % 3).unwrap());
                p.deceased = i % 7 == 0;
                p.conflict = i % 3 == 1;
                p.support_received = if i % 2 == 0 { vec![SupportType::Emotional] } else { vec![] };
                p.could_support_now = !p.deceased && i % 4 == 1;
                p
            })
            .collect();
        check(&people).unwrap();
        let l = layout(&people);
        for p in &l.pills {
            assert_eq!(p.person.ring, people.iter().find(|q| q.person_id == p.person.person_id).unwrap().ring);
        }
    }

    #[test]
    fn layout_is_deterministic_and_order_independent() {
        let people: Vec<_> =
            NAMES.iter().take(9).enumerate().map(|(i, n)| person(i, n, Ring::at_index(i % 3).unwrap())).collect();
        let mut reversed = people.clone();
        reversed.reverse();
        let opts = SvgOptions { id: "c", title: "Circle", words: &English, rings: 3 };
        assert_eq!(svg(&people, &opts), svg(&reversed, &opts));
    }

    #[test]
    fn an_empty_circle_still_draws_rings_and_legend() {
        let s = svg(&[], &SvgOptions { id: "c", title: "Circle", words: &English, rings: 3 });
        assert!(s.contains("Inner ring (closest)") && s.contains("Outer ring"));
        assert!(s.contains("0 people around them"));
        assert!(s.contains("Gives the client support"));
    }

    #[test]
    fn deceased_are_dashed_and_named_as_deceased() {
        let mut mum = person(1, "Mum", Ring::CLOSEST);
        mum.deceased = true;
        let s = svg(
            &[mum, person(2, "Bea", Ring::new(2).unwrap())],
            &SvgOptions { id: "c", title: "Circle", words: &English, rings: 3 },
        );
        let g = s.split("<g data-person=\"p01\"").nth(1).unwrap().split("</g>").next().unwrap();
        assert!(g.contains("stroke-dasharray"), "{g}");
        assert!(g.contains("† Mum"), "{g}");
        assert!(g.contains("deceased"), "{g}");
        let bea = s.split("<g data-person=\"p02\"").nth(1).unwrap().split("</g>").next().unwrap();
        assert!(!bea.contains("stroke-dasharray"));
        assert!(s.contains("Mum (Friend; deceased)"), "desc names it");
    }

    #[test]
    fn marks_are_shapes_with_letters_and_words() {
        let mut sam = person(1, "Sam", Ring::CLOSEST);
        sam.conflict = true;
        sam.support_received = vec![SupportType::Practical];
        sam.could_support_now = true;
        let s = svg(&[sam], &SvgOptions { id: "c", title: "Circle", words: &English, rings: 3 });
        let g = s.split("<g data-person=\"p01\"").nth(1).unwrap().split("</g>").next().unwrap();
        for letter in [">S</text>", ">!</text>", ">+</text>"] {
            assert!(g.contains(letter), "{letter} in {g}");
        }
        assert!(g.contains("conflict, gives support, could give support now"));
        assert!(s.contains("role=\"img\"") && s.contains("aria-labelledby=\"c-title c-desc\""));
    }

    #[test]
    fn names_are_escaped() {
        let evil = person(1, "<script>alert('x')</script>&\"", Ring::CLOSEST);
        let s = svg(&[evil], &SvgOptions { id: "x\"><script>", title: "<b>t</b>", words: &English, rings: 3 });
        assert!(!s.contains("<script>"), "{s}");
        assert!(!s.contains("<b>"));
        assert!(s.contains("&lt;script&gt;alert(&#39;x&#39;)"));
        assert!(s.contains("&amp;&quot;"));
        assert_eq!(s.matches("<svg").count(), 1);
    }

    #[test]
    fn long_names_are_cut_and_deceased_marked() {
        let mut p = person(1, "Bartholomew-Fitzwilliam Smythe", Ring::new(3).unwrap());
        assert_eq!(pill_text(&p), "Bartholomew-Fitzw…");
        p.deceased = true;
        assert!(pill_text(&p).starts_with("† "));
    }

    fn numbered(count: usize) -> Vec<String> {
        (1..=count).map(|n| format!("Ring {n}")).collect()
    }

    #[test]
    fn every_ring_count_draws_its_rings_and_places_people_in_them() {
        for count in MIN_RINGS..=MAX_RINGS {
            let people: Vec<_> =
                NAMES.iter().enumerate().map(|(i, n)| (i % count, person(i, n, Ring::CLOSEST))).collect();
            let l = layout_rings(people.clone(), numbered(count));
            assert_eq!(l.ring_count(), count);
            check_layout(&l, people.len()).unwrap_or_else(|e| panic!("{count} rings: {e}"));
            for p in &l.pills {
                let given = people.iter().find(|(_, q)| q.person_id == p.person.person_id).unwrap().0;
                assert_eq!(p.ring, given, "{count} rings: {}", p.text);
            }
            for pair in l.radii.windows(2) {
                assert!(pair[1] - pair[0] >= BASE_WIDTH, "{count} rings: every ring keeps its width");
            }
            let opts = SvgOptions { id: "c", title: "Circle", words: &English, rings: 3 };
            let s = svg_of(&l, "desc", &opts);
            assert_eq!(s.matches(RING_STROKE).count(), count, "{count} rings drawn");
            assert!(s.contains(&format!(">Ring {count}</text>")));
        }
    }

    #[test]
    fn an_organisations_ring_count_is_drawn_named_and_described() {
        let people: Vec<_> = (1..=5u8).map(|n| person(n.into(), &format!("P{n}"), Ring::new(n).unwrap())).collect();
        let s = svg(&people, &SvgOptions { id: "c", title: "Circle", words: &English, rings: 5 });
        assert_eq!(s.matches(RING_STROKE).count(), 5);
        for label in [">Ring 1 (closest)</text>", ">Ring 3</text>", ">Ring 5 (most distant)</text>"] {
            assert!(s.contains(label), "{label}");
        }
        assert!(s.contains(r#"data-person="p05" data-ring="5"><title>P5 (Friend), ring 5</title>"#), "{s}");
        assert!(s.contains(" Ring 4: P4 (Friend)."), "the description lists every ring");
        // Three rings keep the manuals' names; a person past the last ring
        // (a snapshot's count lowered later) is drawn and described in it.
        let s = svg(&people, &SvgOptions { id: "c", title: "Circle", words: &English, rings: 3 });
        assert_eq!(s.matches(RING_STROKE).count(), 3);
        assert!(s.contains(">Outer ring</text>") && s.contains(r#"data-person="p05" data-ring="3">"#));
        assert!(s.contains(" Outer ring: P3 (Friend); P4 (Friend); P5 (Friend)."), "{s}");
    }

    #[test]
    fn the_centre_word_fits_its_disc() {
        assert_eq!(centre_font("Client"), 15.0, "the English word keeps its size");
        for word in ["Consultante", "Patient·e", "Persona consultante"] {
            let f = centre_font(word);
            assert!((9.0..15.0).contains(&f), "{word}: {f}");
            assert!(text_em(word) * f <= 2.0 * CENTRE_R - 10.0 || f == 9.0, "{word} fits at {f}");
        }
    }

    #[test]
    fn ring_fills_lighten_outwards_and_keep_the_three_ring_shades() {
        assert_eq!([ring_fill(0, 3), ring_fill(1, 3), ring_fill(2, 3)], ["#d5e8ea", "#e6f1f2", "#f3f8f9"]);
        for count in MIN_RINGS..=MAX_RINGS {
            let fills: Vec<_> = (0..count).map(|i| ring_fill(i, count)).collect();
            assert!(fills.windows(2).all(|w| w[0] < w[1]), "{count}: {fills:?}");
            assert_eq!((fills[0], fills[count - 1]), ("#d5e8ea", "#f3f8f9"));
        }
    }

    #[test]
    fn a_ring_index_past_the_last_ring_is_drawn_in_the_last() {
        let l = layout_rings(vec![(9, person(1, "Sam", Ring::CLOSEST))], numbered(4));
        assert_eq!(l.pills[0].ring, 3);
        check_layout(&l, 1).unwrap();
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
        #[test]
        fn any_ring_count_places_everyone_inside_their_ring(
            count in MIN_RINGS..=MAX_RINGS,
            spec in prop::collection::vec(("[A-Za-z ]{1,24}", 0usize..MAX_RINGS, any::<bool>(), any::<bool>()), 0..=20)
        ) {
            let people: Vec<_> = spec.iter().enumerate().map(|(i, (name, ring, dead, conflict))| {
                let mut p = person(i, name, Ring::CLOSEST);
                p.deceased = *dead;
                p.conflict = *conflict;
                (*ring % count, p)
            }).collect();
            let l = layout_rings(people.clone(), numbered(count));
            prop_assert_eq!(l.ring_count(), count);
            prop_assert_eq!(check_layout(&l, people.len()), Ok(()));
            for p in &l.pills {
                let given = people.iter().find(|(_, q)| q.person_id == p.person.person_id).unwrap().0;
                prop_assert_eq!(p.ring, given);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
        #[test]
        fn any_twenty_people_fit_without_overlap(
            spec in prop::collection::vec(("[A-Za-z ]{1,24}", 0usize..3, any::<bool>(), any::<bool>(), any::<bool>()), 0..=20)
        ) {
            let people: Vec<_> = spec.iter().enumerate().map(|(i, (name, ring, dead, conflict, support))| {
                let mut p = person(i, name, Ring::at_index(*ring).unwrap());
                p.deceased = *dead;
                p.conflict = *conflict;
                if *support { p.support_received = vec![SupportType::Company]; }
                p.could_support_now = !*dead && *support;
                p
            }).collect();
            prop_assert_eq!(check(&people), Ok(()));
        }
    }
}
