package dev.unsafehints.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unsafehints.grammar.Edition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Item paths and cfg attribution from tokens; each marker comment names the expected answer. */
class ItemScopesTest {
    private static final String SOURCE = """
            #![cfg(unix)]
            mod outer {
                pub struct Buf { ptr: *mut u8 }
                impl<T: Copy> Drop for Vec<T> where T: Send {
                    fn drop(&mut self) {
                        unsafe { free(self.ptr) } // @1
                    }
                }
                #[cfg(test)]
                mod tests {
                    #[test]
                    fn reads() { unsafe { read() } } // @2
                }
                pub unsafe fn plain() -> impl Fn() { || unsafe { x() } } // @3
                fn stmt() {
                    #[cfg(feature = "fast")]
                    let y = unsafe { fast() }; // @4
                    let z = unsafe { slow() }; // @5
                }
                #[cfg(all(test, feature = "std"))]
                mod std_tests;
                static TABLE: [u8; 2] = unsafe { make() }; // @6
                impl<T, const N: usize> Array for [T; N] {
                    fn len(&self) -> usize { unsafe { n() } } // @7
                }
                impl Pair for (u8, *mut u8) {
                    fn first(&self) -> u8 { unsafe { f() } } // @8
                }
            }
            """;

    private static ItemScopes.Enclosing at(String marker) {
        int line = SOURCE.indexOf("// " + marker);
        int offset = SOURCE.lastIndexOf("unsafe", line);
        return ItemScopes.of(SOURCE, Edition.E2021).at(offset);
    }

    @Test
    void itemPathsNameModulesImplsAndFunctions() {
        assertEquals("outer::impl Drop for Vec<T>::drop", at("@1").itemPath());
        assertEquals("outer::tests::reads", at("@2").itemPath());
        assertEquals("outer::plain", at("@3").itemPath(), "`impl Fn()` in a return type is not an impl block");
        assertEquals("outer::stmt", at("@5").itemPath());
        assertEquals("outer::TABLE", at("@6").itemPath());
        assertEquals("outer::impl Array for [T; N]::len", at("@7").itemPath(), "the `;` of an array type is the type's");
        assertEquals("outer::impl Pair for (u8, *mut u8)::first", at("@8").itemPath());
    }

    @Test
    void cfgConditionsAccumulateFromFileToStatement() {
        assertEquals(List.of("unix"), at("@1").cfg());
        assertEquals(List.of("unix", "test"), at("@2").cfg());
        assertEquals(List.of("unix", "feature = \"fast\""), at("@4").cfg());
        assertEquals(List.of("unix"), at("@5").cfg(), "the attribute ends with its statement");
    }

    @Test
    void testOnlyMeansTestIsRequired() {
        assertTrue(ItemScopes.isTestOnly(List.of("test")));
        assertTrue(ItemScopes.isTestOnly(List.of("unix", "all(test, feature = \"std\")")));
        assertFalse(ItemScopes.isTestOnly(List.of("not(test)")));
        assertFalse(ItemScopes.isTestOnly(List.of("any(test, doc)")));
        assertFalse(ItemScopes.isTestOnly(List.of("debug_assertions")));
    }

    @Test
    void outOfLineModulesKeepTheirConditions() {
        Map<String, List<String>> modules = ItemScopes.of(SOURCE, Edition.E2021).guardedModules();
        assertEquals(List.of("all(test, feature = \"std\")"), modules.get("std_tests"));
    }

    @Test
    void manyItemsKeepTheirEnclosingModulesAndConditions() {
        // more scopes than one block of the lookup: the outer module and its cfg span all the blocks
        StringBuilder file = new StringBuilder("#[cfg(unix)]\nmod outer {\n");
        for (int i = 0; i < 300; i++) {
            file.append(i % 7 == 0 ? "    #[cfg(test)]\n" : "").append("    pub fn f").append(i)
                    .append("() { unsafe { g() } }\n");
            if (i == 150) {
                file.append("    mod inner {\n        fn deep() { unsafe { h() } }\n    }\n");
            }
        }
        file.append("}\nfn after() { unsafe { k() } }\n");
        String text = file.toString();
        ItemScopes scopes = ItemScopes.of(text, Edition.E2021);
        for (int i = 0; i < 300; i++) {
            int site = text.indexOf("unsafe", text.indexOf("fn f" + i + "()"));
            ItemScopes.Enclosing e = scopes.at(site);
            assertEquals("outer::f" + i, e.itemPath());
            assertEquals(i % 7 == 0 ? List.of("unix", "test") : List.of("unix"), e.cfg());
        }
        assertEquals("outer::inner::deep", scopes.at(text.indexOf("unsafe { h()")).itemPath());
        assertEquals("after", scopes.at(text.indexOf("unsafe { k()")).itemPath());
        assertEquals(List.of(), scopes.at(text.indexOf("unsafe { k()")).cfg());
    }

    @Test
    void brokenCodeDoesNotSwallowTheItemsAfterIt() {
        String broken = "fn bad( {\n let x = ;\n}\nfn good() { unsafe { x() } }\n";
        assertEquals("good", ItemScopes.of(broken, Edition.E2021).at(broken.indexOf("unsafe")).itemPath());
    }

    @Test
    void cfgIfBranchesAreScopesAndTheirHeadsNoAttributes() {
        String source = """
                cfg_if::cfg_if! {
                    if #[cfg(unix)] {
                        mod unix;
                        fn a() { unsafe { a() } } // @a
                    } else if #[cfg(windows)] {
                        fn b() { unsafe { b() } } // @b
                    } else {
                        mod other;
                        fn c() { unsafe { c() } } // @c
                    }
                }
                cfg_select! {
                    feature = "std" => { fn d() { unsafe { d() } } } // @d
                    _ => { mod fallback; }
                }
                """;
        ItemScopes scopes = ItemScopes.of(source, Edition.E2021);
        java.util.function.Function<String, List<String>> cfgAt = marker -> scopes.at(
                source.lastIndexOf("unsafe", source.indexOf("// " + marker))).cfg();
        assertEquals(List.of("unix"), cfgAt.apply("@a"));
        assertEquals(List.of("windows"), cfgAt.apply("@b"), "not the condition of the branch before");
        assertEquals(List.of("not(any(unix, windows))"), cfgAt.apply("@c"));
        assertEquals(List.of("feature = \"std\""), cfgAt.apply("@d"));
        assertEquals(Map.of("unix", List.of("unix"), "other", List.of("not(any(unix, windows))"),
                "fallback", List.of("not(feature = \"std\")")), scopes.guardedModules());
    }

    @Test
    void aModuleDeclaredTwiceExistsUnderEitherCondition() {
        String source = """
                #[cfg(target_os = "linux")]
                mod sys;
                #[cfg(all(unix, not(target_os = "linux")))]
                mod sys;
                #[cfg(feature = "a")]
                mod plain;
                mod plain;
                """;
        assertEquals(Map.of("sys", List.of("any(target_os = \"linux\", all(unix, not(target_os = \"linux\")))"),
                "plain", List.of()), ItemScopes.of(source, Edition.E2021).guardedModules());
    }
}
