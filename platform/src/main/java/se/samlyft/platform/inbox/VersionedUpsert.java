package se.samlyft.platform.inbox;

import static java.util.stream.Collectors.joining;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Writes a projection row only if the event's version of the aggregate is newer than the row's, so an older event
 * arriving late (a redelivery, a replay, a republished event) never overwrites newer state. Samlyft's events carry
 * the aggregate's {@code version} in their data for this.
 *
 * <p>For {@code VersionedUpsert.into("course_view", "id", "version", "tenant_id", "title")} the statement is:
 *
 * <pre>{@code
 * insert into course_view as existing (id, version, tenant_id, title) values (?, ?, ?, ?)
 * on conflict (id) do update set version = excluded.version, tenant_id = excluded.tenant_id, title = excluded.title
 * where excluded.version > existing.version
 * }</pre>
 *
 * The key column needs a primary key or unique constraint. Names are plain lower-case SQL identifiers, checked here.
 */
public final class VersionedUpsert {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern TABLE = Pattern.compile(IDENTIFIER + "(\\." + IDENTIFIER + ")?");

    private final String sql;
    private final List<String> columns;

    private VersionedUpsert(String table, String key, String version, List<String> columns) {
        this.columns = List.copyOf(columns);
        List<String> updated =
                Stream.concat(Stream.of(version), columns.stream()).toList();
        List<String> all = Stream.concat(Stream.of(key), updated.stream()).toList();
        this.sql = "insert into " + table + " as existing (" + String.join(", ", all) + ") values ("
                + String.join(", ", Collections.nCopies(all.size(), "?")) + ") on conflict (" + key
                + ") do update set "
                + updated.stream().map(c -> c + " = excluded." + c).collect(joining(", "))
                + " where excluded." + version + " > existing." + version;
    }

    /**
     * An upsert into {@code table}, keyed by the column {@code key}, guarded by the numeric column {@code version},
     * writing also {@code columns}.
     */
    public static VersionedUpsert into(String table, String key, String version, String... columns) {
        require(TABLE, table);
        List<String> named = new ArrayList<>(List.of(key, version));
        named.addAll(List.of(columns));
        named.forEach(name -> require(IDENTIFIER, name));
        if (named.stream().distinct().count() != named.size()) {
            throw new IllegalArgumentException("Each column is named once: " + named);
        }
        return new VersionedUpsert(table, key, version, List.of(columns));
    }

    /**
     * Writes the row if it is new or {@code version} is greater than the stored one.
     *
     * @param values the values of the other columns, in the order they were named
     * @return whether the row was written; false if the stored version is the same or newer
     */
    public boolean apply(JdbcOperations jdbc, Object key, long version, @Nullable Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    "Expected " + columns.size() + " values for " + columns + ", got " + values.length);
        }
        Object[] arguments = new Object[values.length + 2];
        arguments[0] = key;
        arguments[1] = version;
        System.arraycopy(values, 0, arguments, 2, values.length);
        return jdbc.update(sql, arguments) > 0;
    }

    /** The SQL statement, with a parameter for the key, the version and each column in that order. */
    public String sql() {
        return sql;
    }

    private static void require(Pattern pattern, String name) {
        if (!pattern.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case SQL name: '" + name + "'");
        }
    }
}
