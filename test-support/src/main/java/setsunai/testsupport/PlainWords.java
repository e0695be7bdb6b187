package setsunai.testsupport;

import java.util.List;
import java.util.regex.Pattern;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * What an answer must never show a caller: stack traces, class and package names, SQL and the database's own
 * messages, schema-qualified names. One list for the tests' assertions and the fuzz suite's checks.
 */
public final class PlainWords {

    public static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\b[A-Z][A-Za-z]*Exception\\b|\\bException\\b"),
            Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$<>]+)+\\("),
            Pattern.compile("\\.java:\\d+"),
            Pattern.compile("\\b(java|javax|jakarta|jdk|sun)\\.[a-z]"),
            Pattern.compile("\\b(org|io|com|net)\\.(hibernate|postgresql|jboss|eclipse|apache|quarkus|vertx|smallrye|netty|fasterxml|agroal|flywaydb)\\b"),
            Pattern.compile("\\bsetsunai\\.[a-z]+\\.[a-zA-Z]"),
            Pattern.compile("\\bERROR\\b"),
            Pattern.compile("(?i)\\bconstraint\\b"),
            Pattern.compile("\\bSQL\\b|\\bSELECT\\b|(?i)\\binsert\\s+into\\b|(?i)\\bdelete\\s+from\\b|(?i)\\bupdate\\s+[a-z_]+\\.[a-z_]+\\s+set\\b"),
            Pattern.compile("\\b(catalog|songs)\\.[a-z_]+\\b"),
            Pattern.compile("SQLState|SQLSTATE|SQL state|\\bJDBC\\b|\\bHHH\\d+|RESTEASY\\d+|(?i)unexpected row count"),
            Pattern.compile("(?i)connections for role"));

    private PlainWords() {
    }

    /** The first leak in a body, or null when it reads as plain words. */
    public static Pattern firstLeak(String body) {
        for (Pattern leak : LEAKS) {
            if (leak.matcher(body).find()) {
                return leak;
            }
        }
        return null;
    }

    /** For REST Assured: {@code .body(PlainWords.only())}. */
    public static Matcher<String> only() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(String body) {
                return firstLeak(body) == null;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a body in plain words (no class, package, SQL or database message)");
            }

            @Override
            protected void describeMismatchSafely(String body, Description description) {
                description.appendText("matched /" + firstLeak(body).pattern() + "/ in ").appendValue(body);
            }
        };
    }
}
