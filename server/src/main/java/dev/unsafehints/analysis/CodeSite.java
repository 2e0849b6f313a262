package dev.unsafehints.analysis;

import dev.unsafehints.text.TextRange;

/**
 * A place in the code that a guideline rule judges, as the facts walk found it: what is written
 * there and what the walk's scopes and types know of it, without words. The rule that reads a
 * kind of site decides whether to report it, and writes the message and the fix; the walk only
 * records the sites that need its context to be recognised at all (a pointer's mutability, a local's
 * declared type, whether an expression is a place).
 */
public sealed interface CodeSite {
    /** Where a finding on the site points. */
    TextRange range();

    /**
     * `p as *const U` (or `p as _` where a pointer is expected) between raw pointers of the same
     * mutability, to a sized pointee.
     *
     * @param range     the cast, with the parentheses around it
     * @param castRange the cast alone (what a rewrite replaces)
     * @param receiver  the text a method on the pointer is called on (`p`, `(&raw mut x)`), parenthesised
     *                  where a method call would bind to a part of it
     * @param pointee   the target pointee as written, or empty when the compiler infers it
     */
    record SameMutabilityCast(TextRange range, TextRange castRange, String receiver, String pointee)
            implements CodeSite {
    }

    /**
     * `p as *mut T` where `p` is a `*const T` (or the reverse): the pointee stays, only the
     * mutability changes.
     *
     * @param toMut whether the cast is to `*mut`
     */
    record MutabilityOnlyCast(TextRange range, TextRange castRange, String receiver, boolean toMut)
            implements CodeSite {
    }

    /**
     * `&place as *const T` or `&mut place as *mut T` (not an unsizing cast): a reference made only to
     * become a pointer.
     *
     * @param place        the borrowed place's text
     * @param mutable      whether the borrow (and the pointer) is `mut`
     * @param rewriteRange what `&raw const place` replaces: the whole cast when its type only restates
     *                     the place's, else the borrow
     */
    record BorrowCast(TextRange range, String place, boolean mutable, TextRange rewriteRange) implements CodeSite {
    }

    /** `&place` (or `&mut place`) where a raw pointer of that mutability is expected: an implicit borrow-as-pointer. */
    record BorrowCoercion(TextRange range, String place, boolean mutable) implements CodeSite {
    }

    /**
     * `&x as *mut T`, a shared borrow cast straight to a mutable pointer (E0606).
     *
     * @param borrowRange the `&x`
     * @param ofPlace     whether `x` is a place `&raw mut` can take
     */
    record SharedBorrowAsMut(TextRange range, String place, TextRange borrowRange, boolean ofPlace) implements CodeSite {
    }

    /** `&x as *const T as *mut T`: a mutable pointer from a shared borrow, through a `*const`. */
    record SharedBorrowThroughConst(TextRange range, String borrow) implements CodeSite {
    }

    /**
     * `v.as_ptr() as *mut T` on a slice, array, `Vec`, `String` or `str`, whose `as_ptr` points for
     * reading only.
     *
     * @param methodRange the method's name `as_ptr`
     */
    record ReadOnlyPointerAsMut(TextRange range, TextRange methodRange) implements CodeSite {
    }

    /** A call that resolves to `mem::uninitialized`. */
    record UninitializedCall(TextRange range) implements CodeSite {
    }

    /**
     * An attribute that edition 2024 requires inside `unsafe(...)` (`no_mangle`, `export_name`,
     * `link_section`), written without it in a 2024 crate.
     *
     * @param name the attribute's path
     * @param text the attribute's text inside `#[...]`
     */
    record BareUnsafeAttribute(TextRange range, String name, String text) implements CodeSite {
    }

    /**
     * A reference taken to a {@code static mut}: a borrow ({@code &S}, {@code &mut S}) or a method
     * that takes {@code &self} or {@code &mut self} ({@code S.push(x)}).
     *
     * @param range          the borrow, or the method call
     * @param staticName     the static's name
     * @param method         the method that takes the reference, or empty for a borrow
     * @param borrowOperator for a borrow, the {@code &} or {@code &mut } in front of the static (what a
     *                       rewrite to a raw borrow replaces); null for a method
     * @param mutable        for a borrow, whether it is {@code &mut}
     */
    record StaticMutReference(TextRange range, String staticName, String method, TextRange borrowOperator,
                              boolean mutable) implements CodeSite {
    }
}
