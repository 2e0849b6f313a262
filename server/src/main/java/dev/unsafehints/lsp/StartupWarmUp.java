package dev.unsafehints.lsp;

import dev.unsafehints.analysis.AnalysisSettings;
import dev.unsafehints.engine.Analyzer;
import dev.unsafehints.workspace.CrateInfo;
import dev.unsafehints.workspace.SourceDocument;
import dev.unsafehints.workspace.WorkspaceIndex;
import java.nio.file.Path;

/**
 * Readies the analysis while the server connects to its client: on a thread of its own, it
 * analyses a small Rust sample once, so that the grammar's and the rules' classes are loaded, the parser's
 * serialized ATN is read and its prediction cache (one per grammar, shared by every parser)
 * already knows the common constructs when the editor's first document arrives; the JVM reads
 * LSP4J's classes and waits for the client's {@code initialize} meanwhile. It publishes nothing and touches no state
 * of the server: the sample's findings are dropped.
 */
public final class StartupWarmUp {
    /** Items, attributes, generics, raw pointers, casts, macros and method chains, as library code writes them. */
    private static final String SAMPLE = """
            //! A sample that exercises the common syntax once.
            #![allow(dead_code)]
            use core::ptr::{self, NonNull};

            /// A raw buffer.
            #[derive(Debug, Clone, Copy)]
            #[repr(C)]
            pub struct Raw<T: ?Sized> {
                ptr: *mut T,
                len: usize,
            }

            extern "C" {
                fn memchr(s: *const u8, c: i32, n: usize) -> *const u8;
            }

            static mut COUNT: usize = 0;

            impl<T> Raw<T> {
                /// Reads the element at `i`.
                ///
                /// # Safety
                /// `i` must be in bounds.
                #[inline]
                #[must_use]
                pub const unsafe fn get(&self, i: usize) -> &T {
                    // SAFETY: the caller keeps `i` in bounds.
                    unsafe { &*self.ptr.add(i) }
                }

                pub fn first(&self) -> Option<&T> where T: Sized {
                    if self.len == 0 {
                        return None;
                    }
                    debug_assert!(!self.ptr.is_null(), "null pointer");
                    unsafe {
                        COUNT += 1;
                        let p = NonNull::new(self.ptr as *mut T)?;
                        Some(p.as_ref())
                    }
                }
            }

            unsafe impl<T: Send> Send for Raw<T> {}

            pub trait Visit {
                unsafe fn visit(&mut self, at: *const u8) -> bool;
            }

            pub fn find(hay: &[u8], c: u8) -> Option<usize> {
                let found = unsafe { memchr(hay.as_ptr(), c as i32, hay.len()) };
                match found {
                    p if p.is_null() => None,
                    p => Some(p as usize - hay.as_ptr() as usize),
                }
            }

            pub fn copy(src: &[u32], dst: &mut [u32]) {
                let n = src.len().min(dst.len());
                unsafe { ptr::copy_nonoverlapping(src.as_ptr(), dst.as_mut_ptr(), n) };
                let total: u32 = dst.iter().map(|x| x.wrapping_mul(2)).filter(|&x| x > 1).sum();
                let _ = core::mem::transmute::<u32, f32>;
                let _ = total;
            }

            macro_rules! impl_len {
                ($($t:ty),*) => { $(impl Len for $t { fn len(&self) -> usize { 0 } })* };
            }
            """;

    private StartupWarmUp() {
    }

    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Starts the warm-up on a daemon thread, once per JVM, and returns at once
     * ({@code -Dunsafehints.warmUp=false}: not at all, to measure it). Called once the server
     * object exists, so this thread and the one constructing the server never initialise the
     * analysis classes at the same time; LSP4J's classes, which the starting thread loads
     * meanwhile, are no concern of the analysis.
     */
    static void begin() {
        if (!Boolean.parseBoolean(System.getProperty("unsafehints.warmUp", "true")) || !STARTED.compareAndSet(false, true)) {
            return;
        }
        DaemonThreads.deepStack("unsafe-hints-warm-up").newThread(StartupWarmUp::run).start();
    }

    static void run() {
        try {
            new Analyzer().keepingCodeTokens().keepingDeclarations().analyze(
                    new SourceDocument(Path.of("warm-up.rs"), SAMPLE, CrateInfo.NONE), AnalysisSettings.DEFAULT,
                    new WorkspaceIndex());
        } catch (RuntimeException | StackOverflowError e) {
            // a warm-up that fails only leaves the first analysis as cold as it was
        }
    }
}
