// Each `as` cast here changes only the mutability; the fix must compile wherever it stands.
pub struct Node {
    next: *const Node,
}

pub fn samples(p: *const u8, q: *mut u8, n: &Node, r: &u32) -> usize {
    let a = p as *mut u8;
    let b = q as *const u8;
    let c = n.next as *mut Node;
    let d = r as *const u32 as *mut u32;
    let e = (p as *mut u8).wrapping_add(1);
    let f: *mut u8 = p as *mut _;
    let g = p as MutBytes;
    let h = (q as ConstBytes).wrapping_add(1);
    let i = p as <Node as Link>::Out;
    a as usize + b as usize + c as usize + d as usize + e as usize + f as usize + g as usize + h as usize + i as usize
}

// the target type through an alias and an associated type: the fix gives the same type
pub type MutBytes = *mut u8;
pub type ConstBytes = *const u8;

pub trait Link {
    type Out;
}

impl Link for Node {
    type Out = *mut u8;
}
