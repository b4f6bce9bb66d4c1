package dev.casebook.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The tools users run on Casebook (Node.js clients, promtool), run by tests as programs: one way to start them, read
 * what they print, and give up on one that hangs.
 */
public final class Commands {

    /** What a command printed (standard output and error together), and how it ended. */
    public record Run(int exitCode, String output) {
    }

    private Commands() {
    }

    /** Runs {@code command} in {@code directory} with {@code env} added to this process's environment. */
    public static Run run(Path directory, Map<String, String> env, int timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
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

    /** Whether {@code tool --version} runs and succeeds: the tool is installed and works. */
    public static boolean available(String tool) {
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
