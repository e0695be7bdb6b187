package setsunai.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml, read as e2e's ComposeEnvironment reads it: the environment of each service is what the
 * end-to-end test proves the services need, so the manifests are checked against the same file.
 */
final class Compose {

    /** ${VAR}, ${VAR:-default}, ${VAR:?message}: a value the operator supplies. */
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?][^}]*)?}");

    private final JsonNode services;

    Compose() {
        try {
            services = new YAMLMapper().readTree(Repo.path("docker-compose.yml").toFile()).path("services");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> services() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The environment as written (variables unresolved). */
    Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        services.path(service).path("environment").properties()
                .forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
        return environment;
    }

    /** The Dockerfile's SERVICE build argument, for the services compose builds. */
    Optional<String> builtService(String service) {
        JsonNode arg = services.path(service).path("build").path("args").path("SERVICE");
        return arg.isTextual() ? Optional.of(arg.asText()) : Optional.empty();
    }

    /** The service running PostgreSQL (its image), whose host name the others' JDBC URLs name. */
    String databaseService() {
        return services().stream()
                .filter(s -> services.path(s).path("image").asText().startsWith("postgres"))
                .findFirst().orElseThrow(() -> new IllegalStateException("docker-compose.yml runs no postgres image"));
    }

    /** Whether a service publishes ports on the host: the only way in from outside. */
    boolean publishes(String service) {
        return services.path(service).has("ports");
    }

    /** The container ports a service offers: expose, and the container side of ports. */
    Set<Integer> containerPorts(String service) {
        Set<Integer> ports = new TreeSet<>();
        services.path(service).path("expose").forEach(p -> ports.add(Integer.parseInt(p.asText())));
        services.path(service).path("ports").forEach(p -> {
            String text = p.asText();
            ports.add(Integer.parseInt(text.substring(text.lastIndexOf(':') + 1)));
        });
        return ports;
    }

    static List<String> variables(String value) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(value);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
