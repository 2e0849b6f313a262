package dev.unsafehints.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every rule there is: the classes in this package and its sub-packages that carry
 * {@link RuleInfo}. Found on the class path, so adding a rule is adding its class, its document
 * and its fixture, and nothing else.
 */
public final class RuleCatalog {
    private static final String PACKAGE = RuleCatalog.class.getPackageName();
    private static volatile List<RuleDescriptor> all;

    private RuleCatalog() {
    }

    public static List<RuleDescriptor> all() {
        List<RuleDescriptor> rules = all;
        if (rules == null) {
            synchronized (RuleCatalog.class) {
                if (all == null) {
                    all = discover();
                }
                rules = all;
            }
        }
        return rules;
    }

    /** The options the rules declare, by rule id. */
    public static List<RuleOption> options() {
        return all().stream().flatMap(r -> r.option().stream()).toList();
    }

    public static Optional<RuleDescriptor> byId(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static List<RuleDescriptor> discover() {
        List<RuleDescriptor> found = new ArrayList<>();
        for (String className : classNames()) {
            try {
                Class<?> type = Class.forName(className, false, RuleCatalog.class.getClassLoader());
                if (Rule.class.isAssignableFrom(type) && type.isAnnotationPresent(RuleInfo.class)) {
                    found.add(RuleDescriptor.of(type.asSubclass(Rule.class)));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + className, e);
            }
        }
        found.sort(Comparator.comparing(RuleDescriptor::id));
        return List.copyOf(found);
    }

    private static List<String> classNames() {
        String folder = PACKAGE.replace('.', '/');
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> urls = RuleCatalog.class.getClassLoader().getResources(folder);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if ("jar".equals(url.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry e : java.util.Collections.list(jar.entries())) {
                            addIfClass(names, e.getName());
                        }
                    }
                } else if ("file".equals(url.getProtocol())) {
                    Path root = Path.of(url.toURI()).getParent();
                    for (int i = 1; i < folder.split("/").length; i++) {
                        root = root.getParent();
                    }
                    Path base = root;
                    try (Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
                        files.forEach(p -> addIfClass(names, base.relativize(p).toString().replace('\\', '/')));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static void addIfClass(List<String> names, String entry) {
        String folder = PACKAGE.replace('.', '/') + "/";
        if (entry.startsWith(folder) && entry.endsWith(".class") && !entry.contains("$")) {
            names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
    }
}
