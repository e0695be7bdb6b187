package setsunai.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 4: the three specs the services' builds store (target/openapi/openapi.yaml) pass Redocly CLI's lint
 * with the repository's redocly.yaml (its recommended ruleset and the reasons for any rule setting) with no error.
 * Warnings are printed, not fatal. Needs no running service: the specs are build output.
 */
class SpecLintIT {

    static final List<String> SPECS = List.of("gateway", "catalog-service", "songs-service");

    @Test
    void theStoredSpecsHaveNoLintErrors() throws Exception {
        Path config = NodeTools.REPO.resolve("redocly.yaml");
        if (!Files.exists(config)) {
            // until the repository has its own: Redocly's recommended ruleset as it comes
            config = Files.writeString(Files.createDirectories(NodeTools.TOOLS).resolve("redocly-recommended.yaml"),
                    "extends:\n  - recommended\n");
            System.out.println("[e2e] no redocly.yaml at the repository's root: linting with `extends: [recommended]`");
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, String> counts = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (String module : SPECS) {
            Path spec = NodeTools.REPO.resolve(module).resolve("target/openapi/openapi.yaml");
            assertTrue(Files.exists(spec), spec + " is missing: the service's build stores it "
                    + "(quarkus.smallrye-openapi.store-schema-directory), and e2e runs after the services are packaged");
            NodeTools.Result lint = NodeTools.run(NodeTools.REPO, 120,
                    Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"),
                    NodeTools.bin("redocly").toString(), "lint", "--config", config.toString(), "--format=json",
                    NodeTools.REPO.relativize(spec).toString());
            JsonNode report = json.readTree(lint.out());
            int errorCount = report.path("totals").path("errors").asInt();
            int warningCount = report.path("totals").path("warnings").asInt();
            counts.put(module, errorCount + " errors, " + warningCount + " warnings");
            for (JsonNode problem : report.path("problems")) {
                String line = "[e2e] lint " + module + " " + problem.path("severity").asText() + " "
                        + problem.path("ruleId").asText() + " at " + problem.path("location").path(0).path("pointer").asText()
                        + ": " + problem.path("message").asText();
                System.out.println(line);
                if ("error".equals(problem.path("severity").asText())) {
                    errors.add(line);
                }
            }
            assertEquals(errorCount == 0, lint.exit() == 0, "redocly's exit code and its report disagree:\n" + lint.all());
        }
        System.out.println("[e2e] Redocly CLI lint (" + NodeTools.REPO.relativize(config) + "): " + counts);
        assertEquals(List.of(), errors, "lint errors: " + counts);
    }
}
