package setsunai.songs;

import setsunai.testsupport.checks.DataServiceLayout;

/** The data services' package layout (test-support DataServiceLayout): store is used by service alone. */
class LayoutTest extends DataServiceLayout {

    @Override
    protected String basePackage() {
        return "setsunai.songs";
    }
}
