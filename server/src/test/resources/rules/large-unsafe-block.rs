// An unsafe block whose statements without unsafe operations outnumber its unsafe operations by
// more than the threshold (default 5), reported at its `unsafe`. Statements holding a call the
// analysis cannot resolve are not counted as safe, since they might be unsafe.

pub struct Stats {
    pub min: i64,
    pub max: i64,
    pub sum: i64,
}

pub fn summarise(p: *const i64, stats: &mut Stats) -> i64 {
    // SAFETY: callers pass a pointer to a live value.
    unsafe { //~ large-unsafe-block
        let v = *p;
        let doubled = v * 2;
        let halved = v / 2;
        if v < stats.min {
            stats.min = v;
        }
        if v > stats.max {
            stats.max = v;
        }
        stats.sum += v;
        println!("{doubled} {halved}");
        doubled + halved
    }
}

pub fn two_ops_still_too_much(a: *const u32, b: *const u32) -> u32 {
    // SAFETY: callers pass pointers to live values.
    unsafe { //~ large-unsafe-block
        let x = *a;
        let y = *b;
        let s = x + y;
        let d = if x > y { x - y } else { y - x };
        let m = s % 7;
        let n = d % 5;
        let k = m * n;
        let z = k + 1;
        let w = z * 3;
        w - 1
    }
}

// ok: the unsafe part is small and the safe computation lives outside the block.
pub fn summarise_small(p: *const i64, stats: &mut Stats) -> i64 {
    // SAFETY: callers pass a pointer to a live value.
    let v = unsafe { *p };
    let doubled = v * 2;
    let halved = v / 2;
    stats.min = stats.min.min(v);
    stats.max = stats.max.max(v);
    stats.sum += v;
    doubled + halved
}

// ok: exactly at the threshold (six safe statements, one operation: 6 - 1 = 5).
pub fn at_threshold(p: *const u8) -> u8 {
    // SAFETY: callers pass a pointer to a live byte.
    unsafe {
        let v = *p;
        let a = v / 2;
        let b = v % 2;
        let c = a + b;
        let d = c * 2;
        let e = d + 1;
        e - 1
    }
}

// ok: statements with calls the analysis cannot resolve might be unsafe, so they are not counted.
pub fn opaque_calls(p: *const u8, out: &mut Vec<u8>) {
    // SAFETY: callers pass a pointer to a live byte.
    unsafe {
        let v = *p;
        out.push(v);
        out.push(v.wrapping_add(1));
        out.push(v.wrapping_add(2));
        out.push(v.wrapping_add(3));
        out.push(v.wrapping_add(4));
        out.push(v.wrapping_add(5));
        out.push(v.wrapping_add(6));
        out.sort_unstable();
    }
}
