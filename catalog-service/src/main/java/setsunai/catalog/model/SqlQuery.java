package setsunai.catalog.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A native SQL statement assembled from fixed fragments, with every client value bound as a JDBC parameter
 * (never concatenated). Collections are bound as PostgreSQL text[] so one statement serves any number of values.
 */
final class SqlQuery {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    SqlQuery append(String fragment, Object... values) {
        sql.append(fragment);
        params.addAll(List.of(values));
        return this;
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof Collection<?> values) {
                String[] array = values.stream().map(Object::toString).toArray(String[]::new);
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
