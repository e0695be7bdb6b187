package setsunai.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The database cannot be reached right now (restarting, killed, out of connections): a 503 with Retry-After that
 * the client can simply repeat, not a 500. Recognised from the exception's causes, whatever wraps them (Hibernate,
 * a transaction, our own IllegalStateException around plain JDBC); anything else stays an unexpected error.
 */
public final class DatabaseUnavailable {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);

    /** Seconds a client should wait: about as long as a local PostgreSQL takes to restart. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * PostgreSQL SQLStates (besides class 08, connection exception) that mean "not now": too many connections,
     * admin shutdown (also a terminated backend), crash shutdown, cannot connect now (starting up, shutting down).
     */
    private static final Set<String> STATES = Set.of("53300", "57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    /**
     * Whether {@code e}, one of its causes or what they suppressed says the database is unreachable or refuses
     * connections for now.
     */
    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // common does not depend on Hibernate; its connection failures carry the SQLException below anyway.
            if (t instanceof SQLTransientConnectionException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            // A commit cut by the connection's end is Narayana's RollbackException, whose XAException (caused by
            // the PSQLException) is only attached as suppressed.
            for (Throwable suppressed : t.getSuppressed()) {
                if (isCause(suppressed)) {
                    return true;
                }
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                    return true;
                }
                // Agroal's pool timeout (all connections busy or none can be opened) has no SQLState.
                if (state == null && sql.getClass() == SQLException.class && sql.getMessage() != null
                        && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The answer to a request that failed because the database is unavailable; the cause goes to the log only. */
    public static Response response(Throwable cause, UriInfo uri) {
        LOG.warnf("Database unavailable on %s: %s", uri == null ? "?" : uri.getPath(), rootOf(cause));
        Response response = Problems.response(503, "The service cannot reach its database right now (it may be "
                + "restarting or busy). Please retry in a few seconds.", uri, List.of());
        response.getHeaders().putSingle("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        return response;
    }

    private static String rootOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
