package dev.unsafehints.macros;

/** Why a macro call could not be expanded, in words for the user (the call is then left as tokens). */
public final class ExpansionException extends RuntimeException {
    public ExpansionException(String message) {
        super(message, null, false, false); // an expected outcome: no stack trace to fill
    }
}
