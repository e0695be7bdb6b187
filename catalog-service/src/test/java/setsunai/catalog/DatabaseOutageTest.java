package setsunai.catalog;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import setsunai.testsupport.checks.DatabaseOutageChecks;
import setsunai.testsupport.checks.EditableCollection;

@QuarkusTest
class DatabaseOutageTest extends DatabaseOutageChecks {

    @Override
    protected String role() {
        return "catalog";
    }

    @Override
    protected EditableCollection collection() {
        return new EditableTitles();
    }

    @Override
    protected List<String> otherReadPaths() {
        return List.of("/api/tags", "/api/studios");
    }
}
