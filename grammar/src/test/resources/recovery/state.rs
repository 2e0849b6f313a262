use std::collections::HashMap;

#[derive(Default)]
pub struct Machine {
    state: State,
    counts: HashMap<State, u32>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum State {
    #[default]
    Idle,
    Running(u8),
    Done,
}

impl Machine {
    pub fn step(&mut self, input: Option<u8>) -> State {
        let next = match (self.state, input) {
            (State::Idle, Some(n)) if n > 0 => State::Running(n),
            (State::Running(1), _) => State::Done,
            (State::Running(n), _) => State::Running(n - 1),
            (s, None) => s,
            (State::Done, _) => State::Idle,
        };
        *self.counts.entry(next).or_insert(0) += 1;
        self.state = next;
        next
    }

    pub fn run_to_end(&mut self, start: u8) -> usize {
        let mut steps = 0;
        self.step(Some(start));
        while self.state != State::Done {
            self.step(None);
            steps += 1;
            if steps > 1000 {
                break;
            }
        }
        steps
    }
}

pub fn summary(m: &Machine) -> Vec<(State, u32)> {
    let mut v: Vec<_> = m.counts.iter().map(|(s, c)| (*s, *c)).collect();
    v.sort_by_key(|(_, c)| std::cmp::Reverse(*c));
    v
}

mod helpers {
    pub(crate) fn clamp(x: i32, lo: i32, hi: i32) -> i32 {
        if x < lo { lo } else if x > hi { hi } else { x }
    }
}
