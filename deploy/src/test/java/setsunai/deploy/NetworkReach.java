package setsunai.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Kubernetes NetworkPolicy semantics, for one namespace's policies: a connection is allowed when the target's
 * ingress and the source's egress both allow it; a pod no policy selects (for that direction) is not isolated; within
 * policies that select it, any rule whose peers and ports match allows. Peers: podSelector alone means pods of the
 * policy's namespace, namespaceSelector (with an optional podSelector) pods of the matching namespaces, ipBlock
 * addresses outside the cluster (its CIDRs are not modelled: any ipBlock counts as "outside").
 */
final class NetworkReach {

    /** A pod (namespace and labels), or, with external, an address outside the cluster. */
    record Endpoint(String name, String namespace, Map<String, String> labels, boolean external) {

        static Endpoint pod(String name, String namespace, Map<String, String> labels) {
            return new Endpoint(name, namespace, labels, false);
        }

        static Endpoint outside(String name) {
            return new Endpoint(name, null, Map.of(), true);
        }

        Map<String, String> namespaceLabels() {
            return namespace == null ? Map.of() : Map.of("kubernetes.io/metadata.name", namespace);
        }
    }

    record Port(int number, String protocol) {

        @Override
        public String toString() {
            return number + ("TCP".equals(protocol) ? "" : "/" + protocol);
        }
    }

    private final String namespace;
    private final List<NetworkPolicy> policies;

    NetworkReach(String namespace, List<NetworkPolicy> policies) {
        this.namespace = namespace;
        this.policies = policies;
    }

    boolean allows(Endpoint from, Endpoint to, Port port) {
        boolean ingress = to.external() || !namespace.equals(to.namespace())
                || admits(to, "Ingress", p -> p.getSpec().getIngress() == null ? List.of()
                        : p.getSpec().getIngress().stream().map(r -> new Rule(r.getFrom(), r.getPorts())).toList(),
                        from, port);
        boolean egress = from.external() || !namespace.equals(from.namespace())
                || admits(from, "Egress", p -> p.getSpec().getEgress() == null ? List.of()
                        : p.getSpec().getEgress().stream().map(r -> new Rule(r.getTo(), r.getPorts())).toList(),
                        to, port);
        return ingress && egress;
    }

    private record Rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    }

    private boolean admits(Endpoint selected, String direction, Function<NetworkPolicy, List<Rule>> rules,
            Endpoint peer, Port port) {
        List<NetworkPolicy> isolating = policies.stream()
                .filter(p -> types(p).contains(direction) && matches(p.getSpec().getPodSelector(), selected.labels()))
                .toList();
        if (isolating.isEmpty()) {
            return true;
        }
        return isolating.stream().flatMap(p -> rules.apply(p).stream())
                .anyMatch(r -> peersMatch(r.peers(), peer) && portsMatch(r.ports(), port));
    }

    private static List<String> types(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        return policy.getSpec().getEgress() != null ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint endpoint) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> {
            if (peer.getIpBlock() != null) {
                return endpoint.external();
            }
            if (endpoint.external()) {
                return false;
            }
            boolean namespaceMatches = peer.getNamespaceSelector() == null ? namespace.equals(endpoint.namespace())
                    : matches(peer.getNamespaceSelector(), endpoint.namespaceLabels());
            return namespaceMatches && (peer.getPodSelector() == null || matches(peer.getPodSelector(), endpoint.labels()));
        });
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Port port) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> {
            String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!protocol.equals(port.protocol())) {
                return false;
            }
            IntOrString number = p.getPort();
            if (number == null) {
                return true;
            }
            if (number.getIntVal() == null) {
                throw new IllegalArgumentException("named port " + number.getStrVal() + " in a NetworkPolicy: "
                        + "these checks model numeric ports only");
            }
            int end = p.getEndPort() == null ? number.getIntVal() : p.getEndPort();
            return port.number() >= number.getIntVal() && port.number() <= end;
        });
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null
                && !selector.getMatchLabels().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
            return false;
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
                boolean ok = switch (requirement.getOperator()) {
                    case "In" -> value != null && values.contains(value);
                    case "NotIn" -> value == null || !values.contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new IllegalArgumentException("selector operator " + requirement.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
