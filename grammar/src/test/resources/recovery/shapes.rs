use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    Circle { radius: f64 },
    Rect { w: f64, h: f64 },
    Triangle(f64, f64, f64),
}

pub trait Area {
    fn area(&self) -> f64;
    fn scaled(&self, k: f64) -> f64 {
        self.area() * k * k
    }
}

impl Area for Shape {
    fn area(&self) -> f64 {
        match *self {
            Shape::Circle { radius } => std::f64::consts::PI * radius * radius,
            Shape::Rect { w, h } => w * h,
            Shape::Triangle(a, b, c) => {
                let s = (a + b + c) / 2.0;
                (s * (s - a) * (s - b) * (s - c)).sqrt()
            }
        }
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shape::Circle { .. } => write!(f, "circle"),
            Shape::Rect { .. } => write!(f, "rect"),
            Shape::Triangle(..) => write!(f, "triangle"),
        }
    }
}

pub struct Canvas<'a> {
    shapes: Vec<&'a Shape>,
}

impl<'a> Canvas<'a> {
    pub fn total_area(&self) -> f64 {
        self.shapes.iter().map(|s| s.area()).sum()
    }

    pub fn largest(&self) -> Option<&'a Shape> {
        self.shapes
            .iter()
            .copied()
            .max_by(|a, b| a.area().partial_cmp(&b.area()).unwrap())
    }
}

const UNIT: Shape = Shape::Rect { w: 1.0, h: 1.0 };

static mut DRAWN: usize = 0;

pub fn draw(shape: &Shape) -> String {
    unsafe {
        DRAWN += 1;
    }
    format!("{} with area {:.2}", shape, shape.area())
}
