//! Page geometry: paper sizes, margins and the boxes sections are placed in. Every position on
//! the page is computed from the paper size and the measured height of what goes there, never
//! hard-coded per paper size (US Letter is shorter and wider than A4).

use crate::settings::PaperSize;

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;

/// A box on the page, in points from the top-left corner (y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl Rect {
    /// A box from its left, top, width and height.
    pub const fn new(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }

    /// The right edge.
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    /// The bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// The box shrunk by `dx` on the left and right and `dy` at the top and bottom.
    pub fn inset(&self, dx: f32, dy: f32) -> Rect {
        Rect::new(
            self.x + dx,
            self.y + dy,
            (self.w - 2.0 * dx).max(0.0),
            (self.h - 2.0 * dy).max(0.0),
        )
    }

    /// The top `h` points of the box, and the rest below a gap of `gap`.
    pub fn split_top(&self, h: f32, gap: f32) -> (Rect, Rect) {
        let h = h.clamp(0.0, self.h);
        let rest = (self.h - h - gap).max(0.0);
        (
            Rect::new(self.x, self.y, self.w, h),
            Rect::new(self.x, self.y + h + gap, self.w, rest),
        )
    }

    /// The bottom `h` points of the box, and the rest above a gap of `gap`.
    pub fn split_bottom(&self, h: f32, gap: f32) -> (Rect, Rect) {
        let h = h.clamp(0.0, self.h);
        let rest = (self.h - h - gap).max(0.0);
        (
            Rect::new(self.x, self.bottom() - h, self.w, h),
            Rect::new(self.x, self.y, self.w, rest),
        )
    }

    /// The box cut into columns with `gap` between them, their widths in proportion to
    /// `weights`.
    pub fn columns(&self, weights: &[f32], gap: f32) -> Vec<Rect> {
        let total: f32 = weights.iter().sum();
        let gaps = gap * weights.len().saturating_sub(1) as f32;
        let room = (self.w - gaps).max(0.0);
        let mut x = self.x;
        weights
            .iter()
            .map(|wt| {
                let w = if total > 0.0 { room * wt / total } else { 0.0 };
                let r = Rect::new(x, self.y, w, self.h);
                x += w + gap;
                r
            })
            .collect()
    }

    /// The same box with another height.
    pub fn with_height(&self, h: f32) -> Rect {
        Rect::new(self.x, self.y, self.w, h.max(0.0))
    }
}

/// The page and its printable area.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// The area inside the margins.
    pub body: Rect,
}

impl Page {
    /// The page for a paper size, with 12 mm margins.
    pub fn for_paper(paper: PaperSize) -> Page {
        let (width, height) = match paper {
            PaperSize::A4 => (210.0 * MM, 297.0 * MM),
            PaperSize::Letter => (8.5 * 72.0, 11.0 * 72.0),
        };
        let margin = 12.0 * MM;
        Page {
            width,
            height,
            body: Rect::new(margin, margin, width - 2.0 * margin, height - 2.0 * margin),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_sizes() {
        let a4 = Page::for_paper(PaperSize::A4);
        assert!((a4.width - 595.28).abs() < 0.01 && (a4.height - 841.89).abs() < 0.01);
        let letter = Page::for_paper(PaperSize::Letter);
        assert_eq!((letter.width, letter.height), (612.0, 792.0));
        assert!(letter.body.w > a4.body.w && letter.body.h < a4.body.h);
    }

    #[test]
    fn splits_and_columns_stay_inside() {
        let r = Rect::new(10.0, 20.0, 100.0, 50.0);
        let (top, rest) = r.split_top(20.0, 5.0);
        assert_eq!(top, Rect::new(10.0, 20.0, 100.0, 20.0));
        assert_eq!(rest, Rect::new(10.0, 45.0, 100.0, 25.0));
        let (bottom, above) = r.split_bottom(10.0, 2.0);
        assert_eq!(bottom.bottom(), r.bottom());
        assert_eq!(above.h, 38.0);
        let cols = r.columns(&[1.0, 1.0, 2.0], 4.0);
        assert_eq!(cols.len(), 3);
        assert!((cols[2].right() - r.right()).abs() < 0.001);
        assert!((cols[0].w - 23.0).abs() < 0.001);
    }
}
