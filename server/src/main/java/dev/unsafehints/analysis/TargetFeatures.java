package dev.unsafehints.analysis;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a call of a safe {@code #[target_feature]} fn needs {@code unsafe}: rustc allows it
 * without where the caller's own {@code #[target_feature]}s, with what they imply ({@code avx2}
 * implies {@code avx}, which implies {@code sse4.2}, ...), hold every feature the callee enables.
 * The target's default features do not count (rustc 1.95 asks for `unsafe` around an {@code sse2}
 * fn called from a plain fn on x86_64).
 */
final class TargetFeatures {
    /** Each feature and the ones it implies directly (rustc's x86 and aarch64 tables, in outline). */
    private static final Map<String, List<String>> IMPLIES = Map.ofEntries(
            Map.entry("sse2", List.of("sse")),
            Map.entry("sse3", List.of("sse2")),
            Map.entry("ssse3", List.of("sse3")),
            Map.entry("sse4.1", List.of("ssse3")),
            Map.entry("sse4.2", List.of("sse4.1")),
            Map.entry("avx", List.of("sse4.2")),
            Map.entry("avx2", List.of("avx")),
            Map.entry("fma", List.of("avx")),
            Map.entry("f16c", List.of("avx")),
            Map.entry("avx512f", List.of("avx2", "fma", "f16c")),
            Map.entry("avx512bw", List.of("avx512f")),
            Map.entry("avx512cd", List.of("avx512f")),
            Map.entry("avx512dq", List.of("avx512f")),
            Map.entry("avx512vl", List.of("avx512f")),
            Map.entry("aes", List.of("sse2")),
            Map.entry("pclmulqdq", List.of("sse2")),
            Map.entry("sha", List.of("sse2")),
            Map.entry("vaes", List.of("avx2", "aes")),
            Map.entry("vpclmulqdq", List.of("avx", "pclmulqdq")),
            Map.entry("aes_neon", List.of("neon")),
            Map.entry("sha2", List.of("neon")),
            Map.entry("sha3", List.of("sha2")),
            Map.entry("sve", List.of("neon")));

    private TargetFeatures() {
    }

    /** Whether {@code enabled} (with what it implies) holds every one of {@code required}. */
    static boolean covers(Collection<String> enabled, List<String> required) {
        Set<String> all = closure(enabled);
        return all.containsAll(required);
    }

    private static Set<String> closure(Collection<String> enabled) {
        Set<String> all = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(enabled);
        while (!queue.isEmpty()) {
            String f = queue.poll();
            if (all.add(f)) {
                queue.addAll(IMPLIES.getOrDefault(f, List.of()));
            }
        }
        return all;
    }
}
