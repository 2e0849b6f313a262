//! syn-pass ROOT [THREADS]: parses every `.rs` file under ROOT with syn, visits each tree for
//! unsafe code (blocks, functions, impls, traits, extern blocks; what cargo-geiger counts), and
//! prints one line: files, bytes, the files syn rejected, the counts and the wall time.
//! THREADS (default: the machine's cores) share the files, as `unsafe-hints scan` does.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;
use syn::visit::{self, Visit};

#[derive(Default, Clone, Copy)]
struct Counts {
    blocks: u64,
    fns: u64,
    impls: u64,
    traits: u64,
    extern_blocks: u64,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.blocks += other.blocks;
        self.fns += other.fns;
        self.impls += other.impls;
        self.traits += other.traits;
        self.extern_blocks += other.extern_blocks;
    }
}

struct UnsafeVisitor {
    counts: Counts,
}

impl<'ast> Visit<'ast> for UnsafeVisitor {
    fn visit_expr_unsafe(&mut self, node: &'ast syn::ExprUnsafe) {
        self.counts.blocks += 1;
        visit::visit_expr_unsafe(self, node);
    }
    fn visit_signature(&mut self, node: &'ast syn::Signature) {
        if node.unsafety.is_some() {
            self.counts.fns += 1;
        }
        visit::visit_signature(self, node);
    }
    fn visit_item_impl(&mut self, node: &'ast syn::ItemImpl) {
        if node.unsafety.is_some() {
            self.counts.impls += 1;
        }
        visit::visit_item_impl(self, node);
    }
    fn visit_item_trait(&mut self, node: &'ast syn::ItemTrait) {
        if node.unsafety.is_some() {
            self.counts.traits += 1;
        }
        visit::visit_item_trait(self, node);
    }
    fn visit_item_foreign_mod(&mut self, node: &'ast syn::ItemForeignMod) {
        self.counts.extern_blocks += 1;
        visit::visit_item_foreign_mod(self, node);
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            rust_files(&path, out);
        } else if kind.is_file() && path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(root) = args.get(1) else {
        eprintln!("usage: syn-pass ROOT [THREADS]");
        std::process::exit(2);
    };
    let threads = args
        .get(2)
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let start = Instant::now();
    let mut files = Vec::new();
    rust_files(Path::new(root), &mut files);
    let next = AtomicUsize::new(0);
    let total = Mutex::new((Counts::default(), 0u64, 0u64)); // counts, bytes, rejected files
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut counts = Counts::default();
                let (mut bytes, mut rejected) = (0u64, 0u64);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(i) else { break };
                    let Ok(raw) = std::fs::read(file) else { continue };
                    bytes += raw.len() as u64;
                    let text = String::from_utf8_lossy(&raw);
                    match syn::parse_file(&text) {
                        Ok(tree) => {
                            let mut visitor = UnsafeVisitor { counts: Counts::default() };
                            visitor.visit_file(&tree);
                            counts.add(visitor.counts);
                        }
                        Err(_) => rejected += 1,
                    }
                }
                let mut total = total.lock().unwrap();
                total.0.add(counts);
                total.1 += bytes;
                total.2 += rejected;
            });
        }
    });
    let (counts, bytes, rejected) = *total.lock().unwrap();
    println!(
        "files={} bytes={} rejected={} threads={} unsafe_blocks={} unsafe_fns={} unsafe_impls={} unsafe_traits={} extern_blocks={} seconds={:.3}",
        files.len(), bytes, rejected, threads, counts.blocks, counts.fns, counts.impls, counts.traits,
        counts.extern_blocks, start.elapsed().as_secs_f64()
    );
}
