package dev.unsafehints.macros;

import java.util.List;

/** One `(matcher) => { transcriber }` arm of a `macro_rules!` definition. */
record MacroRule(List<Matcher> matcher, List<Transcriber> transcriber) {
}
