package setsunai.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every successful JSON GET gets an ETag (a hash of the body it sends) and a Cache-Control header;
 * a matching If-None-Match turns the answer into a 304 without a body.
 * Resources that know a better tag (an entity version) set the ETag themselves and it is kept.
 */
public class ETagFilter {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "setsunai.http.cache-control", defaultValue = "public, max-age=30")
    String cacheControl;

    @ServerResponseFilter
    public void etag(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        // A Response built without .type() has no media type yet here; our resources produce JSON, so hash it too.
        MediaType type = response.getMediaType();
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()
                || type != null && !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            return;
        }
        Object existing = response.getHeaders().getFirst(HttpHeaders.ETAG);
        String tag;
        if (existing != null) {
            tag = existing.toString();
        } else {
            byte[] body = response.getEntity() instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(response.getEntity());
            tag = new EntityTag(hash(body)).toString();
            response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        }
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatusInfo(Response.Status.NOT_MODIFIED);
            response.setEntity(null);
        }
    }

    /** If-None-Match may list several tags, or *; weak comparison as RFC 9110 asks for GET. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = opaque(tag);
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || opaque(trimmed).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /**
     * Two different 32-bit checksums and the length: a tag only has to change when the body does (no adversary
     * picks our bodies), and both checksums are CPU intrinsics, where SHA-256 cost several percent of a busy
     * service's CPU in the benchmarks (bench/RESULTS.md).
     */
    static String hash(byte[] body) {
        CRC32C crc32c = new CRC32C();
        crc32c.update(body);
        CRC32 crc32 = new CRC32();
        crc32.update(body);
        return String.format("%08x%08x-%x", crc32c.getValue(), crc32.getValue(), body.length);
    }
}
