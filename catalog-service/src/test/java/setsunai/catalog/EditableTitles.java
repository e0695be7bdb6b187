package setsunai.catalog;

import setsunai.testsupport.checks.EditableCollection;

/** The catalogue's titles for the shared checks: test-only slugs, the tag `grief`, a curated title that stays. */
final class EditableTitles implements EditableCollection {

    @Override
    public String path() {
        return "/api/titles";
    }

    @Override
    public String existingSlug() {
        return "nana";
    }

    @Override
    public String body(String slug, String name) {
        return ("{\"slug\": \"%s\", \"title\": \"%s\", \"format\": \"TV\", \"episodes\": 12, \"year\": 2020,"
                + " \"studios\": [\"Test Studio\"], \"tags\": [\"grief\"], \"ending\": \"OPEN\", \"tearjerker\": 5}")
                .formatted(slug, name);
    }
}
