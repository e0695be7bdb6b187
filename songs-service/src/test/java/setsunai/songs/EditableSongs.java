package setsunai.songs;

import setsunai.testsupport.checks.EditableCollection;

/** The songs for the shared checks: as in SongEditingTest (mood HOPE, role THEME, test-only title slugs, year 2030). */
final class EditableSongs implements EditableCollection {

    @Override
    public String path() {
        return "/api/songs";
    }

    @Override
    public String existingSlug() {
        return "torch";
    }

    @Override
    public String body(String slug, String name) {
        return ("{\"slug\": \"%s\", \"title\": \"%s\", \"year\": 2030, \"moods\": [\"HOPE\"],"
                + " \"artists\": [{\"slug\": \"test-parallel-artist\", \"name\": \"Test Parallel Artist\","
                + " \"role\": \"PERFORMER\"}], \"usages\": [{\"titleSlug\": \"test-only-parallel\", \"role\": \"THEME\"}]}")
                .formatted(slug, name);
    }
}
