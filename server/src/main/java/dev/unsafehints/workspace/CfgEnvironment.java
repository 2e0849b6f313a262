package dev.unsafehints.workspace;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code #[cfg(..)]} conditions see when a crate is compiled: the target's options as
 * {@code rustc --print cfg} lists them (names like {@code unix} and pairs like
 * {@code target_os = "linux"}) and the package's enabled features. Evaluation is three-valued: a
 * condition that names something this environment does not know (the features, when cargo did not
 * say them; a custom {@code --cfg}) is neither true nor false, and the site stays "unknown".
 *
 * @param target   the target triple, for messages
 * @param names    the options that are set without a value ({@code unix}, {@code debug_assertions})
 * @param values   the options with values ({@code target_os} → {@code linux})
 * @param features the enabled features, or null when they are not known
 */
public record CfgEnvironment(String target, Set<String> names, Map<String, Set<String>> values, Set<String> features) {
    /** Nothing known: every condition is unknown. */
    public static final CfgEnvironment UNKNOWN = new CfgEnvironment("", Set.of(), Map.of(), null);

    /** Options rustc sets only on request, which a normal build leaves off. */
    private static final Set<String> OFF_IN_A_BUILD = Set.of("test", "doc", "doctest", "miri", "rustdoc");

    public boolean known() {
        return !target.isEmpty();
    }

    /** This environment with a package's enabled features. */
    public CfgEnvironment withFeatures(Set<String> enabled) {
        return new CfgEnvironment(target, names, values, enabled == null ? null : Set.copyOf(enabled));
    }

    /**
     * The host's options from {@code rustc --print cfg}, run in the temporary folder (a
     * {@code rust-toolchain.toml} in the scanned tree is not obeyed); {@link #UNKNOWN} without rustc.
     */
    public static CfgEnvironment host() {
        return of(null);
    }

    /** The options of {@code target} (a triple; the host's when null), from {@code rustc --print cfg --target}. */
    public static CfgEnvironment of(String target) {
        Optional<String> printed = target == null ? Rustc.output("--print", "cfg")
                : Rustc.output("--print", "cfg", "--target", target);
        return printed.map(CfgEnvironment::parse).orElse(UNKNOWN);
    }

    /** Reads {@code rustc --print cfg}'s lines: {@code unix}, {@code target_os="linux"}. */
    static CfgEnvironment parse(String printed) {
        Set<String> names = new HashSet<>();
        Map<String, Set<String>> values = new HashMap<>();
        for (String line : printed.split("\n")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (eq < 0) {
                if (!l.isEmpty()) {
                    names.add(l);
                }
            } else {
                String value = l.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                values.computeIfAbsent(l.substring(0, eq).strip(), k -> new HashSet<>()).add(value);
            }
        }
        String target = String.join("-", first(values, "target_arch"), first(values, "target_vendor"),
                first(values, "target_os"), first(values, "target_env"));
        return new CfgEnvironment(target, Set.copyOf(names), Map.copyOf(values), null);
    }

    private static String first(Map<String, Set<String>> values, String key) {
        Set<String> v = values.get(key);
        return v == null || v.isEmpty() ? "unknown" : v.iterator().next();
    }

    /** Whether all of {@code conditions} hold: true, false, or null when that cannot be told. */
    public Boolean holdsAll(List<String> conditions) {
        Boolean all = true;
        for (String c : conditions) {
            Boolean one = holds(c);
            if (Boolean.FALSE.equals(one)) {
                return false;
            }
            if (one == null) {
                all = null;
            }
        }
        return all;
    }

    /** Whether one condition ({@code all(unix, feature = "std")}) holds: true, false, or null (unknown). */
    public Boolean holds(String condition) {
        if (!known()) {
            return null;
        }
        try {
            CfgParser parser = new CfgParser(condition);
            Boolean result = parser.predicate(this);
            return parser.atEnd() ? result : null;
        } catch (IllegalArgumentException e) {
            return null; // not a predicate we can read: unknown
        }
    }

    Boolean option(String name, String value) {
        if (value == null) {
            if (OFF_IN_A_BUILD.contains(name)) {
                return false;
            }
            if (names.contains(name)) {
                return true;
            }
            // rustc's own names are all printed; anything else is a custom --cfg or a typo
            return isRustcName(name) ? false : null;
        }
        if (name.equals("feature")) {
            return features == null ? null : features.contains(value);
        }
        Set<String> set = values.get(name);
        if (set != null) {
            return set.contains(value);
        }
        return isRustcName(name) ? false : null;
    }

    /** Names rustc itself defines (so a missing one is false): targets, panics, sanitizers, ... */
    private static boolean isRustcName(String name) {
        return name.startsWith("target_") || name.equals("unix") || name.equals("windows")
                || name.equals("debug_assertions") || name.equals("panic") || name.equals("overflow_checks")
                || name.equals("relocation_model") || name.equals("sanitize") || name.equals("proc_macro")
                || name.equals("fmt_debug") || name.equals("ub_checks") || name.equals("contract_checks");
    }

    /** A small recursive-descent reader of cfg predicates: names, {@code name = "v"}, any, all, not. */
    private static final class CfgParser {
        private final String text;
        private int at;

        CfgParser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            skipSpace();
            return at >= text.length();
        }

        Boolean predicate(CfgEnvironment env) {
            String name = identifier();
            skipSpace();
            if (at < text.length() && text.charAt(at) == '(' && (name.equals("any") || name.equals("all")
                    || name.equals("not"))) {
                at++;
                java.util.ArrayList<Boolean> parts = new java.util.ArrayList<>();
                skipSpace();
                while (at < text.length() && text.charAt(at) != ')') {
                    parts.add(predicate(env));
                    skipSpace();
                    if (at < text.length() && text.charAt(at) == ',') {
                        at++;
                        skipSpace();
                    }
                }
                expect(')');
                return combine(name, parts);
            }
            if (at < text.length() && text.charAt(at) == '=') {
                at++;
                return env.option(name, string());
            }
            return env.option(name, null);
        }

        private static Boolean combine(String op, List<Boolean> parts) {
            if (op.equals("not")) {
                if (parts.size() != 1) {
                    throw new IllegalArgumentException("not() takes one predicate");
                }
                return parts.get(0) == null ? null : !parts.get(0);
            }
            boolean any = op.equals("any");
            boolean unknown = false;
            for (Boolean p : parts) {
                if (p == null) {
                    unknown = true;
                } else if (p == any) {
                    return any; // any: one true decides; all: one false decides
                }
            }
            return unknown ? null : !any;
        }

        private String identifier() {
            skipSpace();
            int start = at;
            if (text.startsWith("r#", at)) {
                at += 2;
            }
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("a name expected at " + at);
            }
            return text.substring(start, at).replace("r#", "");
        }

        private String string() {
            skipSpace();
            expect('"');
            int start = at;
            while (at < text.length() && text.charAt(at) != '"') {
                at += text.charAt(at) == '\\' ? 2 : 1;
            }
            String value = text.substring(start, Math.min(at, text.length()));
            expect('"');
            return value;
        }

        private void expect(char c) {
            skipSpace();
            if (at >= text.length() || text.charAt(at) != c) {
                throw new IllegalArgumentException("'" + c + "' expected at " + at);
            }
            at++;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
