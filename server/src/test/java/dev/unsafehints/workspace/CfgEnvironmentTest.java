package dev.unsafehints.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** cfg predicates against a target as `rustc --print cfg` prints it, three-valued. */
class CfgEnvironmentTest {
    private static final String LINUX = """
            debug_assertions
            panic="unwind"
            target_arch="x86_64"
            target_endian="little"
            target_env="gnu"
            target_family="unix"
            target_feature="sse2"
            target_os="linux"
            target_pointer_width="64"
            target_vendor="unknown"
            unix
            """;

    private final CfgEnvironment linux = CfgEnvironment.parse(LINUX).withFeatures(Set.of("std", "default"));

    @Test
    void targetOptionsAndFeatures() {
        assertEquals("x86_64-unknown-linux-gnu", linux.target());
        assertTrue(linux.holds("unix"));
        assertFalse(linux.holds("windows"), "a rustc name that is not printed is off");
        assertTrue(linux.holds("target_os = \"linux\""));
        assertFalse(linux.holds("target_os=\"macos\""));
        assertTrue(linux.holds("feature = \"std\""));
        assertFalse(linux.holds("feature = \"nightly\""));
        assertFalse(linux.holds("test"), "a build does not set test");
        assertTrue(linux.holds("debug_assertions"));
    }

    @Test
    void anyAllNotAndUnknowns() {
        assertTrue(linux.holds("all(unix, not(target_os = \"macos\"), any(target_pointer_width = \"64\", windows))"));
        assertFalse(linux.holds("all(unix, windows)"));
        assertTrue(linux.holds("any()") == Boolean.FALSE && linux.holds("all()") == Boolean.TRUE);
        assertNull(linux.holds("my_custom_cfg"), "a custom --cfg is unknown, not false");
        assertTrue(linux.holds("any(my_custom_cfg, unix)"), "one true part decides any(..)");
        assertFalse(linux.holds("all(my_custom_cfg, windows)"), "one false part decides all(..)");
        assertNull(linux.holds("not(my_custom_cfg)"));
        assertNull(linux.holds("all(unix"), "what cannot be read is unknown");
        assertEquals(Boolean.FALSE, linux.holdsAll(List.of("unix", "windows")));
        assertNull(linux.holdsAll(List.of("unix", "my_custom_cfg")));
    }

    @Test
    void featuresUnknownWithoutCargo() {
        CfgEnvironment noFeatures = CfgEnvironment.parse(LINUX);
        assertNull(noFeatures.holds("feature = \"std\""));
        assertFalse(noFeatures.holds("all(windows, feature = \"std\")"));
        assertNull(CfgEnvironment.UNKNOWN.holds("unix"));
    }
}
