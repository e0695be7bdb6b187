package setsunai.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails on a manifest broken on purpose: a copy of the rendered overlay with one thing changed, fed to the
 * same checks as {@link OverlaysTest}.
 */
class BrokenManifestsTest {

    @Test
    void aMisspeltFieldIsRejected() {
        assertProblem("prod", docs -> {
            ObjectNode container = container(docs, "Deployment", "catalog-service");
            container.set("livenesProbe", container.remove("livenessProbe"));
        }, "Deployment catalog-service does not parse strictly: Unrecognized field \"livenesProbe\"");
    }

    @Test
    void aValueOfTheWrongTypeIsRejected() {
        assertProblem("prod", docs -> ((ObjectNode) object(docs, "Service", "gateway").at("/spec/ports/0"))
                .put("port", "8080"), "Service gateway does not parse strictly");
    }

    @Test
    void anUnknownClusterFieldOrAnIntegerParameterIsRejected() {
        assertProblem("prod", docs -> ((ObjectNode) object(docs, "Cluster", "setsunai-db").get("spec"))
                .put("instance", 3), "Cluster setsunai-db at /spec: property 'instance' is not defined");
        assertProblem("prod", docs -> ((ObjectNode) object(docs, "Cluster", "setsunai-db").at("/spec/postgresql/parameters"))
                .put("max_connections", 100), "Cluster setsunai-db at /spec/postgresql/parameters/max_connections: integer found, string expected");
    }

    @Test
    void aContainerWithoutReadinessProbeOrOnTheWrongPathFails() {
        assertProblem("prod", docs -> container(docs, "Deployment", "songs-service").remove("readinessProbe"),
                "Deployment songs-service container songs-service has no readinessProbe");
        assertProblem("dev", docs -> ((ObjectNode) container(docs, "Deployment", "gateway").at("/livenessProbe/httpGet"))
                .put("path", "/q/health"), "container gateway: livenessProbe is not GET /q/health/live");
    }

    @Test
    void aContainerWithoutLimitsFails() {
        assertProblem("prod", docs -> ((ObjectNode) container(docs, "Deployment", "gateway").get("resources"))
                .remove("limits"), "Deployment gateway container gateway has no cpu limit");
    }

    @Test
    void aContainerThatMayRunAsRootOrWriteItsImageFails() {
        assertProblem("prod", docs -> {
            ((ObjectNode) object(docs, "Deployment", "catalog-service").at("/spec/template/spec/securityContext"))
                    .remove("runAsNonRoot");
            container(docs, "Deployment", "catalog-service").with("securityContext").remove("runAsNonRoot");
        }, "Deployment catalog-service container catalog-service may run as root");
        assertProblem("prod", docs -> container(docs, "Job", "setsunai-db-roles").with("securityContext")
                .put("readOnlyRootFilesystem", false), "Job setsunai-db-roles container roles has a writable root filesystem");
    }

    @Test
    void anUnpinnedImageOrOneTheDockerfileDoesNotBuildFails() {
        assertProblem("prod", docs -> container(docs, "Deployment", "gateway")
                .put("image", "registry.example.com/setsunai/gateway:latest"), "is :latest, not pinned");
        assertProblem("prod", docs -> container(docs, "Deployment", "songs-service")
                .put("image", "registry.example.com/setsunai/catalog-service:1.0.0"), "not the Dockerfile's image setsunai/songs-service");
    }

    @Test
    void routingAnotherServiceFromOutsideFails() {
        assertProblem("prod", docs -> ((ObjectNode) object(docs, "Ingress", "gateway")
                .at("/spec/rules/0/http/paths/0/backend/service")).put("name", "catalog-service"),
                "Ingress gateway routes to catalog-service");
        assertProblem("dev", docs -> ((ObjectNode) object(docs, "Service", "songs-service").get("spec"))
                .put("type", "LoadBalancer"), "Service songs-service is of type LoadBalancer");
    }

    @Test
    void aPasswordInProdOrALiteralPasswordFails() {
        assertProblem("prod", docs -> docs.add(yaml(
                "{apiVersion: v1, kind: Secret, metadata: {name: setsunai-db-catalog, namespace: setsunai},"
                        + " stringData: {password: hunter2}}")), "prod renders Secret setsunai-db-catalog");
        assertProblem("dev", docs -> {
            ObjectNode password = (ObjectNode) env(docs, "catalog-service", "QUARKUS_DATASOURCE_PASSWORD");
            password.remove("valueFrom");
            password.put("value", "catalog");
        }, "QUARKUS_DATASOURCE_PASSWORD is a literal, not from a Secret");
        assertProblem("prod", docs -> ((ObjectNode) env(docs, "songs-service", "MP_JWT_VERIFY_ISSUER")
                .at("/valueFrom/secretKeyRef")).put("name", "jwt-secret"), "uses Secret jwt-secret, which nothing creates");
    }

    @Test
    void aGracePeriodShorterThanTheShutdownFails() {
        assertProblem("prod", docs -> ((ObjectNode) object(docs, "Deployment", "gateway").at("/spec/template/spec"))
                .put("terminationGracePeriodSeconds", 10),
                "Deployment gateway: terminationGracePeriodSeconds 10 is not more than preStop 5 s + quarkus.shutdown.timeout 10S");
    }

    @Test
    void unspreadPodsAHardReplicaCountOrAnUndrainableBudgetFail() {
        assertProblem("prod", docs -> ((ObjectNode) object(docs, "Deployment", "songs-service").at("/spec/template/spec"))
                .remove("topologySpreadConstraints"), "Deployment songs-service is not spread over nodes");
        assertProblem("prod", docs -> ((ObjectNode) object(docs, "Deployment", "gateway").get("spec")).put("replicas", 3),
                "Deployment gateway sets replicas");
        assertProblem("prod", docs -> {
            ObjectNode spec = (ObjectNode) object(docs, "PodDisruptionBudget", "catalog-service").get("spec");
            spec.remove("maxUnavailable");
            spec.put("minAvailable", 2);
        }, "PodDisruptionBudget catalog-service would block every drain of catalog-service at its minimum of 2 replicas");
    }

    @Test
    void moreReplicasThanPostgresqlHasConnectionsForFail() {
        assertProblem("prod", docs -> ((ObjectNode) object(docs, "HorizontalPodAutoscaler", "catalog-service").get("spec"))
                .put("maxReplicas", 10), "Cluster setsunai-db: up to 113 connections (catalog-service 10 x 8, songs-service 4 x 8, 1 job)");
    }

    @Test
    void aSingleDatabaseInstanceInProdOrAnotherRolesScriptFails() {
        assertProblem("prod", docs -> ((ObjectNode) object(docs, "Cluster", "setsunai-db").get("spec")).put("instances", 1),
                "Cluster setsunai-db runs 1 instances in prod, not 3");
        assertProblem("dev", docs -> ((ObjectNode) object(docs, "ConfigMap", "setsunai-db-roles").get("data"))
                .put("roles.sql", "SELECT 1;"), "Job setsunai-db-roles runs a roles.sql that is not db/roles.sql");
    }

    @Test
    void aServiceReachableByAnyPodFails() {
        assertProblem("prod", docs -> ((ObjectNode) object(docs, "NetworkPolicy", "catalog-service").at("/spec/ingress/0"))
                .remove("from"), "another pod of the namespace can reach catalog-service:8081, which it must not");
    }

    @Test
    void aDatabaseOpenToAnyPodOrClosedToItsServicesOrPodsWithoutDnsFail() {
        assertProblem("prod", docs -> ((ObjectNode) object(docs, "NetworkPolicy", "setsunai-db").at("/spec/ingress/0"))
                .remove("from"), "another pod of the namespace can reach setsunai-db:5432, which it must not");
        assertProblem("prod", docs -> docs.remove(object(docs, "NetworkPolicy", "setsunai-db")),
                "catalog-service cannot reach setsunai-db:5432, which it needs");
        assertProblem("dev", docs -> docs.remove(object(docs, "NetworkPolicy", "setsunai-egress-dns-only")),
                "gateway cannot reach cluster DNS:53/UDP, which it needs");
    }

    @Test
    void anEnvironmentUnlikeComposesFails() {
        assertProblem("prod", docs -> ((ObjectNode) object(docs, "ConfigMap", "gateway-config").get("data"))
                .remove("SETSUNAI_SONGS_URL"), "Deployment gateway: SETSUNAI_SONGS_URL is missing (compose gives http://songs-service:8082)");
        assertProblem("prod", docs -> ((ObjectNode) env(docs, "catalog-service", "QUARKUS_DATASOURCE_JDBC_URL"))
                .put("value", "jdbc:postgresql://setsunai-db-ro:5432/setsunai"),
                "QUARKUS_DATASOURCE_JDBC_URL is jdbc:postgresql://setsunai-db-ro:5432/setsunai; compose gives "
                        + "jdbc:postgresql://postgres:5432/setsunai, which is jdbc:postgresql://setsunai-db-rw:5432/setsunai here");
        assertProblem("prod", docs -> {
            for (JsonNode env : container(docs, "Job", "setsunai-db-roles").get("env")) {
                if (env.path("name").asText().equals("CATALOG_DB_PASSWORD")) {
                    ((ObjectNode) env.at("/valueFrom/secretKeyRef")).put("name", "setsunai-db-songs");
                }
            }
        }, "compose's CATALOG_DB_PASSWORD is one value; here it comes from different Secrets");
    }

    @Test
    void aServiceOnAnotherPortThanComposeFails() {
        assertProblem("dev", docs -> ((ObjectNode) object(docs, "Service", "catalog-service").at("/spec/ports/0"))
                .put("port", 80), "Service catalog-service offers ports [80]; compose's catalog-service exposes [8081]");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** The overlay as rendered passes every rule; broken as given, it fails with the expected problem. */
    private static void assertProblem(String overlay, Consumer<List<JsonNode>> breakIt, String expected) {
        Manifests good = Overlays.rendered(overlay);
        assertEquals(List.of(), Rules.problems(good), overlay + " as rendered");
        List<JsonNode> documents = good.copy();
        breakIt.accept(documents);
        List<String> problems = Rules.problems(Manifests.of(overlay, documents));
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "expected a problem containing: " + expected + "\nbut got:\n  " + String.join("\n  ", problems));
    }

    /** The object of that kind whose name is this, or this plus kustomize's hash suffix. */
    private static ObjectNode object(List<JsonNode> documents, String kind, String name) {
        return (ObjectNode) documents.stream()
                .filter(d -> kind.equals(d.path("kind").asText()))
                .filter(d -> d.at("/metadata/name").asText().matches(java.util.regex.Pattern.quote(name) + "(-[a-z0-9]{10})?"))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static ObjectNode container(List<JsonNode> documents, String kind, String name) {
        return (ObjectNode) object(documents, kind, name).at("/spec/template/spec/containers/0");
    }

    private static JsonNode env(List<JsonNode> documents, String deployment, String name) {
        for (JsonNode env : (ArrayNode) container(documents, "Deployment", deployment).get("env")) {
            if (name.equals(env.path("name").asText())) {
                return env;
            }
        }
        throw new AssertionError("no env " + name + " in " + deployment);
    }

    private static JsonNode yaml(String text) {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

}
