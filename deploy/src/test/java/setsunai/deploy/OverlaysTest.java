package setsunai.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every rule of {@link Rules} on both overlays as kubectl kustomize renders them. */
class OverlaysTest {

    @TestFactory
    Stream<DynamicTest> everyRuleHoldsOnBothOverlays() {
        return Overlays.NAMES.stream().flatMap(overlay -> Rules.ALL.stream().map(rule ->
                DynamicTest.dynamicTest(overlay + ": " + rule.name(), () -> {
                    List<String> problems = rule.check().apply(Overlays.rendered(overlay));
                    assertTrue(problems.isEmpty(), () -> overlay + ": " + String.join("\n  ", problems));
                })));
    }
}
