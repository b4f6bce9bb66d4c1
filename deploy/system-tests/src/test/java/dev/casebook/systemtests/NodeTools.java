package dev.casebook.systemtests;

import dev.casebook.testing.Commands;
import dev.casebook.testing.Commands.Run;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Node.js tools frontend teams use on Casebook (Redocly, openapi-typescript, tsc), installed from the npm
 * registry at the versions pinned in {@code src/test/typescript/package.json}, in {@code target/typescript}.
 */
final class NodeTools {

    static final Path SOURCES = Path.of("src/test/typescript");
    static final Path WORK = Path.of("target/typescript");

    private NodeTools() {
    }

    /** Installs the pinned tools once; a machine without Node.js and npm skips the test, saying so. */
    static synchronized void install() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Commands.available("node") && Commands.available("npm"),
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
        Map<String, String> quiet = new HashMap<>(Map.of("NO_COLOR", "1", "REDOCLY_TELEMETRY", "off"));
        quiet.putAll(env);
        return Commands.run(WORK, quiet, timeoutSeconds, command);
    }
}
