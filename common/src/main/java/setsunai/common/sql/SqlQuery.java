package setsunai.common.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A native SQL statement assembled from fixed fragments, with every client value bound as a JDBC parameter
 * (never concatenated). Collections and String arrays are bound as PostgreSQL text[] so one statement serves any
 * number of values; enums are bound by name.
 */
public final class SqlQuery {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public SqlQuery() {
    }

    public SqlQuery(String fragment, Object... values) {
        append(fragment, values);
    }

    public SqlQuery append(String fragment, Object... values) {
        sql.append(fragment);
        params.addAll(List.of(values));
        return this;
    }

    /** Appends another statement's text and parameters, e.g. a shared WHERE clause. */
    public SqlQuery append(SqlQuery other) {
        sql.append(other.sql);
        params.addAll(other.params);
        return this;
    }

    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof Collection<?> values) {
                String[] array = values.stream().map(Object::toString).toArray(String[]::new);
                statement.setArray(i + 1, connection.createArrayOf("text", array));
            } else if (value instanceof String[] array) {
                statement.setArray(i + 1, connection.createArrayOf("text", array));
            } else if (value instanceof Enum<?> constant) {
                statement.setString(i + 1, constant.name());
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
