//! A private module whose type is re-exported by name: the type's methods are public API, the
//! module's other items are not.

pub struct Handle(u8);

impl Handle {
    /// Makes a handle from a pointer.
    pub unsafe fn from_ptr(p: *const u8) -> Handle { //~ missing-safety-doc
        // SAFETY: the caller passes a valid pointer.
        Handle(unsafe { *p })
    }
}

/// Not re-exported: not public API.
pub unsafe fn helper(p: *const u8) -> u8 {
    // SAFETY: the caller passes a valid pointer.
    unsafe { *p }
}
