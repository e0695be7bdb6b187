package setsunai.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A service's configuration as Quarkus resolves it in the prod profile, for the keys the manifests depend on: the
 * container's environment first, then the service's application.properties, then common's
 * META-INF/microprofile-config.properties; in each file {@code %prod.key} before {@code key}.
 */
final class QuarkusConfig {

    private QuarkusConfig() {
    }

    static Optional<String> value(String service, String key, Map<String, String> environment) {
        String envName = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        if (environment.containsKey(envName)) {
            return Optional.of(environment.get(envName));
        }
        for (String file : new String[] {service + "/src/main/resources/application.properties",
                "common/src/main/resources/META-INF/microprofile-config.properties"}) {
            Properties properties = load(file);
            for (String candidate : new String[] {"%prod." + key, key}) {
                if (properties.containsKey(candidate)) {
                    return Optional.of(properties.getProperty(candidate).trim());
                }
            }
        }
        return Optional.empty();
    }

    /** Quarkus' duration syntax: a number of seconds, 500ms, 10S, 2M, or ISO-8601 (PT10S). */
    static Duration duration(String value) {
        String text = value.trim();
        if (text.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        if (text.toLowerCase(Locale.ROOT).matches("\\d+ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        return Duration.parse(text.toUpperCase(Locale.ROOT).startsWith("P") ? text : "PT" + text);
    }

    private static Properties load(String file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Repo.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
