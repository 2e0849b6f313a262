package dev.unsafehints;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Whether the tests that compare with the real compiler can run here. */
public final class Rustc {
    private Rustc() {
    }

    /** `rustc --version` runs and succeeds. */
    public static boolean installed() {
        try {
            Process p = new ProcessBuilder("rustc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
