// Parses every .rs file under the given folders with syn and visits each tree, counting unsafe blocks.
use std::path::Path;
use syn::visit::Visit;

struct Count(usize);
impl<'ast> Visit<'ast> for Count {
    fn visit_expr_unsafe(&mut self, e: &'ast syn::ExprUnsafe) {
        self.0 += 1;
        syn::visit::visit_expr_unsafe(self, e);
    }
}

fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() { walk(&p, files); } else if p.extension().map_or(false, |x| x == "rs") { files.push(p); }
        }
    }
}

fn main() {
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) { walk(Path::new(&arg), &mut files); }
    let (mut ok, mut bad, mut count) = (0, 0, Count(0));
    for f in &files {
        let text = match std::fs::read_to_string(f) { Ok(t) => t, Err(_) => continue };
        match syn::parse_file(&text) { Ok(tree) => { count.visit_file(&tree); ok += 1 } Err(_) => bad += 1 }
    }
    println!("files={} parsed={} rejected={} unsafe_blocks={}", files.len(), ok, bad, count.0);
}
