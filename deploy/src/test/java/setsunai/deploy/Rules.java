package setsunai.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import setsunai.deploy.NetworkReach.Endpoint;
import setsunai.deploy.NetworkReach.Port;

/**
 * What deploy/k8s promises (issue 16), as checks over one rendered overlay. Each returns its problems, an empty list
 * when the manifests keep the promise; the tests run every rule on both overlays, and on deliberately broken copies.
 */
final class Rules {

    record Rule(String name, Function<Manifests, List<String>> check) {

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Rule> ALL = List.of(
            new Rule("every object parses strictly (fabric8 model; the Cluster against its schema)", m -> m.parseProblems),
            new Rule("every service container has startup, readiness and liveness probes", Rules::probes),
            new Rule("every container has CPU and memory requests and limits", Rules::resources),
            new Rule("every pod is non-root, read-only, without privileges or API token", Rules::security),
            new Rule("every image is pinned; the services' are the Dockerfile's", Rules::images),
            new Rule("only the gateway is reachable from outside the cluster", Rules::entry),
            new Rule("no literal secret; every Secret used exists or is created out of band", Rules::secrets),
            new Rule("graceful shutdown: grace period > preStop + quarkus.shutdown.timeout", Rules::shutdown),
            new Rule("pods spread over nodes and zones", Rules::spread),
            new Rule("an HPA and a PDB per Deployment; connections fit max_connections", Rules::scaling),
            new Rule("PostgreSQL: one CloudNativePG Cluster; roles and schemas from db/roles.sql", Rules::database),
            new Rule("network policies: outside -> gateway -> services -> PostgreSQL, and DNS", Rules::network),
            new Rule("each Deployment gets the environment docker-compose.yml gives its service", Rules::environment),
            new Rule("each Service selects its Deployment and offers the ports compose exposes", Rules::services));

    /** Every problem of every rule. */
    static List<String> problems(Manifests m) {
        return ALL.stream().flatMap(rule -> rule.check().apply(m).stream()).toList();
    }

    private static final Compose COMPOSE = new Compose();

    /** Names whose literal value would be a secret in the repository. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL).*");

    private Rules() {
    }

    // ---- probes, resources, security ------------------------------------------------------------------------------

    static List<String> probes(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Deployment d : m.all(Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String where = "Deployment " + d.getMetadata().getName() + " container " + c.getName();
                probe(problems, where, c, "startupProbe", c.getStartupProbe(), "/q/health/started");
                probe(problems, where, c, "readinessProbe", c.getReadinessProbe(), "/q/health/ready");
                probe(problems, where, c, "livenessProbe", c.getLivenessProbe(), "/q/health/live");
            }
        }
        return problems;
    }

    private static void probe(List<String> problems, String where, Container c, String kind, Probe probe, String path) {
        if (probe == null) {
            problems.add(where + " has no " + kind);
        } else if (probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
            problems.add(where + ": " + kind + " is not GET " + path);
        } else if (!containerPort(c, probe.getHttpGet().getPort())) {
            problems.add(where + ": " + kind + " asks port " + probe.getHttpGet().getPort() + ", not a port of the container");
        }
    }

    static List<String> resources(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Workload w : workloads(m)) {
            for (Container c : w.containers()) {
                String where = w + " container " + c.getName();
                Map<String, Quantity> requests = c.getResources() == null ? null : c.getResources().getRequests();
                Map<String, Quantity> limits = c.getResources() == null ? null : c.getResources().getLimits();
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = requests == null ? null : requests.get(resource);
                    Quantity limit = limits == null ? null : limits.get(resource);
                    if (request == null || limit == null) {
                        problems.add(where + " has no " + resource + (request == null ? " request" : " limit"));
                    } else if (limit.getNumericalAmount().compareTo(request.getNumericalAmount()) < 0) {
                        problems.add(where + ": " + resource + " limit " + limit + " is below its request " + request);
                    }
                }
            }
        }
        return problems;
    }

    static List<String> security(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Workload w : workloads(m)) {
            PodSpec pod = w.template().getSpec();
            PodSecurityContext podContext = pod.getSecurityContext();
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                problems.add(w + " mounts a service account token (automountServiceAccountToken is not false)");
            }
            if (pod.getServiceAccountName() == null || m.named(ServiceAccount.class, pod.getServiceAccountName()).isEmpty()) {
                problems.add(w + " runs as service account " + pod.getServiceAccountName() + ", which the overlay does not create");
            }
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC())) {
                problems.add(w + " shares a host namespace");
            }
            for (Container c : w.containers()) {
                String where = w + " container " + c.getName();
                SecurityContext sc = c.getSecurityContext() == null ? new SecurityContext() : c.getSecurityContext();
                Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot()
                        : podContext == null ? null : podContext.getRunAsNonRoot();
                Long user = sc.getRunAsUser() != null ? sc.getRunAsUser() : podContext == null ? null : podContext.getRunAsUser();
                String seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                        : podContext == null || podContext.getSeccompProfile() == null ? null
                        : podContext.getSeccompProfile().getType();
                if (!Boolean.TRUE.equals(nonRoot) || Long.valueOf(0).equals(user)) {
                    problems.add(where + " may run as root (runAsNonRoot is not true)");
                }
                if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                    problems.add(where + " has no seccomp profile (RuntimeDefault)");
                }
                if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()) || Boolean.TRUE.equals(sc.getPrivileged())) {
                    problems.add(where + " may escalate privileges (allowPrivilegeEscalation is not false)");
                }
                if (sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                        || !sc.getCapabilities().getDrop().contains("ALL")
                        || (sc.getCapabilities().getAdd() != null && !sc.getCapabilities().getAdd().isEmpty())) {
                    problems.add(where + " keeps capabilities (drop [ALL], add none)");
                }
                if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    problems.add(where + " has a writable root filesystem");
                } else if (!emptyDirAt(pod, c, "/tmp")) {
                    problems.add(where + ": read-only root filesystem but no emptyDir at /tmp (the JVM and Vert.x write there)");
                }
                if (c.getPorts() != null && c.getPorts().stream().anyMatch(p -> p.getHostPort() != null)) {
                    problems.add(where + " binds a host port");
                }
            }
        }
        return problems;
    }

    private static boolean emptyDirAt(PodSpec pod, Container c, String path) {
        return c.getVolumeMounts() != null && c.getVolumeMounts().stream()
                .filter(mount -> path.equals(mount.getMountPath()))
                .anyMatch(mount -> volume(pod, mount.getName()).map(v -> v.getEmptyDir() != null).orElse(false));
    }

    // ---- images and the way in -------------------------------------------------------------------------------------

    static List<String> images(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Workload w : workloads(m)) {
            for (Container c : w.containers()) {
                pinned(c.getImage()).ifPresent(p -> problems.add(w + " container " + c.getName() + ": " + p));
            }
        }
        for (JsonNode cluster : m.clusters) {
            pinned(cluster.path("spec").path("imageName").asText(null))
                    .ifPresent(p -> problems.add("Cluster " + name(cluster) + ": " + p));
        }
        for (String service : COMPOSE.services()) {
            Optional<String> built = COMPOSE.builtService(service);
            if (built.isEmpty()) {
                continue;
            }
            Optional<Deployment> deployment = m.named(Deployment.class, service);
            if (deployment.isEmpty()) {
                problems.add("compose builds " + service + " (Dockerfile SERVICE=" + built.get() + "), no Deployment runs it");
                continue;
            }
            String image = deployment.get().getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            String repository = image.replaceAll("@.*$", "").replaceAll(":[^/:]*$", "");
            boolean digest = image.contains("@sha256:");
            if (!repository.equals("setsunai/" + built.get()) && !repository.endsWith("/setsunai/" + built.get())) {
                problems.add("Deployment " + service + " runs " + image + ", not the Dockerfile's image setsunai/" + built.get());
            } else if (!digest && !image.endsWith(":" + Repo.projectVersion())) {
                problems.add("Deployment " + service + " runs " + image + ": neither a digest nor the project version "
                        + Repo.projectVersion());
            }
        }
        return problems;
    }

    private static Optional<String> pinned(String image) {
        if (image == null || image.isBlank()) {
            return Optional.of("no image");
        }
        if (image.contains("@sha256:")) {
            return Optional.empty();
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        if (!last.contains(":")) {
            return Optional.of("image " + image + " has no tag or digest (it would be :latest)");
        }
        return last.endsWith(":latest") ? Optional.of("image " + image + " is :latest, not pinned") : Optional.empty();
    }

    static List<String> entry(Manifests m) {
        List<String> problems = new ArrayList<>();
        Set<String> published = new TreeSet<>(COMPOSE.services().stream().filter(COMPOSE::publishes).toList());
        Set<String> routed = new TreeSet<>();
        for (Ingress ingress : m.all(Ingress.class)) {
            List<IngressBackend> backends = new ArrayList<>();
            if (ingress.getSpec().getDefaultBackend() != null) {
                backends.add(ingress.getSpec().getDefaultBackend());
            }
            if (ingress.getSpec().getRules() != null) {
                ingress.getSpec().getRules().stream().filter(r -> r.getHttp() != null)
                        .flatMap(r -> r.getHttp().getPaths().stream()).forEach(p -> backends.add(p.getBackend()));
            }
            for (IngressBackend backend : backends) {
                String service = backend.getService() == null ? "(a resource backend)" : backend.getService().getName();
                routed.add(service);
                if (!published.contains(service)) {
                    problems.add("Ingress " + ingress.getMetadata().getName() + " routes to " + service
                            + "; only what compose publishes may be reached from outside: " + published);
                }
            }
        }
        published.stream().filter(s -> !routed.contains(s))
                .forEach(s -> problems.add("compose publishes " + s + ", no Ingress routes to it"));
        for (Service service : m.all(Service.class)) {
            String type = service.getSpec().getType();
            if (type != null && !type.equals("ClusterIP")) {
                problems.add("Service " + service.getMetadata().getName() + " is of type " + type + " (reachable from outside)");
            }
            if (service.getSpec().getExternalIPs() != null && !service.getSpec().getExternalIPs().isEmpty()) {
                problems.add("Service " + service.getMetadata().getName() + " has external IPs");
            }
        }
        return problems;
    }

    // ---- secrets ----------------------------------------------------------------------------------------------------

    private record SecretRef(String name, String key, String where) {
    }

    static List<String> secrets(Manifests m) {
        List<String> problems = new ArrayList<>();
        List<SecretRef> refs = new ArrayList<>();
        for (Workload w : workloads(m)) {
            for (Container c : w.containers()) {
                for (EnvVar env : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                    if (env.getValue() != null && SECRET_NAME.matcher(env.getName()).matches()) {
                        problems.add(w + " container " + c.getName() + ": " + env.getName() + " is a literal, not from a Secret");
                    }
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        refs.add(new SecretRef(env.getValueFrom().getSecretKeyRef().getName(),
                                env.getValueFrom().getSecretKeyRef().getKey(), w + " env " + env.getName()));
                    }
                }
                for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
                    if (from.getSecretRef() != null) {
                        refs.add(new SecretRef(from.getSecretRef().getName(), null, w + " envFrom"));
                    }
                }
            }
            for (Volume v : w.template().getSpec().getVolumes() == null ? List.<Volume>of() : w.template().getSpec().getVolumes()) {
                if (v.getSecret() != null) {
                    if (v.getSecret().getItems() == null) {
                        refs.add(new SecretRef(v.getSecret().getSecretName(), null, w + " volume " + v.getName()));
                    } else {
                        v.getSecret().getItems().forEach(item -> refs.add(
                                new SecretRef(v.getSecret().getSecretName(), item.getKey(), w + " volume " + v.getName())));
                    }
                }
            }
        }
        for (Ingress ingress : m.all(Ingress.class)) {
            if (ingress.getSpec().getTls() != null) {
                ingress.getSpec().getTls().forEach(tls -> Stream.of("tls.crt", "tls.key").forEach(key -> refs.add(
                        new SecretRef(tls.getSecretName(), key, "Ingress " + ingress.getMetadata().getName() + " tls"))));
            }
        }
        for (ConfigMap configMap : m.all(ConfigMap.class)) {
            if (configMap.getData() != null) {
                configMap.getData().keySet().stream().filter(k -> SECRET_NAME.matcher(k).matches()).forEach(k -> problems.add(
                        "ConfigMap " + configMap.getMetadata().getName() + " holds " + k + " (a Secret's job)"));
            }
        }
        Map<String, Set<String>> operator = operatorSecrets(m);
        Map<String, Set<String>> outOfBand = readmeSecrets();
        if (m.prod()) {
            m.all(Secret.class).forEach(s -> problems.add("prod renders Secret " + s.getMetadata().getName()
                    + ": its values would be in the repository; create it out of band (README)"));
        }
        for (SecretRef ref : new java.util.LinkedHashSet<>(refs)) {
            Set<String> keys;
            String origin;
            if (operator.containsKey(ref.name())) {
                keys = operator.get(ref.name());
                origin = "the CloudNativePG operator creates";
            } else if (m.prod()) {
                keys = outOfBand.get(ref.name());
                origin = "README \"Beyond one machine\" creates";
            } else {
                keys = m.all(Secret.class).stream().filter(s -> ref.name().equals(s.getMetadata().getName())).findFirst()
                        .map(Rules::keys).orElse(null);
                origin = "the overlay renders";
            }
            if (keys == null) {
                problems.add(ref.where() + " uses Secret " + ref.name() + ", which nothing creates (in " + m.overlay
                        + ", a Secret must be one " + origin + ")");
            } else if (ref.key() != null && !keys.contains(ref.key())) {
                problems.add(ref.where() + " uses key " + ref.key() + " of Secret " + ref.name() + ", which " + origin
                        + " with keys " + keys + " only");
            }
        }
        return problems;
    }

    private static Set<String> keys(Secret secret) {
        Set<String> keys = new TreeSet<>();
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        return keys;
    }

    /** CloudNativePG's own: <cluster>-app for the database owner, <cluster>-superuser with enableSuperuserAccess. */
    private static Map<String, Set<String>> operatorSecrets(Manifests m) {
        Map<String, Set<String>> secrets = new HashMap<>();
        for (JsonNode cluster : m.clusters) {
            Set<String> basicAuth = Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass");
            secrets.put(name(cluster) + "-app", basicAuth);
            if (cluster.path("spec").path("enableSuperuserAccess").asBoolean(false)) {
                secrets.put(name(cluster) + "-superuser", basicAuth);
            }
        }
        return secrets;
    }

    /** The Secrets the README tells a production operator to create, with their keys. */
    static Map<String, Set<String>> readmeSecrets() {
        String readme = Repo.read("README.md");
        int start = readme.indexOf("## Beyond one machine");
        if (start < 0) {
            return Map.of();
        }
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end).replace("\\\n", " ");
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        Matcher command = Pattern.compile("create secret (generic|tls) ([a-z0-9.-]+)([^\n]*)").matcher(section);
        while (command.find()) {
            Set<String> keys = secrets.computeIfAbsent(command.group(2), k -> new TreeSet<>());
            if (command.group(1).equals("tls")) {
                keys.addAll(List.of("tls.crt", "tls.key"));
            }
            Matcher key = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9._-]+)=").matcher(command.group(3));
            while (key.find()) {
                keys.add(key.group(1));
            }
        }
        return secrets;
    }

    // ---- shutdown, spread, scaling ----------------------------------------------------------------------------------

    static List<String> shutdown(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Deployment d : m.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            long grace = pod.getTerminationGracePeriodSeconds() == null ? 30 : pod.getTerminationGracePeriodSeconds();
            for (Container c : pod.getContainers()) {
                Optional<String> timeout = QuarkusConfig.value(name, "quarkus.shutdown.timeout", literals(m, c));
                Optional<Long> pause = preStopSeconds(c);
                if (timeout.isEmpty()) {
                    problems.add("Deployment " + name + ": quarkus.shutdown.timeout is not set, Quarkus would cut the "
                            + "requests in flight at SIGTERM");
                } else if (pause.isEmpty()) {
                    problems.add("Deployment " + name + " container " + c.getName() + " has no preStop pause (sleep)");
                } else {
                    Duration needed = QuarkusConfig.duration(timeout.get()).plusSeconds(pause.get());
                    if (Duration.ofSeconds(grace).compareTo(needed) <= 0) {
                        problems.add("Deployment " + name + ": terminationGracePeriodSeconds " + grace + " is not more than "
                                + "preStop " + pause.get() + " s + quarkus.shutdown.timeout " + timeout.get());
                    }
                }
            }
        }
        return problems;
    }

    private static Optional<Long> preStopSeconds(Container c) {
        LifecycleHandler preStop = c.getLifecycle() == null ? null : c.getLifecycle().getPreStop();
        if (preStop == null) {
            return Optional.empty();
        }
        if (preStop.getSleep() != null) {
            return Optional.of(preStop.getSleep().getSeconds());
        }
        if (preStop.getExec() != null) {
            Matcher sleep = Pattern.compile("(?:^|\\s)sleep (\\d+)\\b").matcher(String.join(" ", preStop.getExec().getCommand()));
            if (sleep.find()) {
                return Optional.of(Long.parseLong(sleep.group(1)));
            }
        }
        return Optional.empty();
    }

    static List<String> spread(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Deployment d : m.all(Deployment.class)) {
            var constraints = d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            if (constraints == null || constraints.stream().noneMatch(t -> "kubernetes.io/hostname".equals(t.getTopologyKey()))) {
                problems.add("Deployment " + d.getMetadata().getName() + " is not spread over nodes (topologySpreadConstraints)");
            } else {
                constraints.stream().filter(t -> !NetworkReach.matches(t.getLabelSelector(), labels)).forEach(t -> problems.add(
                        "Deployment " + d.getMetadata().getName() + ": the spread over " + t.getTopologyKey()
                                + " counts pods other than its own"));
            }
        }
        return problems;
    }

    static List<String> scaling(Manifests m) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> maxReplicas = new HashMap<>();
        for (Deployment d : m.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            if (d.getSpec().getReplicas() != null) {
                problems.add("Deployment " + name + " sets replicas, which every apply would reset under its HPA");
            }
            List<HorizontalPodAutoscaler> hpas = m.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                            && name.equals(h.getSpec().getScaleTargetRef().getName()))
                    .toList();
            if (hpas.size() != 1) {
                problems.add("Deployment " + name + " has " + hpas.size() + " HorizontalPodAutoscalers, not one");
                continue;
            }
            int min = hpas.get(0).getSpec().getMinReplicas() == null ? 1 : hpas.get(0).getSpec().getMinReplicas();
            int max = hpas.get(0).getSpec().getMaxReplicas();
            maxReplicas.put(name, max);
            if (min < 1 || max < min) {
                problems.add("HPA " + name + ": replicas " + min + ".." + max);
            }
            if (m.prod() && min < 2) {
                problems.add("HPA " + name + ": prod keeps at least 2 replicas, not " + min);
            }
            List<PodDisruptionBudget> pdbs = m.all(PodDisruptionBudget.class).stream()
                    .filter(p -> NetworkReach.matches(p.getSpec().getSelector(), labels)).toList();
            if (pdbs.size() != 1) {
                problems.add("Deployment " + name + " is covered by " + pdbs.size() + " PodDisruptionBudgets, not one");
                continue;
            }
            IntOrString maxUnavailable = pdbs.get(0).getSpec().getMaxUnavailable();
            IntOrString minAvailable = pdbs.get(0).getSpec().getMinAvailable();
            boolean drainable = maxUnavailable != null
                    ? (maxUnavailable.getIntVal() == null || maxUnavailable.getIntVal() >= 1)
                    : minAvailable != null && minAvailable.getIntVal() != null && minAvailable.getIntVal() < min;
            if (!drainable) {
                problems.add("PodDisruptionBudget " + pdbs.get(0).getMetadata().getName() + " would block every drain of "
                        + name + " at its minimum of " + min + " replicas");
            }
        }
        for (JsonNode cluster : m.clusters) {
            String rw = name(cluster) + "-rw";
            JsonNode parameters = cluster.path("spec").path("postgresql").path("parameters");
            int available = Integer.parseInt(parameters.path("max_connections").asText("100"))
                    - Integer.parseInt(parameters.path("superuser_reserved_connections").asText("3"));
            int needed = 0;
            List<String> parts = new ArrayList<>();
            for (Deployment d : m.all(Deployment.class)) {
                Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
                Map<String, String> env = literals(m, c);
                if (env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "").contains("//" + rw + ":")) {
                    int pool = Integer.parseInt(QuarkusConfig.value(d.getMetadata().getName(),
                            "quarkus.datasource.jdbc.max-size", env).orElse("20"));
                    int replicas = maxReplicas.getOrDefault(d.getMetadata().getName(), 1);
                    needed += replicas * pool;
                    parts.add(d.getMetadata().getName() + " " + replicas + " x " + pool);
                }
            }
            int jobs = (int) m.all(Job.class).stream().filter(j -> literals(m,
                    j.getSpec().getTemplate().getSpec().getContainers().get(0)).containsValue(rw)).count();
            needed += jobs;
            if (needed > available) {
                problems.add("Cluster " + name(cluster) + ": up to " + needed + " connections (" + String.join(", ", parts)
                        + ", " + jobs + " job) but max_connections leaves " + available);
            }
        }
        return problems;
    }

    // ---- the database -----------------------------------------------------------------------------------------------

    static List<String> database(Manifests m) {
        List<String> problems = new ArrayList<>();
        if (m.clusters.size() != 1) {
            problems.add(m.clusters.size() + " CloudNativePG Clusters, not one");
            return problems;
        }
        JsonNode cluster = m.clusters.get(0);
        String name = name(cluster);
        int instances = cluster.path("spec").path("instances").asInt(0);
        if (m.prod() && instances != 3) {
            problems.add("Cluster " + name + " runs " + instances + " instances in prod, not 3 (a primary and two replicas)");
        }
        if (m.prod() && !"required".equals(cluster.path("spec").path("affinity").path("podAntiAffinityType").asText())) {
            problems.add("Cluster " + name + ": prod's instances may share a node (podAntiAffinityType is not required)");
        }
        String roles = Repo.read("db/roles.sql");
        if (!roles.equals(Repo.read("deploy/k8s/base/db/roles.sql"))) {
            problems.add("deploy/k8s/base/db/roles.sql differs from db/roles.sql: copy db/roles.sql there again");
        }
        List<Job> roleJobs = new ArrayList<>();
        for (Job job : m.all(Job.class)) {
            PodSpec pod = job.getSpec().getTemplate().getSpec();
            for (Container c : pod.getContainers()) {
                for (VolumeMount mount : c.getVolumeMounts() == null ? List.<VolumeMount>of() : c.getVolumeMounts()) {
                    Optional<ConfigMap> script = volume(pod, mount.getName()).filter(v -> v.getConfigMap() != null)
                            .flatMap(v -> m.named(ConfigMap.class, v.getConfigMap().getName()))
                            .filter(cm -> cm.getData() != null && cm.getData().containsKey("roles.sql"));
                    if (script.isEmpty()) {
                        continue;
                    }
                    roleJobs.add(job);
                    String where = "Job " + job.getMetadata().getName();
                    if (!roles.equals(script.get().getData().get("roles.sql"))) {
                        problems.add(where + " runs a roles.sql that is not db/roles.sql");
                    }
                    String command = String.join(" ", Stream.concat(
                            c.getCommand() == null ? Stream.<String>empty() : c.getCommand().stream(),
                            c.getArgs() == null ? Stream.<String>empty() : c.getArgs().stream()).toList());
                    if (!command.contains("psql") || !command.contains("-f " + mount.getMountPath() + "/roles.sql")) {
                        problems.add(where + " does not run psql -f " + mount.getMountPath() + "/roles.sql");
                    }
                    Matcher variable = Pattern.compile(":'([a-z_]+)'").matcher(roles);
                    while (variable.find()) {
                        if (!command.contains("-v " + variable.group(1) + "=")) {
                            problems.add(where + " does not give roles.sql its psql variable " + variable.group(1));
                        }
                    }
                    Map<String, String> env = literals(m, c);
                    if (!(name + "-rw").equals(env.get("PGHOST"))) {
                        problems.add(where + " connects to " + env.get("PGHOST") + ", not the primary " + name + "-rw");
                    }
                    Matcher required = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(Repo.read("db/init/10-setsunai-roles.sh"));
                    while (required.find()) {
                        if (secretRef(c, required.group(1)) == null) {
                            problems.add(where + ": " + required.group(1) + " (db/init/10-setsunai-roles.sh requires it) "
                                    + "is not taken from a Secret");
                        }
                    }
                }
            }
        }
        if (roleJobs.size() != 1) {
            problems.add(roleJobs.size() + " Jobs run db/roles.sql, not one");
        }
        return problems;
    }

    // ---- the network ------------------------------------------------------------------------------------------------

    /** Where the ingress controller and the CloudNativePG operator run (network-policies.yaml says why). */
    static final String INGRESS_NAMESPACE = "ingress-nginx";
    static final String OPERATOR_NAMESPACE = "cnpg-system";

    private static final List<Port> PORTS = List.of(new Port(53, "UDP"), new Port(53, "TCP"), new Port(443, "TCP"),
            new Port(5432, "TCP"), new Port(8000, "TCP"), new Port(8080, "TCP"), new Port(8081, "TCP"),
            new Port(8082, "TCP"));

    static List<String> network(Manifests m) {
        String namespace = m.namespace();
        NetworkReach reach = new NetworkReach(namespace, m.all(NetworkPolicy.class));
        Map<String, Endpoint> pods = new LinkedHashMap<>();
        workloads(m).forEach(w -> pods.put(w.name(), Endpoint.pod(w.name(), namespace, w.template().getMetadata().getLabels())));
        Set<String> clusters = new TreeSet<>();
        m.clusters.forEach(c -> {
            clusters.add(name(c));
            pods.put(name(c), Endpoint.pod(name(c), namespace, Map.of("cnpg.io/cluster", name(c), "cnpg.io/podRole", "instance")));
        });
        pods.put("another pod of the namespace", Endpoint.pod("another pod of the namespace", namespace, Map.of("app", "other")));
        Endpoint ingress = Endpoint.pod("the ingress controller", INGRESS_NAMESPACE, Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Endpoint operator = Endpoint.pod("the CloudNativePG operator", OPERATOR_NAMESPACE, Map.of("app.kubernetes.io/name", "cloudnative-pg"));
        Endpoint dns = Endpoint.pod("cluster DNS", "kube-system", Map.of("k8s-app", "kube-dns"));
        List<Endpoint> outside = List.of(ingress, operator, dns,
                Endpoint.pod("a pod of another namespace", "elsewhere", Map.of("app", "other")),
                Endpoint.outside("the internet"));

        Set<String> published = new TreeSet<>(COMPOSE.services().stream().filter(COMPOSE::publishes).toList());
        Map<String, Set<Integer>> servicePorts = new HashMap<>();
        Set<String> dataServices = new TreeSet<>();
        Set<String> ours = new TreeSet<>();
        for (Workload w : workloads(m)) {
            ours.add(w.name());
            Set<Integer> ports = new TreeSet<>();
            w.containers().forEach(c -> {
                if (c.getPorts() != null) {
                    c.getPorts().forEach(p -> ports.add(p.getContainerPort()));
                }
                if (w.kind().equals("Deployment") && literals(m, c).values().stream()
                        .anyMatch(v -> clusters.stream().anyMatch(cl -> v.contains("//" + cl + "-rw:")))) {
                    dataServices.add(w.name());
                }
            });
            servicePorts.put(w.name(), ports);
        }

        List<String> problems = new ArrayList<>();
        List<Endpoint> sources = new ArrayList<>(pods.values());
        sources.addAll(outside);
        for (Endpoint from : sources) {
            // Connections out of the namespace are ours to restrict for our pods and PostgreSQL's only.
            List<Endpoint> targets = new ArrayList<>(pods.values());
            if (ours.contains(from.name()) || clusters.contains(from.name())) {
                targets.addAll(outside);
            }
            for (Endpoint to : targets) {
                if (from == to && !clusters.contains(from.name())) {
                    continue;
                }
                for (Port port : PORTS) {
                    boolean expected;
                    if (clusters.contains(to.name())) {
                        expected = port.number() == 5432 && (dataServices.contains(from.name()) || jobOf(m, from.name()))
                                || (port.number() == 5432 || port.number() == 8000)
                                && (clusters.contains(from.name()) || from == operator);
                    } else if (clusters.contains(from.name())) {
                        // The instance manager talks to the API server (and to object storage for backups).
                        expected = !namespace.equals(to.namespace());
                    } else if (to == dns) {
                        expected = ours.contains(from.name()) && port.number() == 53;
                    } else if (published.contains(to.name())) {
                        expected = from == ingress && servicePorts.get(to.name()).contains(port.number());
                    } else if (dataServices.contains(to.name())) {
                        expected = published.contains(from.name()) && servicePorts.get(to.name()).contains(port.number());
                    } else {
                        expected = false;
                    }
                    boolean actual = reach.allows(from, to, port);
                    if (actual != expected) {
                        problems.add(from.name() + (actual ? " can reach " : " cannot reach ") + to.name() + ":" + port
                                + (actual ? ", which it must not" : ", which it needs"));
                    }
                }
            }
        }
        return problems;
    }

    private static boolean jobOf(Manifests m, String name) {
        return m.named(Job.class, name).isPresent();
    }

    // ---- environment and Services -----------------------------------------------------------------------------------

    static List<String> environment(Manifests m) {
        List<String> problems = new ArrayList<>();
        String database = COMPOSE.databaseService();
        String primary = m.clusters.isEmpty() ? "(no Cluster)" : name(m.clusters.get(0)) + "-rw";
        // A compose variable (e.g. CATALOG_DB_PASSWORD) is one value wherever compose uses it: one Secret key here.
        Map<String, Set<String>> variableRefs = new LinkedHashMap<>();
        for (String service : COMPOSE.services()) {
            if (service.equals(database)) {
                continue;
            }
            Optional<Deployment> deployment = m.named(Deployment.class, service);
            if (deployment.isEmpty()) {
                problems.add("compose runs " + service + ", no Deployment of that name does");
                continue;
            }
            Container c = deployment.get().getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> literals = literals(m, c);
            for (Map.Entry<String, String> entry : COMPOSE.environment(service).entrySet()) {
                String key = entry.getKey();
                String composed = entry.getValue();
                String where = "Deployment " + service + ": " + key;
                String secret = secretRef(c, key);
                List<String> variables = Compose.variables(composed);
                if (!variables.isEmpty()) {
                    if (secret == null) {
                        problems.add(where + " is set by the operator under compose (" + composed + "); here it must come "
                                + "from a Secret, and does not");
                    } else {
                        variables.forEach(v -> variableRefs.computeIfAbsent(v, k -> new TreeSet<>()).add(secret));
                    }
                } else if (!literals.containsKey(key)) {
                    problems.add(where + " is missing (compose gives " + composed + ")");
                } else {
                    String expected = composed.replace("//" + database + ":", "//" + primary + ":");
                    if (!expected.equals(literals.get(key))) {
                        problems.add(where + " is " + literals.get(key) + "; compose gives " + composed + ", which is "
                                + expected + " here");
                    }
                }
            }
            for (Map.Entry<String, String> entry : literals.entrySet()) {
                Matcher host = Pattern.compile("//([a-z0-9.-]+):(\\d+)").matcher(entry.getValue());
                while (host.find()) {
                    if (!resolves(m, host.group(1), Integer.parseInt(host.group(2)), primary)) {
                        problems.add("Deployment " + service + ": " + entry.getKey() + " names " + host.group(1) + ":"
                                + host.group(2) + ", which no Service offers");
                    }
                }
            }
        }
        // The database's environment that db/init's script reads is the roles Job's here (see database()).
        Map<String, String> databaseEnv = COMPOSE.environment(database);
        for (Job job : m.all(Job.class)) {
            Container c = job.getSpec().getTemplate().getSpec().getContainers().get(0);
            databaseEnv.forEach((key, composed) -> {
                String secret = secretRef(c, key);
                if (secret != null) {
                    Compose.variables(composed).forEach(v -> variableRefs.computeIfAbsent(v, k -> new TreeSet<>()).add(secret));
                }
            });
        }
        variableRefs.forEach((variable, secrets) -> {
            if (secrets.size() != 1) {
                problems.add("compose's " + variable + " is one value; here it comes from different Secrets " + secrets);
            }
        });
        return problems;
    }

    private static boolean resolves(Manifests m, String host, int port, String primary) {
        if (host.equals(primary)) {
            return port == 5432;
        }
        return m.named(Service.class, host)
                .map(s -> s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port)).orElse(false);
    }

    static List<String> services(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (Service service : m.all(Service.class)) {
            String name = service.getMetadata().getName();
            Map<String, String> selector = service.getSpec().getSelector();
            List<Deployment> selected = m.all(Deployment.class).stream()
                    .filter(d -> selector != null && !selector.isEmpty() && selector.entrySet().stream().allMatch(
                            e -> e.getValue().equals(d.getSpec().getTemplate().getMetadata().getLabels().get(e.getKey()))))
                    .toList();
            if (selected.size() != 1) {
                problems.add("Service " + name + " selects " + selected.size() + " Deployments, not one");
                continue;
            }
            Container c = selected.get(0).getSpec().getTemplate().getSpec().getContainers().get(0);
            Set<Integer> ports = new TreeSet<>();
            for (var port : service.getSpec().getPorts()) {
                ports.add(port.getPort());
                IntOrString target = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
                if (!containerPort(c, target)) {
                    problems.add("Service " + name + " port " + port.getPort() + " targets " + target + ", not a port of "
                            + selected.get(0).getMetadata().getName());
                }
            }
            if (COMPOSE.services().contains(name) && !ports.equals(COMPOSE.containerPorts(name))) {
                problems.add("Service " + name + " offers ports " + ports + "; compose's " + name + " exposes "
                        + COMPOSE.containerPorts(name));
            }
        }
        COMPOSE.services().stream().filter(s -> COMPOSE.builtService(s).isPresent())
                .filter(s -> m.named(Service.class, s).isEmpty())
                .forEach(s -> problems.add("no Service " + s + ": the others reach it by that name under compose"));
        return problems;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    record Workload(String kind, String name, PodTemplateSpec template) {

        List<Container> containers() {
            List<Container> all = new ArrayList<>(template.getSpec().getContainers());
            if (template.getSpec().getInitContainers() != null) {
                all.addAll(template.getSpec().getInitContainers());
            }
            return all;
        }

        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    static List<Workload> workloads(Manifests m) {
        List<Workload> workloads = new ArrayList<>();
        m.all(Deployment.class).forEach(d -> workloads.add(new Workload("Deployment", d.getMetadata().getName(), d.getSpec().getTemplate())));
        m.all(Job.class).forEach(j -> workloads.add(new Workload("Job", j.getMetadata().getName(), j.getSpec().getTemplate())));
        return workloads;
    }

    /** The container's environment values that are not secret: literals, ConfigMap keys, envFrom ConfigMaps. */
    static Map<String, String> literals(Manifests m, Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                m.named(ConfigMap.class, from.getConfigMapRef().getName()).map(ConfigMap::getData).ifPresent(data -> data
                        .forEach((k, v) -> env.put(Objects.toString(from.getPrefix(), "") + k, v)));
            }
        }
        for (EnvVar var : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
            if (var.getValue() != null) {
                env.put(var.getName(), var.getValue());
            } else if (var.getValueFrom() != null && var.getValueFrom().getConfigMapKeyRef() != null) {
                m.named(ConfigMap.class, var.getValueFrom().getConfigMapKeyRef().getName())
                        .map(cm -> cm.getData().get(var.getValueFrom().getConfigMapKeyRef().getKey()))
                        .ifPresent(v -> env.put(var.getName(), v));
            } else {
                env.remove(var.getName());
            }
        }
        return env;
    }

    /** "secret/key" when the variable comes from a Secret's key, else null. */
    private static String secretRef(Container c, String name) {
        return (c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()).stream()
                .filter(v -> name.equals(v.getName()) && v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null)
                .map(v -> v.getValueFrom().getSecretKeyRef().getName() + "/" + v.getValueFrom().getSecretKeyRef().getKey())
                .findFirst().orElse(null);
    }

    private static boolean containerPort(Container c, IntOrString port) {
        if (port == null || c.getPorts() == null) {
            return false;
        }
        for (ContainerPort p : c.getPorts()) {
            if (port.getIntVal() != null ? port.getIntVal().equals(p.getContainerPort()) : port.getStrVal().equals(p.getName())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Volume> volume(PodSpec pod, String name) {
        return pod.getVolumes() == null ? Optional.empty()
                : pod.getVolumes().stream().filter(v -> name.equals(v.getName())).findFirst();
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

}
