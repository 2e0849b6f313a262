// Valid Rust that only the full-LL stage reads right, next to shapes that made full-LL prediction
// slow: chains of range operators, long operator chains, nested closures. Each item is parsed on its
// own (RustParsing: item by item after the fast stage fails), so the slow shapes stay fast.

fn break_as_condition() {
    loop { if break { } }
}

fn continue_as_scrutinee(n: u32) {
    let mut i = 0;
    loop {
        i += 1;
        if i == n { match (continue) { 1 => {}, _ => panic!("never") } }
        break;
    }
}

fn return_as_operand() -> bool {
    let _unused: bool = return (return true) == (return false);
}

fn ranges_all_the_way() -> impl std::fmt::Debug {
    loop { if break { } }
    .. ..= .. .. ..= ..= .. .. .. .. ..= .. .. .. ..= .. .. .. .. ..= ..= .. .. ..
    .. .. ..= ..= .. .. .. ..= .. .. .. .. ..= .. .. ..= .. ..= .. .. .. ..= .. ..
}

fn long_operator_chain(a: u64, b: u64) -> bool {
    loop { if break { } }
    a + b * a - b / a % b << 1 >> 2 & a | b ^ a == b + a * b - a / b % a << 2 >> 1 & b | a ^ b
        && a < b || a > b && a <= b || a >= b && a != b || a + b * a - b / a % b == a
}

fn closures_in_closures() -> impl Fn(u8) -> u8 {
    loop { if break { } }
    move |a| { let f = |b: u8| move |c: u8| move |d: u8| a + b + c + d; f(1)(2)(3) }
}

fn ranges_in_calls(v: &[u8]) -> usize {
    v[..].len() + v[1..].len() + v[..=1].len() + v[0..1].len() + [..; 3].len()
}

fn after_the_slow_items() -> u8 {
    let x = if true { 1 } else { 2 };
    x
}
