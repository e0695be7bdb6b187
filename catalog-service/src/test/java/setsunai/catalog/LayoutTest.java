package setsunai.catalog;

import setsunai.testsupport.checks.DataServiceLayout;

/** The data-service layout of docs/engineering.md (test-support), for the catalogue's packages. */
class LayoutTest extends DataServiceLayout {

    @Override
    protected String basePackage() {
        return "setsunai.catalog";
    }
}
