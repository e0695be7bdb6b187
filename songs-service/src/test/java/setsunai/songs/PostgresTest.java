package setsunai.songs;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import setsunai.testsupport.PostgresTestResource;

/** Every test of this service runs against one real PostgreSQL; see {@link PostgresTestResource}. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
public final class PostgresTest {

    private PostgresTest() {
    }
}
