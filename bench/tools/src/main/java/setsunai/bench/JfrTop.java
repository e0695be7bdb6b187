package setsunai.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service spent its CPU during a load step, from a JFR recording (jdk.ExecutionSample): the hottest methods
 * (self time) and, inclusive, the share of samples under a few areas (database driver, Hibernate, JSON, HTTP, the
 * service's own code).
 *
 * <pre>java -cp ... setsunai.bench.JfrTop &lt;recording.jfr&gt; &lt;out.txt&gt;</pre>
 */
public final class JfrTop {

    static final String[][] AREAS = {
            {"PostgreSQL JDBC driver", "org.postgresql."},
            {"Hibernate ORM", "org.hibernate."},
            {"Agroal pool / Narayana transactions", "io.agroal.", "com.arjuna.", "io.quarkus.narayana."},
            {"Jackson JSON", "com.fasterxml.jackson."},
            {"Vert.x / Netty HTTP", "io.vertx.", "io.netty."},
            {"REST layer (RESTEasy Reactive)", "org.jboss.resteasy.reactive."},
            {"REST client / fault tolerance", "io.quarkus.restclient.", "org.jboss.resteasy.reactive.client.", "io.smallrye.faulttolerance."},
            {"Bean Validation", "org.hibernate.validator."},
            {"service code (setsunai.*)", "setsunai."},
    };

    private JfrTop() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> areas = new HashMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            total++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> hit = new HashSet<>();
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                for (String[] area : AREAS) {
                    for (int i = 1; i < area.length; i++) {
                        if (type.startsWith(area[i])) {
                            hit.add(area[0]);
                        }
                    }
                }
            }
            hit.forEach(a -> areas.merge(a, 1, Integer::sum));
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d execution samples in %s%n%nInclusive share by area:%n", total, args[0]));
        final int n = Math.max(total, 1);
        areas.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(a -> out.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * a.getValue() / n, a.getKey())));
        out.append(String.format("%nHottest methods (self):%n"));
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(20)
                .forEach(m -> out.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * m.getValue() / n, m.getKey())));
        Files.writeString(Path.of(args[1]), out);
        System.out.print(out);
    }

    static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
