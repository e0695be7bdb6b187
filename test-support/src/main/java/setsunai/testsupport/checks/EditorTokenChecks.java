package setsunai.testsupport.checks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import org.junit.jupiter.api.Test;
import setsunai.testsupport.Tokens;

/**
 * Editor tokens, the same in every data service: our issuer, our audience, at most an hour old, and not issued in
 * the future. A service's test extends this with {@code @QuarkusTest} and names its collection.
 */
public abstract class EditorTokenChecks {

    protected abstract EditableCollection collection();

    @Test
    void tokensForAnotherAudienceTooOldOrFromTheFutureAreRefused() {
        Map<String, String> tokens = Map.of(
                "wrong audience", Tokens.editorForOtherAudience(),
                "issued two hours ago", Tokens.editorIssuedLongAgo(),
                "issued in an hour", Tokens.editorIssuedInTheFuture());
        String path = collection().path() + "/" + collection().existingSlug();
        tokens.forEach((what, token) -> given().auth().oauth2(token).header("If-Match", "\"1\"")
                .contentType("application/json").body("{}").put(path)
                .then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401)).body("detail", containsString("not valid")));
    }

    @Test
    void theDevelopmentTokenIsStillGood() {
        // A valid editor token gets past authentication: the (empty) body is what is refused, not the token.
        given().auth().oauth2(Tokens.editor()).contentType("application/json").body("{}").post(collection().path())
                .then().statusCode(400).contentType("application/problem+json");
    }
}
