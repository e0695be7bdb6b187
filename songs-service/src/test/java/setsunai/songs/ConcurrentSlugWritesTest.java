package setsunai.songs;

import io.quarkus.test.junit.QuarkusTest;
import setsunai.testsupport.checks.ConcurrentSlugWrites;
import setsunai.testsupport.checks.EditableCollection;

@QuarkusTest
class ConcurrentSlugWritesTest extends ConcurrentSlugWrites {

    @Override
    protected EditableCollection collection() {
        return new EditableSongs();
    }
}
