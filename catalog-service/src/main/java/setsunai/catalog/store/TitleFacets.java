package setsunai.catalog.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * This instance's copy of title_facet (V5): one narrow entry per title, in primitive arrays sorted by id (about
 * 20 bytes a title, 2 MB at 100,000), so that similar titles score every candidate in memory instead of a pass over
 * the table per request. {@link #current} brings it up to date first, from the rows written since its last look,
 * so it is exact after any write of any instance, the import, the dataset loader or plain SQL.
 */
@ApplicationScoped
public class TitleFacets {

    /**
     * An immutable state of the copy: readers score it without locks while the next one is built. Ending and
     * format are codes into {@code values}. {@code byTag[bit]}: which entries carry that tag bit, as a bitset over
     * the entries' positions (null when none does), so that a pass reads 64 titles per word.
     */
    record Facets(long[] ids, long[] masks, short[] tagCounts, byte[] endings, byte[] formats, List<String> values,
                  long[][] byTag) {

        static final Facets EMPTY = new Facets(new long[0], new long[0], new short[0], new byte[0], new byte[0], List.of(),
                new long[64][]);

        int size() {
            return ids.length;
        }

        /** The code of this ending or format; -1 (never equal to a stored one) when no title has it. */
        int code(String value) {
            return values.indexOf(value);
        }
    }

    /** A changed facet row, or a removal (mask null). */
    private record Change(long id, Long mask, int tagCount, String ending, String format) {
    }

    private static final String EVERYTHING = """
            SELECT title_id, tag_mask, tag_count, ending, format, NULL FROM title_facet
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, NULL, pg_snapshot_xmin(pg_current_snapshot())::text
            """;

    /** One statement, so one snapshot: the rows it could not see before, and where to look from next time. */
    private static final String CHANGES = """
            SELECT title_id, tag_mask, tag_count, ending, format, NULL FROM title_facet
            WHERE changed_by >= ?::text::xid8
            UNION ALL
            SELECT title_id, NULL, NULL, NULL, NULL, NULL FROM title_facet_removed
            WHERE removed_by >= ?::text::xid8
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, NULL, pg_snapshot_xmin(pg_current_snapshot())::text
            """;

    private volatile Facets facets = Facets.EMPTY;
    /** The xmin of the last snapshot read from; null before the first load. Guarded by this. */
    private String seenFrom;

    /**
     * The copy as of a snapshot taken now (or later), on the caller's connection. Refreshes one at a time, so
     * that an older snapshot's rows never overwrite a newer one's; nothing changed costs one index probe each.
     */
    synchronized Facets current(Connection connection) throws SQLException {
        boolean everything = seenFrom == null;
        List<Change> changes = new ArrayList<>();
        String xmin = null;
        try (PreparedStatement statement = connection.prepareStatement(everything ? EVERYTHING : CHANGES)) {
            if (!everything) {
                statement.setString(1, seenFrom);
                statement.setString(2, seenFrom);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(6) != null) {
                        xmin = rows.getString(6);
                    } else {
                        long mask = rows.getLong(2);
                        boolean removal = rows.wasNull();
                        changes.add(new Change(rows.getLong(1), removal ? null : mask, rows.getInt(3),
                                rows.getString(4), rows.getString(5)));
                    }
                }
            }
        }
        if (everything || !changes.isEmpty()) {
            facets = apply(everything ? Facets.EMPTY : facets, changes);
        }
        seenFrom = xmin;
        return facets;
    }

    /**
     * A new state: these changes merged into the old one (rows read again after an earlier look simply rewrite the
     * same values). Title ids are never reused, so a removal is final whatever order the changes come in.
     */
    private static Facets apply(Facets old, List<Change> changes) {
        changes.sort((a, b) -> Long.compare(a.id(), b.id()));
        List<String> values = new ArrayList<>(old.values());
        int capacity = old.size() + changes.size();
        long[] ids = new long[capacity];
        long[] masks = new long[capacity];
        short[] tagCounts = new short[capacity];
        byte[] endings = new byte[capacity];
        byte[] formats = new byte[capacity];
        int n = 0;
        int i = 0;
        int c = 0;
        while (i < old.size() || c < changes.size()) {
            long oldId = i < old.size() ? old.ids()[i] : Long.MAX_VALUE;
            long changedId = c < changes.size() ? changes.get(c).id() : Long.MAX_VALUE;
            if (oldId < changedId) {
                ids[n] = oldId;
                masks[n] = old.masks()[i];
                tagCounts[n] = old.tagCounts()[i];
                endings[n] = old.endings()[i];
                formats[n] = old.formats()[i];
                n++;
                i++;
                continue;
            }
            if (oldId == changedId) {
                i++; // replaced (or removed) by the change
            }
            // One snapshot holds at most one row per id; a removal beside it would be of an earlier title of that id.
            Change change = changes.get(c++);
            while (c < changes.size() && changes.get(c).id() == change.id()) {
                if (changes.get(c).mask() != null) {
                    change = changes.get(c);
                }
                c++;
            }
            if (change.mask() == null) {
                continue;
            }
            ids[n] = change.id();
            masks[n] = change.mask();
            tagCounts[n] = (short) Math.min(change.tagCount(), Short.MAX_VALUE);
            endings[n] = code(values, change.ending());
            formats[n] = code(values, change.format());
            n++;
        }
        long[][] byTag = new long[64][];
        for (int e = 0; e < n; e++) {
            for (long rest = masks[e]; rest != 0; rest &= rest - 1) {
                int bit = Long.numberOfTrailingZeros(rest);
                if (byTag[bit] == null) {
                    byTag[bit] = new long[(n + 63) >>> 6];
                }
                byTag[bit][e >>> 6] |= 1L << e;
            }
        }
        return new Facets(Arrays.copyOf(ids, n), Arrays.copyOf(masks, n), Arrays.copyOf(tagCounts, n),
                Arrays.copyOf(endings, n), Arrays.copyOf(formats, n), List.copyOf(values), byTag);
    }

    private static byte code(List<String> values, String value) {
        int code = values.indexOf(value);
        if (code < 0) {
            if (values.size() == Byte.MAX_VALUE) {
                throw new IllegalStateException("More than 127 distinct endings and formats in title_facet");
            }
            values.add(value);
            code = values.size() - 1;
        }
        return (byte) code;
    }
}
