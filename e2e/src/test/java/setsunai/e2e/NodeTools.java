package setsunai.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The integrators' tools from npm (Redocly CLI, TypeScript, playwright-core), at pinned versions, installed by the
 * tests themselves into e2e/target/tools with the machine's node/npm: nothing global, and a clean checkout needs
 * nothing but node. Installed once per clean build (a second run reuses them); playwright-core downloads no browser,
 * {@link Chromium} is Debian's.
 */
final class NodeTools {

    static final Path TOOLS = Path.of("target", "tools").toAbsolutePath();
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private static final String PACKAGE_JSON = """
            {
              "name": "setsunai-e2e-tools",
              "private": true,
              "description": "Installed by the e2e tests (NodeTools); not part of the product.",
              "dependencies": {
                "@redocly/cli": "2.77.0",
                "playwright-core": "1.65.1",
                "typescript": "5.9.3"
              }
            }
            """;

    private static boolean installed;

    private NodeTools() {
    }

    /** A tool's executable in node_modules/.bin, installing the tools first if needed. */
    static Path bin(String name) {
        install();
        return TOOLS.resolve("node_modules/.bin").resolve(name);
    }

    static Path nodeModules() {
        install();
        return TOOLS.resolve("node_modules");
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        try {
            Files.createDirectories(TOOLS);
            Path packageJson = TOOLS.resolve("package.json");
            boolean current = Files.exists(packageJson) && Files.readString(packageJson).equals(PACKAGE_JSON)
                    && Files.exists(TOOLS.resolve("node_modules/.package-lock.json"));
            if (!current) {
                Files.writeString(packageJson, PACKAGE_JSON);
                long start = System.nanoTime();
                System.out.println("[e2e] npm install @redocly/cli playwright-core typescript into " + TOOLS);
                Result result = run(TOOLS, 300, Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
                        "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
                if (result.exit() != 0) {
                    throw new IllegalStateException("npm install failed (" + result.exit() + "): " + result.all());
                }
                System.out.printf("[e2e] npm install took %.1f s%n", (System.nanoTime() - start) / 1e9);
            }
            installed = true;
        } catch (IOException e) {
            throw new IllegalStateException("could not install the npm tools into " + TOOLS, e);
        }
    }

    /** What a command printed: its standard output, and its standard error apart. */
    record Result(int exit, String out, String err) {

        String all() {
            return out + (err.isBlank() ? "" : "\n" + err);
        }
    }

    /** Runs a command, failing if it takes longer than the given seconds. */
    static Result run(Path dir, int seconds, Map<String, String> environment, String... command) {
        try {
            Path out = Files.createTempFile("setsunai-e2e-", ".out");
            Path err = Files.createTempFile("setsunai-e2e-", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
                        .directory(dir.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in " + seconds
                            + " s; its output:\n" + Files.readString(out) + "\n" + Files.readString(err));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
