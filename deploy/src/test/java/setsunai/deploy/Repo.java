package setsunai.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's files, read where they are (this module depends on no other one). */
final class Repo {

    /** Maven runs the tests in the module's directory. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private Repo() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Maven project version: the tag of the images the Dockerfile builds for this checkout. */
    static String projectVersion() {
        String version = System.getProperty("setsunai.project-version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("setsunai.project-version is not set (deploy/pom.xml passes it to Surefire)");
        }
        return version;
    }
}
