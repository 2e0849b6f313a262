package dev.unsafehints.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * How the crate graph is resolved, as cargo's own options say it: the target (the host's when
 * null) and the features of the workspace's packages.
 *
 * @param target            a target triple such as {@code aarch64-unknown-linux-gnu}, or null for the host
 * @param features          features to enable in the workspace's packages
 * @param allFeatures       every feature of the workspace's packages
 * @param noDefaultFeatures leave the {@code default} feature off
 */
public record CargoOptions(String target, List<String> features, boolean allFeatures, boolean noDefaultFeatures) {
    public static final CargoOptions DEFAULT = new CargoOptions(null, List.of(), false, false);

    public CargoOptions {
        features = List.copyOf(features);
    }

    /** The feature options of {@code cargo metadata}. */
    List<String> featureArguments() {
        List<String> args = new ArrayList<>();
        if (!features.isEmpty()) {
            args.add("--features");
            args.add(String.join(",", features));
        }
        if (allFeatures) {
            args.add("--all-features");
        }
        if (noDefaultFeatures) {
            args.add("--no-default-features");
        }
        return args;
    }
}
