package dev.unsafehints.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks the rustc on {@code PATH} what it knows ({@code --print sysroot}, {@code --print cfg},
 * {@code -vV}). It runs in the temporary folder: in the scanned tree, rustup would obey a
 * {@code rust-toolchain.toml} there, which may name any program as the toolchain. No rustc, a
 * failing or hanging one: empty.
 */
final class Rustc {
    private static final long TIME_LIMIT_SECONDS = 20;

    private Rustc() {
    }

    /** rustc's standard output for {@code arguments}, when it ran and succeeded. */
    static Optional<String> output(String... arguments) {
        List<String> command = new ArrayList<>(List.of("rustc"));
        command.addAll(List.of(arguments));
        try {
            Process rustc = new ProcessBuilder(command)
                    .directory(new java.io.File(System.getProperty("java.io.tmpdir")))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(rustc.getInputStream()));
            if (!rustc.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                rustc.destroyForcibly();
                return Optional.empty();
            }
            return rustc.exitValue() == 0 ? Optional.of(new String(out.join(), StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
