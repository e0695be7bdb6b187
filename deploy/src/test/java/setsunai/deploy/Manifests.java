package setsunai.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One overlay as kubectl kustomize renders it: every built-in object parsed strictly into the fabric8 Kubernetes
 * model (an unknown or misspelt field, or a value of the wrong type, is a problem, as the API server would refuse it),
 * and CloudNativePG's Cluster, a custom resource, checked against src/test/resources/cnpg-cluster.schema.json.
 */
final class Manifests {

    /** The kinds these manifests may contain. Another kind is a problem until the checks know it. */
    private static final Map<String, Class<? extends HasMetadata>> BUILT_IN = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class));

    static final String CLUSTER = "postgresql.cnpg.io/v1/Cluster";

    /**
     * Unknown fields fail (FAIL_ON_UNKNOWN_PROPERTIES), which fabric8's classes would otherwise keep in their
     * additionalProperties (@JsonAnySetter): the introspector hides that setter. No "5" for 5, no "true" for true.
     */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .build();

    private static final Schema CLUSTER_SCHEMA;

    static {
        try (InputStream in = Manifests.class.getResourceAsStream("/cnpg-cluster.schema.json")) {
            CLUSTER_SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final String overlay;
    final List<JsonNode> documents;
    final List<HasMetadata> objects = new ArrayList<>();
    final List<JsonNode> clusters = new ArrayList<>();
    final List<String> parseProblems = new ArrayList<>();

    private Manifests(String overlay, List<JsonNode> documents) {
        this.overlay = overlay;
        this.documents = documents;
        for (JsonNode document : documents) {
            String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
            String name = type + " " + document.path("metadata").path("name").asText("(no name)");
            if (CLUSTER.equals(type)) {
                CLUSTER_SCHEMA.validate(document)
                        .forEach(error -> parseProblems.add(name + " at " + error.getInstanceLocation() + ": "
                                + error.getMessage()));
                clusters.add(document);
            } else if (BUILT_IN.containsKey(type)) {
                try {
                    objects.add(STRICT.treeToValue(document, BUILT_IN.get(type)));
                } catch (IOException e) {
                    parseProblems.add(name + " does not parse strictly: " + e.getMessage().lines().findFirst().orElse(""));
                }
            } else {
                parseProblems.add(name + ": a kind the deploy module's checks do not know");
            }
        }
    }

    static Manifests render(String overlay) {
        return of(overlay, Kubectl.kustomize(Repo.path("deploy/k8s/overlays/" + overlay)));
    }

    static Manifests of(String overlay, String yaml) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(yaml).forEachRemaining(d -> {
                if (d != null && !d.isNull() && !d.isEmpty()) {
                    documents.add(d);
                }
            });
            return new Manifests(overlay, documents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same documents, for a test to break one. */
    List<JsonNode> copy() {
        return documents.stream().<JsonNode>map(JsonNode::deepCopy).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    static Manifests of(String overlay, List<JsonNode> documents) {
        return new Manifests(overlay, documents);
    }

    boolean prod() {
        return overlay.equals("prod");
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> kind, String name) {
        return all(kind).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    /** The namespace everything is rendered into. */
    String namespace() {
        return objects.stream().map(o -> o.getMetadata().getNamespace()).filter(n -> n != null).findFirst()
                .orElse("default");
    }
}
