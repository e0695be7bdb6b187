package setsunai.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.util.List;
import java.util.Map;

/** The gateway's editorial knobs: the moods it understands and how it ranks. Documented in gateway/README.md. */
@ConfigMapping(prefix = "setsunai.gateway")
public interface GatewayConfig {

    /** Mood name (as clients write it, e.g. heartbroken) to what it means. */
    Map<String, Mood> moods();

    Ranking ranking();

    Surprise surprise();

    Resilience resilience();

    WarmUp warmUp();

    interface WarmUp {

        /** Whether the gateway asks itself a caller's first requests before it reports ready (health.WarmUp). */
        @WithDefault("true")
        boolean enabled();

        /** Ready after this long even if the downstream services have not answered every warm-up request. */
        @WithDefault("60s")
        java.time.Duration maxWait();
    }

    interface Mood {

        String description();

        /** Catalogue tags that fit the mood, each with the points a matching title earns. */
        Map<String, Integer> tags();

        /** Title endings (TRAGIC, BITTERSWEET, OPEN, HOPEFUL) that fit the mood, with their points. */
        Map<String, Integer> endings();

        /** Song moods (BREAKUP, UNREQUITED, FAREWELL, GRIEF, LONGING, HOPE) that fit the mood. */
        List<String> songMoods();
    }

    interface Surprise {

        /**
         * The surprise draws among the titles that fit well: a fit (catalogue score: tags, ending, tearjerker) of at
         * least this share of the best fitting title's, 0 to 1 (0: every title that fits). Checked at startup.
         */
        @WithDefault("0.55")
        @DecimalMin("0")
        @DecimalMax("1")
        double minFitShare();
    }

    interface Resilience {

        /** Retry-After (seconds) on the gateway's 503s when the service sent none: the circuit breaker's delay. */
        @WithDefault("5")
        long retryAfter();
    }

    interface Ranking {

        /** Points per tearjerker level (1..10). */
        @WithDefault("0.3")
        double tearjerkerWeight();

        /** Points for a title that has at least one song fitting the mood. */
        @WithDefault("2")
        double songBonus();

        /** How many similar titles the title detail shows. */
        @WithDefault("6")
        int similarLimit();
    }
}
