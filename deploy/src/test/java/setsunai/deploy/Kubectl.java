package setsunai.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * kubectl, for {@code kubectl kustomize}: the one on PATH, else Debian's kubernetes-client package fetched without
 * root ({@code apt-get download}, {@code dpkg-deb -x}) into target/tools, so that a fresh machine needs no install.
 */
final class Kubectl {

    static final Path TOOLS = Path.of("target", "tools").toAbsolutePath();

    private static Path binary;

    private Kubectl() {
    }

    /** {@code kubectl kustomize dir}: the rendered YAML. Warnings (e.g. deprecated fields) are printed, not fatal. */
    static String kustomize(Path dir) {
        Result result = run(null, binary().toString(), "kustomize", dir.toString());
        if (!result.err.isBlank()) {
            System.out.println("[deploy] kubectl kustomize " + Repo.ROOT.relativize(dir) + " said: " + result.err.strip());
        }
        if (result.exit != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed (" + result.exit + "): " + result.err);
        }
        return result.out;
    }

    static synchronized Path binary() {
        if (binary == null) {
            binary = locate();
            System.out.println("[deploy] " + run(null, binary.toString(), "version", "--client").out.lines()
                    .findFirst().orElse("kubectl (version unknown)") + " (" + binary + ")");
        }
        return binary;
    }

    private static Path locate() {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                System.out.println("[deploy] kubectl on PATH: " + candidate);
                return candidate;
            }
        }
        Path fetched = TOOLS.resolve("usr/bin/kubectl");
        if (Files.isExecutable(fetched)) {
            System.out.println("[deploy] kubectl is not on PATH; using the one fetched earlier: " + fetched);
            return fetched;
        }
        System.out.println("[deploy] kubectl is not on PATH: fetching Debian's kubernetes-client package with "
                + "`apt-get download kubernetes-client` (no root needed) and unpacking it with `dpkg-deb -x` into "
                + TOOLS);
        try {
            Path debs = Files.createDirectories(TOOLS.resolve("debs"));
            Result download = run(debs, "apt-get", "download", "kubernetes-client");
            List<Path> packages;
            try (Stream<Path> files = Files.list(debs)) {
                packages = files.filter(f -> f.getFileName().toString().endsWith(".deb")).toList();
            }
            if (download.exit != 0 || packages.size() != 1) {
                throw new IllegalStateException("apt-get download kubernetes-client failed (" + download.exit + "): "
                        + download.err + "\nInstall kubectl (e.g. apt-get install kubernetes-client) and run again.");
            }
            Result unpack = run(null, "dpkg-deb", "-x", packages.get(0).toString(), TOOLS.toString());
            if (unpack.exit != 0 || !Files.isExecutable(fetched)) {
                throw new IllegalStateException("dpkg-deb -x " + packages.get(0) + " failed: " + unpack.err);
            }
            System.out.println("[deploy] fetched " + packages.get(0).getFileName() + " -> " + fetched);
            return fetched;
        } catch (IOException e) {
            throw new IllegalStateException("could not fetch kubectl into " + TOOLS, e);
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(Path dir, String... command) {
        try {
            Path err = Files.createTempFile("setsunai-deploy-", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)))
                        .redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                if (dir != null) {
                    builder.directory(dir.toFile());
                }
                Process process = builder.start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes");
                }
                return new Result(process.exitValue(), out, Files.readString(err));
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Result(-1, "", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
