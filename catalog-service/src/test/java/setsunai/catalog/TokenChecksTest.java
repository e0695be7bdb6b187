package setsunai.catalog;

import io.quarkus.test.junit.QuarkusTest;
import setsunai.testsupport.checks.EditableCollection;
import setsunai.testsupport.checks.EditorTokenChecks;

@QuarkusTest
class TokenChecksTest extends EditorTokenChecks {

    @Override
    protected EditableCollection collection() {
        return new EditableTitles();
    }
}
