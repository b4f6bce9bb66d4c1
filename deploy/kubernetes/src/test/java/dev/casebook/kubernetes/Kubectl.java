package dev.casebook.kubernetes;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** kubectl's built-in Kustomize, which needs no cluster; the tests that use it are skipped, saying so, without it. */
final class Kubectl {

    private Kubectl() {
    }

    static Optional<Path> find() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst();
    }

    /** The overlay as kubectl would apply it. */
    static String kustomize(Path overlay) throws Exception {
        Optional<Path> kubectl = find();
        Assumptions.assumeTrue(kubectl.isPresent(),
                "kubectl is not installed, so the overlays were not built: install kubectl to check them (kubectl kustomize needs no cluster)");
        Process process = new ProcessBuilder(kubectl.get().toString(), "kustomize", overlay.toString())
                .redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + overlay + " failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
