// A public `unsafe fn` or `unsafe trait` whose doc comment has no `# Safety` section (a heading
// of any level, any case). Reported where the item starts after its attributes (at `pub`).

/// Reads a byte.
pub unsafe fn undocumented_contract(p: *const u8) -> u8 { //~ missing-safety-doc
    // SAFETY: the caller guarantees `p` is valid (but the docs never say so).
    unsafe { *p }
}

#[inline]
#[must_use]
pub unsafe fn no_docs_at_all(p: *const u8) -> u8 { //~ missing-safety-doc
    // SAFETY: the caller guarantees `p` is valid.
    unsafe { *p }
}

/// Reads a byte.
///
/// # Safety
///
/// `p` must be non-null, aligned, and point to an initialized byte that nobody writes meanwhile.
pub unsafe fn documented(p: *const u8) -> u8 {
    // SAFETY: the caller upholds the contract in `# Safety`.
    unsafe { *p }
}

/// ## SAFETY
/// Any heading level and any case are accepted: `len` must not exceed the capacity.
pub unsafe fn other_heading(v: &mut Vec<u8>, len: usize) {
    // SAFETY: the caller upholds the contract above.
    unsafe { v.set_len(len) }
}

/// Writes the length.
///
/// # Implementation safety
///
/// A heading that contains "safety" counts: `len` must not exceed the capacity.
pub unsafe fn heading_containing_safety(v: &mut Vec<u8>, len: usize) {
    // SAFETY: the caller upholds the contract above.
    unsafe { v.set_len(len) }
}

/// Writes the length; a word "safety" outside a heading is no section.
///
/// This is about memory safety.
pub unsafe fn safety_outside_heading(v: &mut Vec<u8>, len: usize) { //~ missing-safety-doc
    // SAFETY: the caller guarantees `len` is in bounds.
    unsafe { v.set_len(len) }
}

#[doc = "Frees a buffer made by `Box::into_raw`."]
#[doc = ""]
#[doc = "# Safety"]
#[doc = ""]
#[doc = "`p` must come from `Box::into_raw` and not have been freed yet."]
pub unsafe fn via_doc_attributes(p: *mut u8) {
    // SAFETY: the caller guarantees `p` came from `Box::into_raw`.
    drop(unsafe { Box::from_raw(p) });
}

// ok: an attribute above the doc comment (as on the standard library's `Vec::from_parts`) does not
// hide its `# Safety` section, nor do attributes between doc lines.
#[doc(alias = "from_pointer")]
/// Reads a byte.
///
/// # Safety
///
/// `p` must be non-null, aligned and point to an initialized byte.
pub unsafe fn alias_above_docs(p: *const u8) -> u8 {
    // SAFETY: the caller upholds the contract in `# Safety`.
    unsafe { *p }
}

#[inline]
/// Reads a byte.
#[must_use]
/// # Safety
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
/// `p` must be non-null, aligned and point to an initialized byte.
pub unsafe fn attributes_between_doc_lines(p: *const u8) -> u8 {
    // SAFETY: the caller upholds the contract in `# Safety`.
    unsafe { *p }
}

/// Reads a byte.
#[doc = "# Safety"]
#[doc = "`p` must be non-null, aligned and point to an initialized byte."]
pub unsafe fn doc_comment_then_doc_attributes(p: *const u8) -> u8 {
    // SAFETY: the caller upholds the contract in `# Safety`.
    unsafe { *p }
}

#[inline]
/// Reads a byte; the attribute above says nothing of its contract.
pub unsafe fn attribute_above_docs_without_section(p: *const u8) -> u8 { //~ missing-safety-doc
    // SAFETY: the caller guarantees `p` is valid.
    unsafe { *p }
}

pub struct Ring {
    slots: Vec<u32>,
}

impl Ring {
    pub unsafe fn slot_unchecked(&self, i: usize) -> u32 { //~ missing-safety-doc
        // SAFETY: the caller guarantees `i < slots.len()`.
        unsafe { *self.slots.get_unchecked(i) }
    }

    // ok: not public, so its contract is for this module only.
    unsafe fn private_slot(&self, i: usize) -> u32 {
        // SAFETY: callers in this module keep `i` in bounds.
        unsafe { *self.slots.get_unchecked(i) }
    }

    pub fn first(&self) -> u32 {
        // SAFETY: index 0 is checked against the length first.
        if self.slots.is_empty() { 0 } else { unsafe { self.private_slot(0) } }
    }
}

/// Types that can be zero-initialised.
pub unsafe trait Zeroable {} //~ missing-safety-doc

/// Types whose bytes may be viewed as a byte slice.
///
/// # Safety
///
/// The type must have no padding and no interior mutability.
pub unsafe trait AsBytes {}

pub trait Device {
    /// Writes a register.
    unsafe fn poke(&self, offset: usize, value: u32); //~ missing-safety-doc

    /// Reads a register.
    ///
    /// # Safety
    ///
    /// `offset` must be a register of the device.
    unsafe fn peek(&self, offset: usize) -> u32;
}

pub struct Uart;

// ok: a trait impl's method inherits the contract documented on the trait.
impl Device for Uart {
    unsafe fn poke(&self, _offset: usize, _value: u32) {}
    unsafe fn peek(&self, _offset: usize) -> u32 {
        0
    }
}

// ok: crate-visible or private items are not public API.
pub(crate) unsafe fn crate_only(p: *const u8) -> u8 {
    // SAFETY: crate callers pass valid pointers.
    unsafe { *p }
}

unsafe fn private(p: *const u8) -> u8 {
    // SAFETY: module callers pass valid pointers.
    unsafe { *p }
}

// ok: foreign functions are declared, their contract is the C library's.
extern "C" {
    pub fn abs(x: i32) -> i32;
}

// ok: a public safe fn needs no `# Safety` section.
pub fn safe(p: &u8) -> u8 {
    // SAFETY: `p` is a reference, so the pointer made from it is valid.
    unsafe { private(p) + crate_only(p) }
}

mod private {
    // ok: not reachable from outside the crate, so clippy does not ask for a `# Safety` section.
    pub unsafe fn hidden(p: *const u8) -> u8 {
        unsafe { *p }
    }
}

// The nearest lint level wins, as in rustc: a `warn` inside an `allow` re-enables the rule.
#[allow(clippy::missing_safety_doc)]
pub mod allowed {
    // ok: silenced by the module's `allow`.
    pub unsafe fn silenced(p: *const u8) -> u8 {
        // SAFETY: the caller passes a valid pointer.
        unsafe { *p }
    }

    #[warn(clippy::missing_safety_doc)]
    pub unsafe fn re_enabled(p: *const u8) -> u8 { //~ missing-safety-doc
        // SAFETY: the caller passes a valid pointer.
        unsafe { *p }
    }
}

// Reachability: clippy asks for a `# Safety` section on exported items only. A private module's
// item is exported when it is re-exported by name, or with its module (`pub use m;`, `pub use m::*;`).
mod reexported_by_name {
    pub unsafe fn named(p: *const u8) -> u8 { //~ missing-safety-doc
        // SAFETY: the caller passes a valid pointer.
        unsafe { *p }
    }

    // ok: the `pub use` below names another item of this private module.
    pub unsafe fn not_named(p: *const u8) -> u8 {
        // SAFETY: the caller passes a valid pointer.
        unsafe { *p }
    }
}

pub use reexported_by_name::named;

mod reexported_whole {
    pub unsafe fn globbed(p: *const u8) -> u8 { //~ missing-safety-doc
        // SAFETY: the caller passes a valid pointer.
        unsafe { *p }
    }
}

pub use self::reexported_whole::*;

mod only_a_type_reexported {
    pub struct Handle;

    // ok: only `Handle` leaves the module.
    pub unsafe fn not_reexported(p: *const u8) -> u8 {
        // SAFETY: the caller passes a valid pointer.
        unsafe { *p }
    }

    pub unsafe trait Marker { //~ missing-safety-doc
        // The items of a re-exported trait are public API too.
        unsafe fn mark(&self); //~ missing-safety-doc
    }

    impl Handle {
        // The methods of a re-exported type are public API.
        pub unsafe fn from_raw(p: *const u8) -> Handle { //~ missing-safety-doc
            // SAFETY: the caller passes a valid pointer.
            let _ = unsafe { *p };
            Handle
        }
    }
}

pub use crate::only_a_type_reexported::{Handle, Marker};

// ok: `#[doc(hidden)]` items and modules are not public API.
#[doc(hidden)]
pub mod hidden_module {
    pub unsafe fn in_hidden_module(p: *const u8) -> u8 {
        // SAFETY: the caller passes a valid pointer.
        unsafe { *p }
    }
}

#[doc(hidden)]
pub unsafe fn hidden_fn(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    unsafe { *p }
}

// An unsafe fn that a crate macro writes is public API like any other: reported at the call.
// Doc comments passed in the call are the item's docs, as rustc reads them.
macro_rules! very_unsafe {
    () => {
        pub unsafe fn whee() {}
    };
}

very_unsafe!(); //~ missing-safety-doc

macro_rules! with_docs {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        pub unsafe fn $name() {}
    };
}

with_docs! {
    /// Does nothing.
    ///
    /// # Safety
    ///
    /// None needed; it is an example.
    documented
}

// Doc comments in the macro's text are the docs of the item it writes.
macro_rules! documented_in_the_macro {
    ($name:ident) => {
        /// Reads nothing.
        ///
        /// # Safety
        ///
        /// None needed; it is an example.
        pub unsafe fn $name() {}
    };
}

documented_in_the_macro!(also_documented);
