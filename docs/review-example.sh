#!/usr/bin/env bash
# Reproduces the worked example of docs/review.md: copies smallvec 1.9.0 from the Debian cargo
# registry into a new git repository, makes the two changes, reviews, approves, and writes every
# output to WORKDIR/out. Usage: docs/review-example.sh [WORKDIR]  (default /tmp/unsafe-review-example)
set -u
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
J="$root/unsafe-hints"
work="${1:-/tmp/unsafe-review-example}"
O="$work/out"; rm -rf "$work"; mkdir -p "$O"
cp -r /usr/share/cargo/registry/smallvec-1.9.0 "$work/smallvec" && cd "$work/smallvec"
rm -f .cargo-checksum.json
git init -q -b main && git add -A
git -c user.name=Demo -c user.email=demo@example.org commit -qm "smallvec 1.9.0"
git checkout -qb tighten-set-len
python3 - <<'PY'
p='src/lib.rs'; s=open(p).read()
old='''    /// vector is actually the specified size.
    pub unsafe fn set_len(&mut self, new_len: usize) {
        let (_, len_ptr, _) = self.triple_mut();'''
new='''    /// vector is actually the specified size.
    ///
    /// # Safety
    ///
    /// `new_len` must be at most `self.capacity()`, and the first `new_len`
    /// elements must be initialized.
    pub unsafe fn set_len(&mut self, new_len: usize) {
        debug_assert!(new_len <= self.capacity());
        let (_, len_ptr, _) = self.triple_mut();'''
assert old in s; s=s.replace(old,new)
old='''    pub fn insert(&mut self, index: usize, element: A::Item) {
        self.reserve(1);
'''
new='''    pub fn insert(&mut self, index: usize, element: A::Item) {
        if self.len() == self.capacity() {
            self.reserve(1);
        }
'''
assert old in s; s=s.replace(old,new)
open(p,'w').write(s)
PY
git diff > $O/step1.diff
$J review --color never > $O/step1.txt; echo "exit $?" >> $O/step1.txt
$J review --format markdown > $O/step1.md
python3 - <<'PY'
p='src/lib.rs'; s=open(p).read()
old='''        unsafe {
            let (mut ptr, len_ptr, _) = self.triple_mut();
            let len = *len_ptr;
            ptr = ptr.add(index);
            if index < len {
                ptr::copy(ptr, ptr.add(1), len - index);
            } else if index == len {
                // No elements need shifting.
            } else {
                panic!("index exceeds length");
            }
            *len_ptr = len + 1;
            ptr::write(ptr, element);
        }'''
new='''        let (mut ptr, len_ptr, _) = self.triple_mut();
        let len = *len_ptr;
        assert!(index <= len, "index exceeds length");
        // SAFETY: `index <= len < capacity` (the reserve above leaves room for one more
        // element), so `ptr.add(index)` and `ptr.add(index + 1)` stay inside the buffer,
        // which is aligned for `A::Item`. The `len - index` elements from `index` are
        // initialized; `ptr::copy` moves them up by one (the regions may overlap), and
        // `ptr::write` fills the vacated slot without dropping the moved-out bit copy.
        unsafe {
            ptr = ptr.add(index);
            if index < len {
                ptr::copy(ptr, ptr.add(1), len - index);
            }
            *len_ptr = len + 1;
            ptr::write(ptr, element);
        }'''
assert old in s; s=s.replace(old,new)
open(p,'w').write(s)
PY
git diff > $O/step2.diff
$J review --color never > $O/step2.txt; echo "exit $?" >> $O/step2.txt
$J review --approve src/lib.rs:SmallVec::insert:unsafe-block#1 --by "Ana Reviewer" \
   --note "index <= len is asserted before ptr.add; reserve leaves capacity > len; copy handles the overlap; write fills the vacated slot" > $O/approve.txt
$J review --approve d27d61c1 --by "Ana Reviewer" \
   --note "contract matches Vec::set_len; the body only stores the length, callers uphold the rest" >> $O/approve.txt
cp unsafe-review.toml $O/ledger.toml
$J review --fail-on-unreviewed --color never > $O/step3.txt; echo "exit $?" >> $O/step3.txt
git add -A && git -c user.name=Ana -c user.email=ana@example.org commit -qm "set_len contract, insert bounds check"
python3 - <<'PY'
p='src/lib.rs'; s=open(p).read()
s=s.replace("        debug_assert!(new_len <= self.capacity());\n","",1)
open(p,'w').write(s)
PY
$J review --fail-on-unreviewed --color never > $O/step4.txt; echo "exit $?" >> $O/step4.txt
$J review --format sarif > $O/step4.sarif
$J review --format json > $O/step4.json
