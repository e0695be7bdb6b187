package setsunai.testsupport.checks;

/**
 * What the shared checks need to know of a data service's editable collection: where it is, one slug that is
 * always there, and a valid body for a test-only slug.
 */
public interface EditableCollection {

    /** The collection's path, e.g. {@code /api/titles}; imports go to its {@code /import}. */
    String path();

    /** A slug of the curated dataset, always present. */
    String existingSlug();

    /** A valid JSON body for {@code slug}, differing by {@code name} only, using test-only values. */
    String body(String slug, String name);
}
