package dev.casebook.systemtests;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js tools frontend teams use on Casebook (Redocly, openapi-typescript, tsc), installed from the npm
 * registry at the versions pinned in {@code src/test/typescript/package.json}, in {@code target/typescript}.
 */
final class NodeTools {

    static final Path SOURCES = Path.of("src/test/typescript");
    static final Path WORK = Path.of("target/typescript");

    /** What a command printed, and how it ended. */
    record Run(int exitCode, String output) {
    }

    private NodeTools() {
    }

    /** Installs the pinned tools once; a machine without Node.js and npm skips the test, saying so. */
    static synchronized void install() throws IOException, InterruptedException {
        Assumptions.assumeTrue(available("node") && available("npm"),
                "This test needs Node.js 20+ and npm on the PATH (the image has them; apt-get install nodejs npm otherwise)");
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "tsconfig.json", "redocly.yaml", "example.ts")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules/.bin"))) {
            Run install = run(Map.of(), 600, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
            if (install.exitCode() != 0) {
                throw new AssertionError("npm install failed:\n" + install.output());
            }
        }
    }

    /** Runs a tool installed in {@code node_modules/.bin}. */
    static Run tool(Map<String, String> env, String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(WORK.resolve("node_modules/.bin").resolve(tool).toAbsolutePath().toString());
        command.addAll(List.of(args));
        return run(env, 300, command.toArray(String[]::new));
    }

    static Run run(Map<String, String> env, int timeoutSeconds, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true);
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes(); // ends when the process does
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within " + timeoutSeconds + " s");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean available(String tool) {
        try {
            Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
