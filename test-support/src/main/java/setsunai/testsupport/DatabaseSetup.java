package setsunai.testsupport;

import java.util.Map;

/**
 * Prepares a PostgreSQL you bring (./run.sh with SETSUNAI_JDBC_URL and SETSUNAI_DB_ADMIN_USER): the roles and
 * schemas of db/roles.sql, with CATALOG_DB_PASSWORD and SONGS_DB_PASSWORD from the environment (dev defaults).
 *
 * <pre>java -cp ... setsunai.testsupport.DatabaseSetup &lt;jdbc-url&gt; &lt;admin-user&gt; [admin-password]</pre>
 */
public final class DatabaseSetup {

    private DatabaseSetup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DatabaseSetup <jdbc-url> <admin-user> [admin-password]");
            System.exit(2);
        }
        Map<String, String> passwords = Map.of(
                "catalog", System.getenv().getOrDefault("CATALOG_DB_PASSWORD", DatabaseRoles.DEV_PASSWORDS.get("catalog")),
                "songs", System.getenv().getOrDefault("SONGS_DB_PASSWORD", DatabaseRoles.DEV_PASSWORDS.get("songs")));
        DatabaseRoles.apply(args[0], args[1], args.length > 2 ? args[2] : "", passwords);
        System.out.println("Roles and schemas ready in " + args[0]);
    }
}
