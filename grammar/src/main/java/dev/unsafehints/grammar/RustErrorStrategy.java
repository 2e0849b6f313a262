package dev.unsafehints.grammar;

import org.antlr.v4.runtime.DefaultErrorStrategy;

/** Error recovery of the full-LL stage. */
final class RustErrorStrategy extends DefaultErrorStrategy {
}
