//! Illustrations for the demo content, drawn here rather than shipped as
//! files: flat scenes (a forum hall, rice terraces, a solar array, ...) in
//! the 1.91:1 shape that sharing cards use. Each size an upload would be
//! resized to is drawn at that size (sharper than a resize, and without
//! the decoder's and resizer's buffers, which the allocator would keep in
//! a server that has just loaded its demo content). Drawn once per
//! process: a test suite loads the demo content into many databases.

use std::io::Cursor;
use std::sync::OnceLock;

use image::{ImageFormat, Rgb, RgbImage};

/// The scenes' own coordinates; a canvas of another width scales them.
const W: u32 = 1200;
const H: u32 = 630;
/// The variant widths, as for an upload (`admin::media`).
const VARIANTS: &[u32] = &[160, 480, 960];

type Px = [u8; 3];

/// The scenes the demo content can name, by key.
pub const SCENES: &[&str] = &[
    "forum", "stage", "rice", "solar", "water", "lab", "city", "network",
];

pub struct Picture {
    pub key: &'static str,
    /// The original, `width` × `height`.
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// (width, height, JPEG) of each variant.
    pub variants: Vec<(u32, u32, Vec<u8>)>,
}

fn jpeg(img: RgbImage) -> Option<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, ImageFormat::Jpeg)
        .ok()?;
    Some(out.into_inner())
}

/// Every scene, drawn, encoded and resized (the first call does the work).
pub fn all() -> &'static [Picture] {
    static PICTURES: OnceLock<Vec<Picture>> = OnceLock::new();
    PICTURES.get_or_init(|| {
        SCENES
            .iter()
            .filter_map(|&key| {
                let mut variants = Vec::new();
                for &w in VARIANTS {
                    let img = draw(key, w);
                    variants.push((img.width(), img.height(), jpeg(img)?));
                }
                let original = draw(key, W);
                let (width, height) = original.dimensions();
                Some(Picture {
                    key,
                    jpeg: jpeg(original)?,
                    width,
                    height,
                    variants,
                })
            })
            .collect()
    })
}

fn draw(key: &str, width: u32) -> RgbImage {
    let mut c = Canvas::new(width);
    match key {
        "forum" => forum(&mut c, [26, 54, 93], [196, 30, 58]),
        "stage" => forum(&mut c, [58, 28, 84], [240, 160, 32]),
        "rice" => rice(&mut c),
        "solar" => solar(&mut c),
        "water" => water(&mut c),
        "lab" => lab(&mut c),
        "city" => city(&mut c),
        _ => network(&mut c),
    }
    c.img
}

/// A canvas `w` pixels wide; primitives take scene coordinates.
struct Canvas {
    img: RgbImage,
    s: f32,
    w: u32,
    h: u32,
}

fn mix(a: Px, b: Px, t: f32) -> Px {
    let t = t.clamp(0.0, 1.0);
    let m = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    [m(a[0], b[0]), m(a[1], b[1]), m(a[2], b[2])]
}

/// Clamps a coordinate to the canvas (`limit` excluded).
fn clip(v: f32, limit: u32) -> u32 {
    if v <= 0.0 { 0 } else { (v as u32).min(limit) }
}

impl Canvas {
    fn new(width: u32) -> Self {
        let w = width.max(1);
        let h = (u64::from(H) * u64::from(w) / u64::from(W)).max(1) as u32;
        Self {
            img: RgbImage::new(w, h),
            s: w as f32 / W as f32,
            w,
            h,
        }
    }

    fn put(&mut self, x: u32, y: u32, c: Px) {
        if x < self.w && y < self.h {
            self.img.put_pixel(x, y, Rgb(c));
        }
    }

    /// A vertical gradient over rows `y0..y1`.
    fn sky(&mut self, y0: f32, y1: f32, top: Px, bottom: Px) {
        self.gradient_rect(0.0, y0, W as f32, y1, top, bottom);
    }

    /// A rectangle shaded from `top` to `bottom`.
    fn gradient_rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, top: Px, bottom: Px) {
        let (x0, y0, x1, y1) = (x0 * self.s, y0 * self.s, x1 * self.s, y1 * self.s);
        for y in clip(y0, self.h)..clip(y1, self.h) {
            let c = mix(top, bottom, (y as f32 - y0) / (y1 - y0).max(1.0));
            for x in clip(x0, self.w)..clip(x1, self.w) {
                self.put(x, y, c);
            }
        }
    }

    fn rect(&mut self, x0: f32, y0: f32, x1: f32, y1: f32, c: Px) {
        let (x0, y0, x1, y1) = (x0 * self.s, y0 * self.s, x1 * self.s, y1 * self.s);
        for y in clip(y0, self.h)..clip(y1, self.h) {
            for x in clip(x0, self.w)..clip(x1, self.w) {
                self.put(x, y, c);
            }
        }
    }

    fn circle(&mut self, cx: f32, cy: f32, r: f32, c: Px) {
        let (cx, cy, r) = (cx * self.s, cy * self.s, r * self.s);
        for y in clip(cy - r, self.h)..clip(cy + r + 1.0, self.h) {
            for x in clip(cx - r, self.w)..clip(cx + r + 1.0, self.w) {
                let (dx, dy) = (x as f32 - cx, y as f32 - cy);
                if dx * dx + dy * dy <= r * r {
                    self.put(x, y, c);
                }
            }
        }
    }

    /// The area between two curves, column by column.
    fn band(
        &mut self,
        x0: f32,
        x1: f32,
        top: impl Fn(f32) -> f32,
        bottom: impl Fn(f32) -> f32,
        c: Px,
    ) {
        let s = self.s;
        for x in clip(x0 * s, self.w)..clip(x1 * s, self.w) {
            let xf = x as f32 / s;
            for y in clip(top(xf) * s, self.h)..clip(bottom(xf) * s, self.h) {
                self.put(x, y, c);
            }
        }
    }

    /// A filled polygon (even-odd rule, scanline).
    fn polygon(&mut self, pts: &[(f32, f32)], c: Px) {
        let pts: Vec<(f32, f32)> = pts.iter().map(|p| (p.0 * self.s, p.1 * self.s)).collect();
        let (min_y, max_y) = pts
            .iter()
            .fold((f32::MAX, f32::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
        for y in clip(min_y, self.h)..clip(max_y + 1.0, self.h) {
            let yf = y as f32 + 0.5;
            let mut xs: Vec<f32> = Vec::new();
            for i in 0..pts.len() {
                let (a, b) = (pts[i], pts[(i + 1) % pts.len()]);
                if (a.1 <= yf) != (b.1 <= yf) {
                    xs.push(a.0 + (yf - a.1) / (b.1 - a.1) * (b.0 - a.0));
                }
            }
            xs.sort_by(f32::total_cmp);
            for pair in xs.chunks(2) {
                if let [l, r] = pair {
                    for x in clip(*l, self.w)..clip(*r, self.w) {
                        self.put(x, y, c);
                    }
                }
            }
        }
    }

    /// A straight line `w` pixels wide.
    fn line(&mut self, a: (f32, f32), b: (f32, f32), w: f32, c: Px) {
        // Scene coordinates, as `polygon` takes them; at least a pixel wide.
        let w = w.max(1.0 / self.s);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        let (nx, ny) = (-dy / len * w / 2.0, dx / len * w / 2.0);
        self.polygon(
            &[
                (a.0 + nx, a.1 + ny),
                (b.0 + nx, b.1 + ny),
                (b.0 - nx, b.1 - ny),
                (a.0 - nx, a.1 - ny),
            ],
            c,
        );
    }
}

/// A small deterministic sequence, so the same scene is the same bytes.
struct Lcg(u32);

impl Lcg {
    fn next(&mut self) -> f32 {
        self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (self.0 >> 8) as f32 / 16_777_216.0
    }
}

/// A hall: a screen over a stage, the audience in rows before it.
fn forum(c: &mut Canvas, wall: Px, accent: Px) {
    c.sky(0.0, H as f32, wall, mix(wall, [0, 0, 0], 0.5));
    // The screen, lit, with a banner stripe.
    c.gradient_rect(300.0, 60.0, 900.0, 300.0, [238, 242, 250], [200, 215, 238]);
    c.rect(300.0, 60.0, 310.0, 300.0, mix(wall, [0, 0, 0], 0.3));
    c.rect(890.0, 60.0, 900.0, 300.0, mix(wall, [0, 0, 0], 0.3));
    c.rect(360.0, 120.0, 840.0, 170.0, accent);
    c.rect(420.0, 200.0, 780.0, 218.0, [120, 140, 170]);
    c.rect(460.0, 236.0, 740.0, 250.0, [150, 165, 190]);
    // Stage and lectern.
    c.rect(180.0, 320.0, 1020.0, 360.0, mix(accent, [0, 0, 0], 0.45));
    c.polygon(
        &[
            (860.0, 250.0),
            (930.0, 250.0),
            (920.0, 325.0),
            (870.0, 325.0),
        ],
        [70, 45, 30],
    );
    // The audience: rows of heads and shoulders, nearer rows larger.
    let mut rng = Lcg(7);
    for row in 0..5 {
        let y = 400.0 + row as f32 * 50.0;
        let r = 13.0 + row as f32 * 3.0;
        let step = r * 3.2;
        let mut x = 40.0 + (row % 2) as f32 * step / 2.0;
        while x < W as f32 {
            let shade = 30.0 + rng.next() * 40.0;
            let s = shade as u8;
            c.circle(x, y + r * 1.9, r * 1.45, [s, s, s + 10]);
            c.circle(x, y, r, [s + 20, s + 15, s + 10]);
            x += step;
        }
    }
}

/// Rice terraces under a morning sun.
fn rice(c: &mut Canvas) {
    c.sky(0.0, 260.0, [150, 200, 235], [250, 236, 200]);
    c.circle(930.0, 120.0, 60.0, [255, 244, 200]);
    c.band(
        0.0,
        W as f32,
        |x| 200.0 + (x / 170.0).sin() * 30.0,
        |_| 280.0,
        [110, 150, 120],
    );
    let greens: [Px; 3] = [[86, 160, 60], [120, 185, 70], [70, 140, 55]];
    c.rect(0.0, 260.0, W as f32, H as f32, greens[2]);
    for i in 0..8 {
        let base = 250.0 + i as f32 * 48.0;
        let phase = i as f32 * 0.7;
        let top = move |x: f32| base + (x / 210.0 + phase).sin() * 22.0;
        let bottom = move |x: f32| base + 52.0 + (x / 210.0 + phase + 0.4).sin() * 22.0;
        c.band(0.0, W as f32, top, bottom, greens[i % 3]);
        // The water at each terrace's edge catches the sky.
        c.band(0.0, W as f32, top, move |x| top(x) + 5.0, [190, 220, 230]);
    }
}

/// Rows of solar panels on open ground.
fn solar(c: &mut Canvas) {
    c.sky(0.0, 300.0, [95, 160, 225], [200, 228, 248]);
    c.circle(180.0, 90.0, 50.0, [255, 247, 210]);
    c.sky(300.0, H as f32, [150, 170, 95], [110, 135, 70]);
    for row in 0..4 {
        let y = 320.0 + row as f32 * 78.0;
        let h = 44.0 + row as f32 * 10.0;
        let skew = 30.0 + row as f32 * 8.0;
        let mut x = 40.0 - row as f32 * 30.0;
        let w = 160.0 + row as f32 * 26.0;
        while x < W as f32 {
            let panel = [(x + skew, y), (x + w + skew, y), (x + w, y + h), (x, y + h)];
            c.polygon(&panel, [30, 60, 120]);
            // Cell lines.
            for k in 1..4 {
                let t = k as f32 / 4.0;
                c.line(
                    (x + skew + w * t, y),
                    (x + w * t, y + h),
                    2.0,
                    [120, 160, 210],
                );
            }
            c.line(
                (x + skew / 2.0, y + h / 2.0),
                (x + w + skew / 2.0, y + h / 2.0),
                2.0,
                [120, 160, 210],
            );
            c.rect(
                x + w / 2.0 - 3.0,
                y + h,
                x + w / 2.0 + 3.0,
                y + h + 14.0,
                [90, 90, 90],
            );
            x += w + 30.0;
        }
    }
}

/// Treatment tanks seen from above, joined by pipes.
fn water(c: &mut Canvas) {
    c.sky(0.0, H as f32, [176, 190, 170], [150, 168, 150]);
    c.rect(0.0, 300.0, W as f32, 330.0, [120, 120, 125]);
    c.rect(585.0, 0.0, 615.0, H as f32, [120, 120, 125]);
    for (cx, cy, r) in [
        (300.0, 160.0, 120.0),
        (900.0, 160.0, 120.0),
        (300.0, 470.0, 120.0),
        (900.0, 470.0, 120.0),
    ] {
        c.circle(cx, cy, r + 14.0, [205, 205, 200]);
        c.circle(cx, cy, r, [40, 140, 160]);
        c.circle(cx, cy, r * 0.62, [60, 165, 180]);
        c.circle(cx, cy, r * 0.18, [200, 200, 195]);
        c.line((cx - r, cy), (cx + r, cy), 6.0, [215, 215, 210]);
    }
}

/// A laboratory bench with racks of tubes and flasks.
fn lab(c: &mut Canvas) {
    c.sky(0.0, 420.0, [232, 238, 242], [210, 222, 230]);
    c.rect(0.0, 420.0, W as f32, H as f32, [70, 90, 110]);
    c.rect(0.0, 410.0, W as f32, 425.0, [170, 180, 190]);
    let liquids: [Px; 4] = [
        [220, 60, 80],
        [60, 150, 220],
        [250, 190, 40],
        [90, 190, 120],
    ];
    for i in 0..12 {
        let x = 120.0 + i as f32 * 42.0;
        c.rect(x, 250.0, x + 24.0, 380.0, [245, 248, 250]);
        c.circle(x + 12.0, 380.0, 12.0, [245, 248, 250]);
        c.rect(
            x + 3.0,
            300.0 + (i % 3) as f32 * 15.0,
            x + 21.0,
            380.0,
            liquids[i % 4],
        );
        c.circle(x + 12.0, 380.0, 9.0, liquids[i % 4]);
    }
    c.rect(100.0, 330.0, 640.0, 345.0, [150, 120, 90]);
    c.rect(100.0, 395.0, 640.0, 410.0, [150, 120, 90]);
    for (x, liquid) in [(760.0, liquids[1]), (930.0, liquids[3])] {
        c.polygon(
            &[
                (x + 40.0, 200.0),
                (x + 80.0, 200.0),
                (x + 80.0, 260.0),
                (x + 130.0, 410.0),
                (x - 10.0, 410.0),
                (x + 40.0, 260.0),
            ],
            [245, 248, 250],
        );
        c.polygon(
            &[
                (x + 26.0, 320.0),
                (x + 94.0, 320.0),
                (x + 124.0, 405.0),
                (x - 4.0, 405.0),
            ],
            liquid,
        );
    }
}

/// A city at dusk with its sensors linked.
fn city(c: &mut Canvas) {
    c.sky(0.0, H as f32, [20, 30, 70], [240, 140, 80]);
    let mut rng = Lcg(42);
    let mut x = 0.0;
    let mut roofs = Vec::new();
    while x < W as f32 {
        let w = 50.0 + rng.next() * 70.0;
        let top = 230.0 + rng.next() * 260.0;
        c.rect(x, top, x + w - 6.0, H as f32, [30, 35, 55]);
        let mut wy = top + 14.0;
        while wy < H as f32 - 10.0 {
            let mut wx = x + 8.0;
            while wx < x + w - 18.0 {
                if rng.next() > 0.55 {
                    c.rect(wx, wy, wx + 8.0, wy + 10.0, [250, 215, 120]);
                }
                wx += 16.0;
            }
            wy += 22.0;
        }
        roofs.push((x + w / 2.0, top - 12.0));
        x += w;
    }
    for pair in roofs.windows(2).step_by(2) {
        c.line(pair[0], pair[1], 2.0, [120, 220, 240]);
    }
    for &(x, y) in roofs.iter().step_by(2) {
        c.circle(x, y, 6.0, [140, 235, 250]);
    }
}

/// Partners joined in a network over the sea.
fn network(c: &mut Canvas) {
    c.sky(0.0, H as f32, [30, 90, 150], [20, 60, 110]);
    let land: [Px; 2] = [[70, 140, 100], [90, 155, 110]];
    c.polygon(
        &[
            (0.0, 0.0),
            (520.0, 0.0),
            (470.0, 120.0),
            (380.0, 170.0),
            (250.0, 160.0),
            (120.0, 230.0),
            (0.0, 210.0),
        ],
        land[0],
    );
    c.polygon(
        &[
            (430.0, 250.0),
            (520.0, 230.0),
            (560.0, 330.0),
            (500.0, 460.0),
            (450.0, 380.0),
        ],
        land[1],
    );
    c.polygon(
        &[
            (640.0, 430.0),
            (820.0, 400.0),
            (980.0, 450.0),
            (900.0, 500.0),
            (700.0, 500.0),
        ],
        land[0],
    );
    c.polygon(
        &[
            (900.0, 200.0),
            (980.0, 170.0),
            (1030.0, 260.0),
            (960.0, 330.0),
            (920.0, 280.0),
        ],
        land[1],
    );
    c.polygon(
        &[
            (600.0, 540.0),
            (760.0, 560.0),
            (900.0, 600.0),
            (640.0, 610.0),
        ],
        land[1],
    );
    let hub = (330.0, 110.0);
    let nodes = [
        (480.0, 320.0),
        (520.0, 420.0),
        (760.0, 450.0),
        (950.0, 250.0),
        (820.0, 580.0),
        (640.0, 300.0),
        (1080.0, 420.0),
    ];
    for &n in &nodes {
        c.line(hub, n, 3.0, [250, 200, 90]);
    }
    for w in nodes.windows(2) {
        c.line(w[0], w[1], 2.0, [200, 225, 240]);
    }
    c.circle(hub.0, hub.1, 16.0, [250, 200, 90]);
    for &(x, y) in &nodes {
        c.circle(x, y, 10.0, [255, 255, 255]);
        c.circle(x, y, 6.0, [220, 60, 60]);
    }
}
