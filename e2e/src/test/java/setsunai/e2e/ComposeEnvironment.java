package setsunai.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment docker-compose.yml gives each service, with ${VAR:-default} resolved as compose would
 * (from this process's environment, else the default), so the end-to-end test runs the services exactly as
 * configured for deployment, only with host names and ports of this machine.
 */
final class ComposeEnvironment {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    private final JsonNode services;

    ComposeEnvironment(Path composeFile) throws IOException {
        this.services = new ObjectMapper(new YAMLFactory()).readTree(composeFile.toFile()).path("services");
    }

    /** The resolved environment of one service. */
    Map<String, String> of(String service) {
        JsonNode environment = services.path(service).path("environment");
        if (!environment.isObject()) {
            throw new IllegalStateException("docker-compose.yml has no environment map for " + service);
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        environment.fields().forEachRemaining(e -> resolved.put(e.getKey(), interpolate(e.getValue().asText())));
        return resolved;
    }

    /** Whether a service publishes ports on the host. */
    boolean publishes(String service) {
        return services.path(service).has("ports");
    }

    static String interpolate(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String fromEnvironment = System.getenv(matcher.group(1));
            String replacement = fromEnvironment != null && !fromEnvironment.isEmpty() ? fromEnvironment
                    : matcher.group(2) != null ? matcher.group(2) : "";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
