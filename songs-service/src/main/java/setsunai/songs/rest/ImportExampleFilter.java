package setsunai.songs.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import setsunai.common.web.NdjsonLines;

/**
 * The import's example body is NDJSON text, but SmallRye reads an annotation example that starts with '{' as JSON and
 * keeps only its first line; so the example is set here, as the text it is, for Swagger UI to send as written.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ImportExampleFilter implements OASFilter {

    static final String NAME = "two songs";

    @Override
    public RequestBody filterRequestBody(RequestBody body) {
        var ndjson = body.getContent() == null ? null : body.getContent().getMediaType(NdjsonLines.MEDIA_TYPE);
        if (ndjson != null) {
            ndjson.setExamples(Map.of(NAME, OASFactory.createExample().value(SongResource.IMPORT_EXAMPLE)));
        }
        return body;
    }
}
